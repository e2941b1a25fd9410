import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { RefundView } from '../../application/settlement.service';

// Responses of the settlement routes (SettlementService), for the OpenAPI document the web client is
// generated from. Instants are ISO 8601 strings, calendar dates YYYY-MM-DD, amounts decimal strings.

const OVERDUE_STEPS = ['confirmation', 'contract', 'refunds', 'publication', 'service_target'];
const SETTLEMENT_STATUSES = ['awaiting_contract', 'contracted', 'paid', 'defaulted', 'unsold'];
const PRICE_UNITS = ['total', 'per_square_metre', 'per_floor_area'];

/** A closed lot with its deadlines and what is overdue (settlementRows), as staff see it. */
export class SettlementViewDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: 'GT2027-001-01' }) lotNumber: string;
  @ApiProperty({ enum: ['sold', 'unsold'] }) outcome: string;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, example: '125000000.00', description: '成交总价, 元; null when unsold' }) price: string | null;
  @ApiProperty({ example: '25000000.00', description: 'the winner’s deposit converted to earnest money (定金)' }) earnest: string;
  @ApiProperty({ type: String, format: 'date-time' }) closedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmationDeadline: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmationSignedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) contractDeadline: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractId: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'when the losing bidders’ deposits are refunded by' }) refundDue: Date;
  @ApiProperty({ type: 'integer', description: 'refunds of this lot still due' }) refundsDue: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publicationDeadline: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'the 40-day service target' }) serviceDeadline: Date;
  @ApiProperty({ enum: OVERDUE_STEPS, isArray: true }) overdue: string[];
}

/** A settlement of a lot the caller won: without other bidders' refunds. */
export class MySettlementDto extends OmitType(SettlementViewDto, ['refundsDue', 'overdue'] as const) {
  @ApiProperty({ enum: ['confirmation', 'contract', 'publication', 'service_target'], isArray: true }) overdue: string[];
}

class ConfirmationPartyDto {
  @ApiProperty({ example: '丙建设有限公司' }) name: string;
  @ApiProperty({ example: '91370783MA3C1234XY', description: '统一社会信用代码, or an ID number for a person' }) creditCode: string;
}

class ConfirmationPartnerDto extends ConfirmationPartyDto {
  @ApiProperty({ example: '0.6000', description: 'share of the joint bid' }) share: string;
}

class ProjectCompanyDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional() creditCode?: string;
}

class ConfirmationParcelDto {
  @ApiProperty({ example: 'SG2026-001', description: '宗地编号' }) code: string;
  @ApiProperty({ description: '宗地坐落' }) location: string;
  @ApiProperty({ example: '17800.00', description: '出让面积, ㎡' }) area: string;
  @ApiProperty({ example: '城镇住宅用地', description: '规划用途 as printed' }) use: string;
  @ApiPropertyOptional({ example: '1.0000' }) plotRatioMin?: string;
  @ApiPropertyOptional({ example: '2.5000' }) plotRatioMax?: string;
  @ApiProperty({ type: 'integer', example: 70, description: '出让年限' }) tenureYears: number;
}

class InstallmentTermDto {
  @ApiProperty({ example: '0.5000' }) share: string;
  @ApiProperty({ type: 'integer', example: 1 }) withinMonths: number;
}

/** The payment plan: installments (分期) within months of the contract, or the whole price within days. */
class PaymentPlanDto {
  @ApiProperty({ enum: ['installments', 'full'] }) kind: string;
  @ApiPropertyOptional({ type: [InstallmentTermDto], description: 'kind installments only' }) installments?: InstallmentTermDto[];
  @ApiPropertyOptional({ type: 'integer', example: 30, description: 'kind full only' }) withinDays?: number;
}

class ConfirmationDeadlineDto {
  @ApiProperty({ format: 'date', example: '2027-03-22' }) date: string;
  @ApiProperty({ format: 'date-time', description: '23:59:59.999 Asia/Shanghai on date' }) endsAt: string;
}

class SaleFiguresDto {
  @ApiProperty({ enum: PRICE_UNITS }) priceUnit: string;
  @ApiProperty({ example: '9900000.00', description: 'as bid, in priceUnit' }) bidPrice: string;
  @ApiProperty({ example: '9800000.00', description: 'in priceUnit' }) startPrice: string;
  @ApiProperty({ example: '9900000.00', description: '成交总价, 元' }) totalPrice: string;
  @ApiProperty({ example: '9800000.00', description: 'the start price as a total, 元' }) startTotal: string;
  @ApiProperty({ example: '17800.00', description: 'Σ parcel areas, ㎡' }) landArea: string;
  @ApiProperty({ type: String, nullable: true, example: '44500', description: 'Σ area × maximum plot ratio, exact; null when a parcel has none' }) floorArea: string | null;
  @ApiProperty({ type: String, nullable: true, example: '556.18' }) unitPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '222.47' }) floorPrice: string | null;
  @ApiProperty({ example: '0.0102' }) premiumRate: string;
}

