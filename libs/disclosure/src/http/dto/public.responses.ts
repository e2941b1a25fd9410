import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOT_PHASES } from '@app/listing/domain/lot-phase';
import { TRADING_METHODS } from '@app/listing/domain/lot-terms';
import { PRICE_UNITS } from '@app/money';
import { PLANNED_USES } from '@app/reserve/domain/parcel-rules';

/**
 * What the public routes (public.controller.ts) answer, for the OpenAPI document and the web's
 * generated types. Documentation classes only: each mirrors a view function of
 * application/public-views.ts or disclosure.service.ts field by field.
 */

export const NOTICE_KINDS = ['announcement', 'amendment', 'suspension', 'resumption', 'termination', 'reserve_sealed', 'result'] as const;
const ANNOUNCEMENT_STATUSES = ['published', 'suspended', 'terminated', 'completed'] as const;

/** noticeView */
export class PublicNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: (typeof NOTICE_KINDS)[number];
  @ApiProperty({ example: '寿光市国有建设用地使用权挂牌出让公告' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'uuid' }) announcementId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the lot the notice is about, when it is about one' }) lotId: string | null;
  @ApiProperty({ example: '/api/public/notices/00000000-0000-4000-8000-000000000001' }) url: string;
}

/** A notice of the feed, with the announcement it belongs to. */
export class PublicNoticeListItemDto extends PublicNoticeDto {
  @ApiProperty({ example: '寿自然资告字〔2026〕9号' }) announcementNumber: string;
}

export class PublicNoticePageDto {
  @ApiProperty({ type: [PublicNoticeListItemDto] }) items: PublicNoticeListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** publicAnnouncementHeader */
export class PublicAnnouncementHeaderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '寿自然资告字〔2026〕9号' }) number: string;
  @ApiProperty({ example: '寿光市国有建设用地使用权挂牌出让公告' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ANNOUNCEMENT_STATUSES }) status: (typeof ANNOUNCEMENT_STATUSES)[number];
  @ApiProperty({ description: 'the current version (1 + the number of amendments)' }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() url: string;
}

export class PublicAnnouncementPageDto {
  @ApiProperty({ type: [PublicAnnouncementHeaderDto] }) items: PublicAnnouncementHeaderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** publicLotView's schedule: instants, null where the method has none. */
export class PublicLotScheduleDto {
  @ApiProperty({ format: 'date-time', description: '报名开始' }) applicationStart: string;
  @ApiProperty({ format: 'date-time', description: '报名截止' }) applicationEnd: string;
  @ApiProperty({ format: 'date-time', description: '保证金到账截止' }) depositDeadline: string;
  @ApiProperty({ format: 'date-time', description: '挂牌 / 拍卖 / 投标开始' }) tradingStart: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: '挂牌截止 / 投标截止' }) tradingEnd: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: '开标 (tender)' }) openingAt: string | null;
  @ApiProperty({ format: 'date-time', description: '资格审查截止' }) registrationClose: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: '底价封存截止' }) reserveSealDeadline: string | null;
}

export class PublicRevealedReserveDto {
  @ApiProperty({ example: '12350000.00', nullable: true, type: String }) value: string | null;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', nullable: true, type: String }) salt: string | null;
  @ApiProperty({ format: 'date-time' }) revealedAt: string;
}

/** publicReserveView: whether there is a reserve and its commitment; the value only after the close. */
export class PublicReserveDto {
  @ApiProperty() hasReserve: boolean;
  @ApiProperty() sealed: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'hex SHA-256 of "land-reserve-v1|lotId|value|salt"' }) commitment: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sealedAt: string | null;
  @ApiProperty({ type: () => PublicRevealedReserveDto, nullable: true, description: 'after the close only' }) revealed: PublicRevealedReserveDto | null;
}

export class PublicPlanningConditionsDto {
  @ApiProperty({ example: '1.0000', nullable: true, type: String }) plotRatioMin: string | null;
  @ApiProperty({ example: '2.5000', nullable: true, type: String }) plotRatioMax: string | null;
  @ApiProperty({ example: '0.3000', nullable: true, type: String }) buildingDensity: string | null;
  @ApiProperty({ example: '0.3500', nullable: true, type: String }) greenRatio: string | null;
  @ApiProperty({ nullable: true, type: String, example: '60.00' }) heightLimitMetres: string | null;
}

export class GeoJsonGeometryDto {
  @ApiProperty({ example: 'Polygon' }) type: string;
  @ApiProperty({ description: 'GeoJSON coordinates in WGS 84 degrees (longitude, latitude)', type: 'array', items: {} }) coordinates: unknown[];
}

/** publicParcelView */
export class PublicParcelDto {
  @ApiProperty({ example: 'SG2026-301' }) code: string;
  @ApiProperty({ example: '文圣街以东地块' }) name: string;
  @ApiProperty({ example: '寿光市' }) district: string;
  @ApiProperty() location: string;
  @ApiProperty({ example: '35000.00', description: '㎡' }) area: string;
  @ApiProperty({ enum: PLANNED_USES }) plannedUse: (typeof PLANNED_USES)[number];
  @ApiProperty({ example: 70 }) tenureYears: number;
  @ApiProperty({ type: () => PublicPlanningConditionsDto }) planningConditions: PublicPlanningConditionsDto;
  @ApiProperty({ type: () => GeoJsonGeometryDto, nullable: true }) boundary: GeoJsonGeometryDto | null;
}

