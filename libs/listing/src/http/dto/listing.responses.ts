import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LotTermsDto } from './lot.dto';

// Responses of the announcement, lot, pricing committee and approval routes (AnnouncementService,
// DraftLotService, ReservePriceService, ApprovalService), for the OpenAPI document the web client is
// generated from. The reserve appears only as a status and a commitment, never as a value (except a
// committee member's own proposal, to that member).

const ANNOUNCEMENT_STATUSES = ['draft', 'published', 'suspended', 'terminated', 'completed'];
const LOT_PHASES = ['draft', 'published', 'applying', 'listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen', 'suspended', 'closed_sold', 'closed_unsold', 'terminated'];

/** The schedule of a lot in its method's shape (scheduleOf): only the instants of its method appear. */
export class LotScheduleViewDto {
  @ApiProperty({ type: String, format: 'date-time' }) applicationStart: Date;
  @ApiProperty({ type: String, format: 'date-time' }) applicationEnd: Date;
  @ApiProperty({ type: String, format: 'date-time' }) depositDeadline: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'listing (挂牌) only' }) listingStart?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'listing only' }) listingEnd?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'auction (拍卖) only' }) auctionStart?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'tender (招标) only' }) tenderSubmissionStart?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'tender only' }) tenderSubmissionDeadline?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'tender only' }) tenderOpening?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'lots with a reserve only: when the committee’s proposals are sealed' }) reserveSealingAt?: Date;
  @ApiProperty({ type: String, format: 'date-time' }) registrationCloseAt: Date;
}

class PracticeParcelTermsDto {
  @ApiProperty({ example: '模拟地块（非真实宗地）' }) name: string;
  @ApiProperty({ example: '20000.00' }) area: string;
  @ApiProperty({ example: '2.5000' }) plotRatioMax: string;
}

/** The terms as entered (LotTermsDto); a practice lot's also name its fictional parcel. */
export class LotTermsViewDto extends LotTermsDto {
  @ApiPropertyOptional({ type: PracticeParcelTermsDto, description: 'practice lots (模拟竞价) only' }) practiceParcel?: PracticeParcelTermsDto;
}

/** A lot as trading staff see it (staffLotView). */
export class StaffLotViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) announcementId: string;
  @ApiProperty({ example: 'GT2027-001-01' }) lotNumber: string;
  @ApiProperty({ example: '鲤城区江南片区A-03地块' }) title: string;
  @ApiProperty({ enum: ['auction', 'listing', 'tender'] }) method: string;
  @ApiProperty({ enum: LOT_PHASES }) phase: string;
  @ApiProperty({ example: '10000000.00' }) startPrice: string;
  @ApiProperty({ type: String, nullable: true, example: '100000.00' }) increment: string | null;
  @ApiProperty({ example: '2000000.00' }) deposit: string;
  @ApiProperty({ type: String, nullable: true, example: '15000000.00' }) priceCap: string | null;
  @ApiProperty({ type: LotTermsViewDto }) terms: LotTermsViewDto;
  @ApiProperty({ type: LotScheduleViewDto }) schedule: LotScheduleViewDto;
  @ApiProperty({ type: [String], format: 'uuid' }) parcelIds: string[];
  @ApiProperty({ type: 'integer', description: 'optimistic-lock version of the row' }) version: number;
  @ApiProperty({ description: 'a practice lot (模拟竞价): a rehearsal, no real sale' }) practice: boolean;
}

class CommitteeSeatDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'li.pricing' }) username: string;
  @ApiProperty({ example: '李定价' }) displayName: string;
  @ApiProperty() submitted: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
}

class LotReserveStatusDto {
  @ApiProperty() hasReserve: boolean;
  @ApiProperty({ type: [CommitteeSeatDto] }) committee: CommitteeSeatDto[];
  @ApiProperty() sealed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 commitment of the sealed reserve' }) commitment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sealedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, example: '11000000.00', description: 'only after the close, when the reserve is revealed' }) revealedValue: string | null;
}

/** A lot with its pricing committee's progress (lotDetail). */
export class StaffLotDetailDto extends StaffLotViewDto {
  @ApiProperty({ type: LotReserveStatusDto }) reserve: LotReserveStatusDto;
}

class AnnouncementVersionViewDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['original', 'amendment'] }) kind: string;
  @ApiProperty({ example: '出让公告' }) summary: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: Date;
}

/** An announcement with its versions and lots (detail). */
export class AnnouncementDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '泉自然资告〔2027〕1号' }) number: string;
  @ApiProperty({ example: '国有建设用地使用权挂牌出让公告' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ANNOUNCEMENT_STATUSES }) status: string;
  @ApiProperty({ type: 'integer', description: '0 while a draft, 1 once published, +1 per amendment' }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: [AnnouncementVersionViewDto] }) versions: AnnouncementVersionViewDto[];
  @ApiProperty({ type: [StaffLotDetailDto] }) lots: StaffLotDetailDto[];
}

class AnnouncementSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '泉自然资告〔2027〕1号' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ANNOUNCEMENT_STATUSES }) status: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
}

export class AnnouncementPageDto {
  @ApiProperty({ type: [AnnouncementSummaryDto] }) items: AnnouncementSummaryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class DeletedAnnouncementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) deleted: true;
  @ApiProperty({ type: [String], format: 'uuid' }) deletedLots: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'parcels free again' }) releasedParcels: string[];
}

export class DeletedLotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) deleted: true;
  @ApiProperty({ type: [String], format: 'uuid', description: 'parcels free again' }) releasedParcels: string[];
}

/** A decision reserved to a supervisor (ApprovalRequestEntity). */
export class ApprovalRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['announcement.suspend', 'announcement.terminate'] }) action: string;
  @ApiProperty({ example: 'announcement' }) targetType: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the request carries, e.g. the ground of a suspension' }) payload: Record<string, unknown>;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: Date;
  // Absent in the answer to the request itself (the row as inserted), null until decided.
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) decidedBy?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt?: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReason?: string | null;
}

export class ApprovalRequestPageDto {
  @ApiProperty({ type: [ApprovalRequestDto] }) items: ApprovalRequestDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

class CommitteeMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'li.pricing' }) username: string;
  @ApiProperty({ example: '李定价' }) displayName: string;
}

export class CommitteeViewDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ type: [CommitteeMemberDto] }) members: CommitteeMemberDto[];
}

class CommitteeCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'li.pricing' }) username: string;
  @ApiProperty({ example: '李定价' }) displayName: string;
}

export class CommitteeCandidatePageDto {
  @ApiProperty({ type: [CommitteeCandidateDto] }) items: CommitteeCandidateDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

/** A committee member's own proposal and whether the reserve is sealed; never the others' values. */
export class ReserveProposalStatusDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty() submitted: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, example: '11000000.00', description: 'the caller’s own proposal' }) myValue: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sealingDeadline: Date | null;
  @ApiProperty() sealed: boolean;
  @ApiProperty({ type: String, nullable: true }) commitment: string | null;
}