class InstallmentOffsetDto {
  @ApiPropertyOptional({ type: 'integer', description: 'installment plan: months after the contract date' }) months?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'full payment: days after the contract date' }) days?: number;
}

class ConfirmationInstallmentDto {
  @ApiProperty({ type: 'integer', example: 1 }) number: number;
  @ApiProperty({ type: InstallmentOffsetDto }) within: InstallmentOffsetDto;
  @ApiProperty({ example: '0.5000' }) share: string;
  @ApiProperty({ example: '4950000.00' }) amount: string;
  @ApiProperty({ example: '1960000.00' }) creditedEarnest: string;
  @ApiProperty({ example: '2990000.00' }) payable: string;
}

/** What the 成交确认书 says (libs/settlement ConfirmationModel as stored): the document's every figure. */
export class ConfirmationContentDto {
  @ApiProperty({ example: '寿自然资告字〔2026〕8号' }) announcementNumber: string;
  @ApiProperty({ example: 'SG2026-01' }) lotNumber: string;
  @ApiProperty({ enum: ['auction', 'listing', 'tender'] }) saleMethod: string;
  @ApiProperty({ example: '寿光市自然资源和规划局', description: '出让人' }) transferor: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ format: 'date', example: '2027-03-15', description: 'Shanghai date of the close' }) closeDate: string;
  @ApiProperty({ type: [ConfirmationParcelDto] }) parcels: ConfirmationParcelDto[];
  @ApiProperty({ type: ConfirmationPartyDto, description: 'the winner; for a joint bid, the lead partner' }) winner: ConfirmationPartyDto;
  @ApiPropertyOptional({ type: [ConfirmationPartnerDto], description: 'a joint bid only: every partner with its share' }) partners?: ConfirmationPartnerDto[];
  @ApiPropertyOptional({ type: ProjectCompanyDto }) projectCompany?: ProjectCompanyDto;
  @ApiProperty({ enum: PRICE_UNITS }) priceUnit: string;
  @ApiProperty({ example: '9900000.00' }) bidPrice: string;
  @ApiProperty({ example: '9800000.00' }) startPrice: string;
  @ApiProperty({ example: '1960000.00', description: 'the deposit converted to earnest money (定金)' }) depositConverted: string;
  @ApiProperty({ type: PaymentPlanDto }) paymentPlan: PaymentPlanDto;
  @ApiProperty({ type: ConfirmationDeadlineDto }) confirmationDeadline: ConfirmationDeadlineDto;
  @ApiProperty({ type: ConfirmationDeadlineDto }) contractDeadline: ConfirmationDeadlineDto;
  @ApiProperty({ example: 'ABCD2345EFGH6789' }) verificationCode: string;
  @ApiProperty({ example: 'https://example.gov.cn/verify/ABCD2345EFGH6789' }) verificationUrl: string;
  @ApiProperty({ type: SaleFiguresDto }) figures: SaleFiguresDto;
  @ApiProperty({ example: '9900000.00', description: '成交总价, 元' }) price: string;
  @ApiProperty({ type: String, nullable: true, example: '556.18' }) unitPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '222.47' }) floorPrice: string | null;
  @ApiProperty({ example: '0.0102' }) premiumRate: string;
  @ApiProperty({ type: [ConfirmationInstallmentDto] }) installments: ConfirmationInstallmentDto[];
}

export class ConfirmationViewDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: 'ABCD2345EFGH6789', description: 'the code printed on the document (public verification)' }) verificationCode: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) documentSha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) signDeadline: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt: Date | null;
  @ApiProperty({ example: '/api/lots/3f0c…/confirmation/pdf' }) pdfUrl: string;
  @ApiProperty({ type: ConfirmationContentDto }) content: ConfirmationContentDto;
}

export class ConfirmationSignedDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt: Date;
}

