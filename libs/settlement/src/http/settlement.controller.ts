import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { hasPermission, Permission } from '@app/auth/domain/permission';
import { Authenticated, CurrentActor, Public, RequirePermission } from '@app/auth/http/access.decorators';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import type { Actor } from '@app/common';
import { IsMoney, Money } from '@app/money';
import { SettlementService } from '../application/settlement.service';
import { ConfirmationCheckDto, ConfirmationSignedDto, ConfirmationViewDto, ContractViewDto, MySettlementDto, RefundViewDto, ResultPublishedDto, SettlementRunDto, SettlementViewDto } from './dto/settlement.responses';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ContractDto {
  @ApiProperty({ example: '寿出让合〔2026〕018号' }) @IsString() @MinLength(2) @MaxLength(100)
  contractNumber: string;

  @ApiProperty({ example: '2026-12-01', description: 'Not after today' }) @Matches(ISO_DATE, { message: 'signedOn must be a date like 2026-12-01' })
  signedOn: string;

  @ApiPropertyOptional({ enum: ['installments', 'full'] }) @IsOptional() @IsIn(['installments', 'full'])
  plan?: 'installments' | 'full';
}

export class PaymentDto {
  @ApiProperty({ enum: ['premium', 'penalty'] }) @IsIn(['premium', 'penalty'])
  kind: 'premium' | 'penalty';

  @ApiProperty({ example: '45000000.00' }) @IsMoney({ min: '0.01' })
  amount: string;

  @ApiProperty({ example: '2026-11-30', description: 'The day the money arrived; not after today' }) @Matches(ISO_DATE, { message: 'paidOn must be a date like 2027-01-05' })
  paidOn: string;

  @ApiProperty({ example: 'TX20261130000123', description: 'The bank transaction id (交易流水号); a payment is recorded once' }) @IsString() @MinLength(1) @MaxLength(100)
  bankTxnId: string;
}

export class ExtensionDto {
  @ApiProperty({ example: '2027-02-28' }) @Matches(ISO_DATE, { message: 'dueDate must be a date like 2027-02-28' })
  dueDate: string;

  @ApiProperty({ example: '寿政字〔2027〕5号批准，分管副局长签批', description: 'The approval behind the extension (document number, who approved)' }) @IsString() @MinLength(2) @MaxLength(2000)
  reason: string;
}

export class RefundPaymentDto {
  @ApiProperty({ example: 'TK20261203000045', description: 'The bank reference of the transfer' }) @IsString() @MinLength(1) @MaxLength(100)
  bankReference: string;

  @ApiProperty({ example: '2026-12-03' }) @Matches(ISO_DATE, { message: 'paidOn must be a date like 2026-12-03' })
  paidOn: string;
}

export class RefundQueryDto {
  @ApiPropertyOptional({ enum: ['due', 'paid'] }) @IsOptional() @IsIn(['due', 'paid'])
  status?: 'due' | 'paid';

  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Matches(/^[0-9a-f-]{36}$/i, { message: 'lotId must be a UUID' })
  lotId?: string;
}

export class SettlementQueryDto {
  @ApiPropertyOptional({ description: 'only settlements with an overdue step' }) @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;
}

export class DocumentCheckDto {
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the PDF you hold, 64 hex characters' }) @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hex characters' })
  sha256: string;
}

@ApiTags('settlement')
@Controller()
export class SettlementController {
  constructor(private readonly settlement: SettlementService) {}