/** The lot's terms as published (libs/listing LotTerms as JSON): amounts are strings, in the lot's price unit. */
export class PublicLotTermsDto {
  @ApiProperty({ enum: TRADING_METHODS }) method: (typeof TRADING_METHODS)[number];
  @ApiProperty({ example: '10000000.00' }) startPrice: string;
  @ApiPropertyOptional({ example: '100000.00' }) increment?: string;
  @ApiPropertyOptional({ example: 'at_least_one' }) incrementPolicy?: string;
  @ApiPropertyOptional({ example: 5 }) maxJumpIncrements?: number;
  @ApiProperty({ example: '2000000.00', description: '元' }) deposit: string;
  @ApiProperty({ enum: PRICE_UNITS }) priceUnit: (typeof PRICE_UNITS)[number];
  @ApiProperty() hasReserve: boolean;
  @ApiPropertyOptional({ example: '10000.00' }) reserveRoundingUnit?: string;
  @ApiPropertyOptional({ example: '15000000.00' }) priceCap?: string;
  @ApiPropertyOptional({ type: Object, description: 'the cap mode (竞配建 / 竞自持 / 摇号 / 一次报价) and its parameters' }) capRule?: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object }) timedFinalRound?: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object }) evaluation?: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'joint bids allowed, review, exclusions' }) eligibility: Record<string, unknown>;
  @ApiPropertyOptional({ example: 60 }) countdownSeconds?: number;
  @ApiPropertyOptional({ type: [Number], example: [30, 10] }) warningSeconds?: number[];
  @ApiPropertyOptional({ example: 2 }) minBidders?: number;
}

/** DisclosureService.lotView */
export class PublicLotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SG2026-31' }) lotNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TRADING_METHODS }) method: (typeof TRADING_METHODS)[number];
  @ApiProperty({ enum: LOT_PHASES }) phase: (typeof LOT_PHASES)[number];
  @ApiProperty({ example: '10000000.00' }) startPrice: string;
  @ApiProperty({ example: '100000.00', nullable: true, type: String }) increment: string | null;
  @ApiProperty({ example: '2000000.00' }) deposit: string;
  @ApiProperty({ example: '15000000.00', nullable: true, type: String }) priceCap: string | null;
  @ApiProperty({ type: () => PublicLotTermsDto }) terms: PublicLotTermsDto;
  @ApiProperty({ type: () => PublicLotScheduleDto }) schedule: PublicLotScheduleDto;
  @ApiProperty({ type: () => PublicReserveDto }) reserve: PublicReserveDto;
  @ApiProperty({ type: [PublicParcelDto] }) parcels: PublicParcelDto[];
  @ApiProperty({ format: 'uuid', description: 'the announcement offering the lot' })
  announcementId: string;
  @ApiProperty() url: string;
}

export class PublicLotAnnouncementRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '寿自然资告字〔2026〕9号' }) number: string;
  @ApiProperty() title: string;
}

/** A lot of GET /public/lots: the lot and the announcement it is offered in. */
export class PublicLotListItemDto extends PublicLotDto {
  @ApiProperty({ type: () => PublicLotAnnouncementRefDto }) announcement: PublicLotAnnouncementRefDto;
}

export class PublicLotPageDto {
  @ApiProperty({ type: [PublicLotListItemDto] }) items: PublicLotListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicVersionRefDto {
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ enum: ['original', 'amendment'] }) kind: 'original' | 'amendment';
  @ApiProperty({ example: '调整挂牌截止时间' }) summary: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() url: string;
}

/** DisclosureService.announcement */
export class PublicAnnouncementDto extends PublicAnnouncementHeaderDto {
  @ApiProperty({ type: [PublicVersionRefDto] }) versions: PublicVersionRefDto[];
  @ApiProperty({ type: [PublicLotDto] }) lots: PublicLotDto[];
  @ApiProperty({ type: [PublicNoticeDto] }) notices: PublicNoticeDto[];
}

/** A version's snapshot (announcement.service saveVersion): the announcement and its lots as then published. */
export class PublicVersionContentDto {
  @ApiProperty() number: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [PublicLotDto] }) lots: PublicLotDto[];
}

/** DisclosureService.announcementVersion */
export class PublicAnnouncementVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['original', 'amendment'] }) kind: 'original' | 'amendment';
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: () => PublicVersionContentDto }) content: PublicVersionContentDto;
}

/** The values the notice and lot filters offer, from the published lots. */
export class PublicFacetsDto {
  @ApiProperty({ type: [String], example: ['寿光市', '寿光市羊口镇'] }) districts: string[];
  @ApiProperty({ enum: PLANNED_USES, isArray: true }) plannedUses: Array<(typeof PLANNED_USES)[number]>;
  @ApiProperty({ enum: TRADING_METHODS, isArray: true }) methods: Array<(typeof TRADING_METHODS)[number]>;
}

export class ReserveVerificationDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ nullable: true, type: String }) commitment: string | null;
  @ApiProperty() valid: boolean;
}