/** The public check of a confirmation code (and of a document's hash): no identities. */
export class ConfirmationCheckDto {
  @ApiProperty({ description: 'the code names a confirmation (and the document matches, when a hash was sent)' }) valid: boolean;
  @ApiPropertyOptional({ enum: ['NOT_A_CODE', 'UNKNOWN_CODE'], description: 'only when the code names nothing' }) reason?: string;
  @ApiPropertyOptional({ example: 'ABCD2345EFGH6789', description: 'the code, canonical form' }) verificationCode?: string;
  @ApiPropertyOptional({ example: '泉自然资告〔2026〕3号' }) announcementNumber?: string;
  @ApiPropertyOptional({ example: 'GT2027-001-01' }) lotNumber?: string;
  @ApiPropertyOptional({ example: '125000000.00', description: '成交总价, 元' }) price?: string;
  @ApiPropertyOptional({ enum: PRICE_UNITS }) priceUnit?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '125000000.00' }) bidPrice?: string | null;
  @ApiPropertyOptional({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) documentSha256?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) issuedAt?: Date;
  @ApiPropertyOptional() signed?: boolean;
  @ApiPropertyOptional({ description: 'only when a hash was sent: whether it is the document on record' }) documentMatches?: boolean;
}

class ContractInstallmentDto {
  @ApiProperty({ type: 'integer', example: 1 }) number: number;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) dueDate: string;
  @ApiProperty({ example: '62500000.00' }) amount: string;
  @ApiProperty({ example: '25000000.00' }) creditedEarnest: string;
  @ApiProperty({ example: '37500000.00' }) payable: string;
}

class ContractPaymentDto {
  @ApiProperty({ enum: ['premium', 'penalty'] }) kind: string;
  @ApiProperty({ format: 'date', example: '2027-01-20' }) paidOn: string;
  @ApiProperty({ example: '37500000.00' }) amount: string;
  @ApiProperty({ example: 'TX20261130000123' }) bankTxnId: string;
}

class ContractOverdueDto {
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) dueDate: string;
  @ApiProperty({ example: '37500000.00' }) outstanding: string;
  @ApiProperty({ type: 'integer' }) daysOverdue: number;
}

class ContractPenaltiesDto {
  @ApiProperty({ example: '0.00' }) accrued: string;
  @ApiProperty({ example: '0.00' }) paid: string;
  @ApiProperty({ example: '0.00' }) unpaid: string;
  @ApiProperty({ example: '0.00', description: 'what the overdue installments would accrue if paid today' }) runningToday: string;
}

/** A land contract (出让合同) with its installments, payments and penalties (contractIn). */
export class ContractViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: '寿出让合〔2026〕018号' }) contractNumber: string;
  @ApiProperty({ example: '125000000.00' }) price: string;
  @ApiProperty({ example: '25000000.00' }) earnest: string;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) signedOn: string;
  @ApiProperty({ enum: ['active', 'paid', 'terminated'] }) status: string;
  @ApiProperty({ type: [ContractInstallmentDto] }) installments: ContractInstallmentDto[];
  @ApiProperty({ type: [ContractPaymentDto] }) payments: ContractPaymentDto[];
  @ApiProperty({ example: '100000000.00' }) outstanding: string;
  @ApiProperty({ type: [ContractOverdueDto] }) overdue: ContractOverdueDto[];
  @ApiProperty({ type: ContractPenaltiesDto }) penalties: ContractPenaltiesDto;
  @ApiProperty({ description: 'overdue beyond the long-default limit: the contract is terminated at the next run' }) longDefault: boolean;
}

class ReconciledLineDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() txnId: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
}

/** A deposit refund (refundView). */
export class RefundViewDto implements RefundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: 'GT2027-001-01' }) lotNumber: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true, example: '007' }) bidderNumber: string | null;
  @ApiProperty({ description: 'the deposit payment (bank transaction) being returned' }) txnId: string;
  @ApiProperty({ example: '25000000.00' }) amount: string;
  @ApiProperty({ example: 'not_won' }) reason: string;
  @ApiProperty({ example: '某某置业有限公司' }) payeeName: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: Date;
  @ApiProperty({ enum: ['due', 'paid'] }) status: RefundView['status'];
  @ApiProperty() overdue: boolean;
  @ApiProperty({ example: 'TK3F0C2A9B1D4E', description: 'the reference to quote on the transfer (附言)' }) reference: string;
  @ApiProperty({ type: String, nullable: true }) bankReference: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-03' }) paidOn: string | null;
  @ApiProperty({ type: ReconciledLineDto, nullable: true, description: 'the bank statement line that confirmed the payout, once one did' }) reconciledWith: ReconciledLineDto | null;
}

export class ResultPublishedDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ enum: [true] }) published: true;
}

export class SettlementRunDto {
  @ApiProperty({ type: [String], description: 'lots newly settled' }) settled: string[];
  @ApiProperty({ type: [String], description: 'lots whose winner defaulted (no contract in time)' }) defaulted: string[];
  @ApiProperty({ type: [String], description: 'contracts terminated for long default' }) terminated: string[];
}
