import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Permission } from '@app/auth';
import { DomainError, type Actor } from '@app/common';
import { TransactionRunner } from '@app/database';
import { SettingsService } from '@app/settings';
import { ACCEPTED_DOCUMENT_TYPES, checkDocumentQuota, documentTypeOf, downloadFileName, sniffDocumentType } from '../domain/document-type';
import type { UploadDocumentDto } from '../http/dto/qualification.dto';
import { ApplicationDocumentEntity } from '../persistence/application.entity';
import { ApplicationAccess } from './application-access';
import { documentView } from './application-view';
import { FileStore, sha256Hex } from './file-store';

const OPEN_FOR_DOCUMENTS = ['draft', 'submitted', 'under_review'];

/**
 * An application's documents (申请材料): uploaded by the lead, typed by their content, limited in
 * number and size (settings), stored once per content, and read back by the members and reviewers.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger('ApplicationDocuments');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly access: ApplicationAccess,
    private readonly files: FileStore,
  ) {}

  /**
   * Stores a document, or returns the one the application already holds with the same SHA-256
   * (`created: false`): a file uploaded twice is kept once. Refused files store nothing.
   */
  async upload(applicationId: string, actor: Actor, dto: UploadDocumentDto): Promise<{ created: boolean; document: ReturnType<typeof documentView> }> {
    const content = Buffer.from(dto.contentBase64, 'base64');
    // Judged before any lock or write; the same answer whoever asks, so it reveals nothing.
    if (content.length === 0) throw new DomainError('EMPTY_FILE', 'the file is empty', 'contentBase64');
    const type = sniffDocumentType(content);
    if (!type) throw new DomainError('DOCUMENT_TYPE_NOT_ALLOWED', `contentBase64 must be a ${ACCEPTED_DOCUMENT_TYPES}, judged by its content (the file name does not count)`, 'contentBase64');
    const sha256 = sha256Hex(content);
    return this.tx.run(async (em) => {
      const { app } = await this.access.asLead(em, applicationId, actor, { lock: true });
      if (!OPEN_FOR_DOCUMENTS.includes(app.status)) throw new DomainError('APPLICATION_CLOSED', `documents can no longer be added to an application that is ${app.status}`, 'id');
      const same = await em.findOneBy(ApplicationDocumentEntity, { applicationId, sha256 });
      if (same) return { created: false, document: documentView(same) };
      const [held] = (await em.query(`SELECT count(*)::int AS count, coalesce(sum(size_bytes), 0)::bigint::text AS total FROM application_document WHERE application_id = $1`, [applicationId])) as Array<{
        count: number;
        total: string;
      }>;
      const limits = await this.settings.namespace('qualification', em);
      checkDocumentQuota({ count: held!.count, totalBytes: Number(held!.total) }, content.length, {
        maxDocuments: limits['maxDocumentsPerApplication'] as number,
        maxFileBytes: limits['maxDocumentBytes'] as number,
        maxTotalBytes: limits['maxApplicationDocumentBytes'] as number,
      });
      const stored = await this.files.put(content);
      const document = await em.save(
        em.create(ApplicationDocumentEntity, { applicationId, title: dto.title, fileName: dto.fileName, contentType: type.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.key }),
      );
      await this.audit.record(em, {
        action: 'application.document.add',
        entityType: 'application',
        entityId: applicationId,
        after: { documentId: document.id, title: dto.title, fileName: dto.fileName, contentType: type.contentType, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
      });
      return { created: true, document: documentView(document) };
    });
  }

  /**
   * The stored file, for reviewers (application.review), supervisors (who read everything, audit.read)
   * and the application's members; anyone else gets the answer for an unknown application.
   */
  async download(applicationId: string, documentId: string, actor: Actor): Promise<{ content: Buffer; contentType: string; fileName: string }> {
    const document = await this.tx.run(async (em) => {
      await this.access.asStaffOrMember(em, applicationId, actor, [Permission.ApplicationReview, Permission.AuditRead]);
      const found = await em.findOneBy(ApplicationDocumentEntity, { id: documentId, applicationId });
      if (!found) throw new DomainError('DOCUMENT_NOT_FOUND', 'there is no such document', 'documentId');
      return found;
    });
    const content = await this.files.get(document.storageKey);
    if (sha256Hex(content) !== document.sha256) {
      // The file on disk is not what was uploaded: never hand it out as if it were.
      this.logger.error({ applicationId, documentId, storageKey: document.storageKey }, 'stored document does not match its SHA-256');
      throw new Error(`document ${documentId} does not match its recorded SHA-256`);
    }
    return { content, contentType: document.contentType, fileName: downloadFileName(document.fileName, documentTypeOf(document.contentType)) };
  }
}
