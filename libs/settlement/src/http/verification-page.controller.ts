import { createHash } from 'node:crypto';
import { Controller, Get, HttpStatus, Param, Post, Query, RequestMethod, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@app/auth/http/access.decorators';
import { normalizeVerificationCode } from '../domain/verification-code';
import { SettlementService } from '../application/settlement.service';
import { renderVerificationPage, VERIFICATION_PAGE_PATH, type DocumentCheck } from './verification-page';

/** The largest PDF the page hashes (a confirmation is a few hundred KB with its embedded font subset); held in memory while hashed. */
const MAX_PDF_BYTES = 5 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Routes served outside the global `/api` prefix (apps/api's bootstrap excludes them), so that the
 * address printed on a confirmation is short: `<PUBLIC_BASE_URL>/verify/<code>`. A web front end
 * served at `/` must leave `/verify` to the API.
 */
export const UNPREFIXED_ROUTES = [
  { path: VERIFICATION_PAGE_PATH, method: RequestMethod.GET },
  { path: `${VERIFICATION_PAGE_PATH}/:code`, method: RequestMethod.GET },
  { path: `${VERIFICATION_PAGE_PATH}/:code`, method: RequestMethod.POST },
];

/**
 * The human page behind the link and QR code printed on a confirmation (成交确认书): HTML without
 * script or login. 200 when the code is on record, 404 ("not found") when it is not or is not a code.
 */
@ApiExcludeController()
@Controller(VERIFICATION_PAGE_PATH)
export class VerificationPageController {
  constructor(private readonly settlement: SettlementService) {}

  /** The code-entry form; `?code=` (as typed) redirects to the canonical page. */
  @Get()
  @Public()
  form(@Query('code') code: unknown, @Res() res: Response): void {
    if (typeof code === 'string' && code.trim() !== '') {
      try {
        res.setHeader('Cache-Control', 'no-store');
        res.redirect(HttpStatus.SEE_OTHER, `/${VERIFICATION_PAGE_PATH}/${normalizeVerificationCode(code)}`);
        return;
      } catch {
        this.send(res, HttpStatus.NOT_FOUND, renderVerificationPage({ kind: 'not_found', typed: code }));
        return;
      }
    }
    this.send(res, HttpStatus.OK, renderVerificationPage({ kind: 'form' }));
  }

  /** The confirmation's public facts; `?sha256=` checks a document hash typed by hand. */
  @Get(':code')
  @Public()
  async page(@Param('code') code: string, @Query('sha256') sha256: unknown, @Res() res: Response): Promise<void> {
    const typed = typeof sha256 === 'string' && sha256.trim() !== '' ? sha256.trim().toLowerCase() : undefined;
    await this.answer(res, code, typed === undefined ? undefined : SHA256.test(typed) ? { sha256: typed, source: 'typed' } : { error: 'SHA-256 应为64位十六进制字符。A SHA-256 is 64 hexadecimal characters.' });
  }

  /** A PDF uploaded from the page's form (multipart field `pdf`): hashed here and compared with the record. */
  @Post(':code')
  @Public()
  @UseInterceptors(FileInterceptor('pdf', { limits: { fileSize: MAX_PDF_BYTES, files: 1, fields: 0 } }))
  async upload(@Param('code') code: string, @UploadedFile() file: { buffer: Buffer } | undefined, @Res() res: Response): Promise<void> {
    const check = file?.buffer && file.buffer.length > 0 ? { sha256: createHash('sha256').update(file.buffer).digest('hex'), source: 'upload' as const } : { error: '请选择要核对的PDF文件。Choose the PDF file to check.' };
    await this.answer(res, code, check);
  }

  private async answer(res: Response, code: string, check: { sha256: string; source: DocumentCheck['source'] } | { error: string } | undefined): Promise<void> {
    const confirmation = await this.settlement.lookupConfirmation(code);
    if (!confirmation) {
      this.send(res, HttpStatus.NOT_FOUND, renderVerificationPage({ kind: 'not_found', typed: code }));
      return;
    }
    const html =
      check === undefined
        ? renderVerificationPage({ kind: 'found', confirmation })
        : 'error' in check
          ? renderVerificationPage({ kind: 'found', confirmation, checkError: check.error })
          : renderVerificationPage({ kind: 'found', confirmation, check: { ...check, matches: check.sha256 === confirmation.documentSha256 } });
    this.send(res, HttpStatus.OK, html);
  }

  private send(res: Response, status: number, html: string): void {
    res.status(status).setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(html);
  }
}