  @Get('settlements')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementRead)
  @ApiOkResponse({ type: [SettlementViewDto] })
  @ApiOperation({ summary: 'Closed lots with their deadlines (confirmation, contract, refunds, publication, 40-day target) and what is overdue' })
  list(@Query() q: SettlementQueryDto) {
    return this.settlement.settlements({ overdue: q.overdue });
  }

  @Get('settlements/mine')
  @ApiBearerAuth()
  @RequirePermission(Permission.BidderSelf)
  @ApiOkResponse({ type: [MySettlementDto] })
  @ApiOperation({ summary: 'The settlements of the lots you won (every partner of a winning joint bid): status, price, earnest money, deadlines, contract' })
  mySettlements(@CurrentActor() actor: Actor) {
    return this.settlement.mySettlements(actor);
  }

  @Get('lots/:id/confirmation')
  @ApiBearerAuth()
  @Authenticated()
  @ApiOkResponse({ type: ConfirmationViewDto })
  @ApiOperation({ summary: 'The transaction confirmation (成交确认书) of a sold lot: for the winner, and staff' })
  confirmation(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.settlement.confirmation(id, actor, hasPermission(actor.roles, Permission.SettlementRead));
  }

  @Get('lots/:id/confirmation/pdf')
  @ApiBearerAuth()
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the PDF document', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'The confirmation as the PDF whose SHA-256 is on record' })
  async pdf(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { pdf, filename } = await this.settlement.confirmationPdf(id, actor, hasPermission(actor.roles, Permission.SettlementRead));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(pdf);
  }

  @Post('lots/:id/confirmation/signature')
  @ApiBearerAuth()
  @RequirePermission(Permission.BidderSelf)
  @ApiCreatedResponse({ type: ConfirmationSignedDto })
  @ApiOperation({ summary: 'The winner confirms the transaction confirmation online, before its deadline' })
  sign(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.settlement.signConfirmation(id, actor);
  }

  @Get('public/confirmations/:code')
  @Public()
  @ApiOkResponse({ type: ConfirmationCheckDto })
  @ApiOperation({ summary: 'Verify a confirmation by the code printed on it: lot, price, document hash (no identities)' })
  verify(@Param('code') code: string) {
    return this.settlement.verifyConfirmation(code);
  }

  @Post('public/confirmations/:code/check')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmationCheckDto })
  @ApiOperation({ summary: 'Check that a PDF (by its SHA-256) is the confirmation on record for the code' })
  check(@Param('code') code: string, @Body() dto: DocumentCheckDto) {
    return this.settlement.verifyConfirmation(code, dto.sha256);
  }

  @Post('lots/:id/contract')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementManage)
  @ApiCreatedResponse({ type: ContractViewDto })
  @ApiOperation({ summary: 'Record the signed land contract (出让合同): payment schedule, earnest money credited, receivable posted' })
  contract(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ContractDto) {
    return this.settlement.signContract(id, { contractNumber: dto.contractNumber, signedOn: dto.signedOn as IsoDate, plan: dto.plan });
  }

  @Get('contracts/mine')
  @ApiBearerAuth()
  @RequirePermission(Permission.BidderSelf)
  @ApiOkResponse({ type: [ContractViewDto] })
  @ApiOperation({ summary: 'Your land contracts (every partner of a winning joint bid): installments, payments, what is outstanding and overdue, penalties' })
  myContracts(@CurrentActor() actor: Actor) {
    return this.settlement.myContracts(actor);
  }

  @Get('contracts/:id')
  @ApiBearerAuth()
  @Authenticated()
  @ApiOkResponse({ type: ContractViewDto })
  @ApiOperation({ summary: 'A contract: installments, payments, what is outstanding and overdue, penalties. For staff, and for the winner’s own (anyone else: 404)' })
  getContract(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.settlement.contract(id, actor, hasPermission(actor.roles, Permission.SettlementRead));
  }

  @Post('contracts/:id/payments')
  @ApiBearerAuth()
  @RequirePermission(Permission.PaymentRecord)
  @ApiCreatedResponse({ type: ContractViewDto })
  @ApiOperation({ summary: 'Record a premium or penalty payment by hand (bank statements record them automatically)' })
  payment(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: PaymentDto) {
    return this.settlement.recordPaymentTx(id, { kind: dto.kind, amount: Money.parse(dto.amount, 'amount', { min: '0.01' }), paidOn: dto.paidOn as IsoDate, bankTxnId: dto.bankTxnId });
  }

  @Post('contracts/:id/installments/:number/extension')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementManage)
  @ApiCreatedResponse({ type: ContractViewDto })
  @ApiOperation({ summary: 'Record an approved payment extension (延期缴款) of an installment not yet due (audited with its reason)' })
  extend(@Param('id', new ParseUUIDPipe()) id: string, @Param('number', new ParseIntPipe()) number: number, @Body() dto: ExtensionDto) {
    return this.settlement.extendInstallment(id, number, { dueDate: dto.dueDate as IsoDate, reason: dto.reason });
  }

  @Get('refunds/mine')
  @ApiBearerAuth()
  @RequirePermission(Permission.BidderSelf)
  @ApiOkResponse({ type: [RefundViewDto] })
  @ApiOperation({ summary: 'The refunds of your deposits (winner or not): amount, due date, status, bank reference once paid' })
  myRefunds(@CurrentActor() actor: Actor) {
    return this.settlement.myRefunds(actor);
  }

  @Get('refunds')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementRead)
  @ApiOkResponse({ type: [RefundViewDto] })
  @ApiOperation({ summary: 'Deposit refunds with their due dates and bank references (each with the reference to quote on the transfer)' })
  refunds(@Query() q: RefundQueryDto) {
    return this.settlement.refunds(q);
  }

  @Post('refunds/:id/payment')
  @ApiBearerAuth()
  @RequirePermission(Permission.PaymentRecord)
  @ApiCreatedResponse({ type: RefundViewDto })
  @ApiOperation({ summary: 'A refund went out: its bank reference (statements record this automatically)' })
  refundPaid(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RefundPaymentDto) {
    return this.settlement.markRefundPaidTx(id, { bankReference: dto.bankReference, paidOn: dto.paidOn as IsoDate });
  }

  @Post('lots/:id/result-publication')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementManage)
  @ApiCreatedResponse({ type: ResultPublishedDto })
  @ApiOperation({ summary: 'Publish the result (成交公示) with the winner’s name' })
  publish(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.settlement.publishResult(id);
  }

  @Post('settlements/run')
  @ApiBearerAuth()
  @RequirePermission(Permission.SettlementManage)
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementRunDto })
  @ApiOperation({ summary: 'Settle newly closed lots and enforce deadlines now (every instance also does it on a timer)' })
  run() {
    return this.settlement.runOnce();
  }
}
