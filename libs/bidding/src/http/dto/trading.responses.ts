import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import type { CapMode, LotPhase, LotSnapshot } from '@app/contracts';

// Responses of the trading routes (TradingQueryService, TradingService.staffCommand), for the OpenAPI
// document the web client is generated from. The socket payloads themselves are typed in @app/contracts.

const LOT_PHASES = ['draft', 'published', 'applying', 'listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen', 'suspended', 'closed_sold', 'closed_unsold', 'terminated'];
const CAP_MODES = ['build_in_area', 'self_held_share', 'lottery', 'one_sealed_price'];
const METHODS = ['auction', 'listing', 'tender'];

export class ServerTimeDto {
  @ApiProperty({ format: 'date-time', description: 'the database clock, which judges every deadline' }) serverTime: string;
}

/** LotSnapshot of @app/contracts: the live state of a lot as spectators see it. */
export class LotSnapshotDto implements LotSnapshot {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: 'GT2027-001-01' }) lotNumber: string;
  @ApiProperty({ enum: METHODS }) method: LotSnapshot['method'];
  @ApiProperty({ enum: LOT_PHASES }) phase: LotPhase;
  @ApiProperty({ type: 'integer', description: 'seq of the last event' }) seq: number;
  @ApiProperty({ format: 'date-time' }) serverTime: string;
  @ApiProperty({ type: String, nullable: true, example: '12500000.00' }) currentPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '007', description: 'bidder number (号牌) of the leader, never an identity' }) leaderNumber: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '200000.00' }) increment: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12700000.00' }) minimumNextPrice: string | null;
  @ApiProperty({ type: String, enum: CAP_MODES, nullable: true }) capMode: CapMode | null;
  @ApiProperty({ type: String, nullable: true, example: '15000000.00' }) capPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3500.00', description: 'a 竞配建 lot: the leading bid’s area' }) leadingArea: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.1500', description: 'a 竞自持 lot: the leading bid’s share' }) leadingShare: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the close as the lot:closed event says it' }) outcome: Record<string, unknown> | null;
  @ApiProperty({ description: 'a practice lot (模拟竞价): a rehearsal, no real sale' }) practice: boolean;
}

/** An event as replayed: the hashed payload (its fields depend on `type`, see @app/contracts) plus its seq and hash. */
const REPLAYED_EVENT: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  required: ['lotId', 'seq', 'type', 'hash'],
  properties: {
    lotId: { type: 'string', format: 'uuid' },
    seq: { type: 'integer' },
    type: { type: 'string', example: 'bid:accepted' },
    hash: { type: 'string', example: 'a3f1…' },
    own: { type: 'boolean', enum: [true], description: 'only in the copy of the bidder whose bid it is' },
    practice: { type: 'boolean', enum: [true], description: 'every event of a practice lot' },
  },
};

export class LotEventsDto {
  @ApiProperty({ type: LotSnapshotDto }) snapshot: LotSnapshotDto;
  @ApiProperty({ type: 'array', items: REPLAYED_EVENT, description: 'every event after afterSeq up to snapshot.seq, in order' }) events: Array<Record<string, unknown>>;
}

class CanonicalFormExampleDto {
  @ApiProperty({ type: 'integer', example: 1 }) seq: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) event: Record<string, unknown>;
  @ApiProperty() canonical: string;
  @ApiProperty() hash: string;
}

/** CANONICAL_FORM_SPEC: how anyone recomputes the chain. */
export class CanonicalFormDto {
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty() hash: string;
  @ApiProperty() link: string;
  @ApiProperty() canonical: string;
  @ApiProperty() whitespace: string;
  @ApiProperty() objects: string;
  @ApiProperty() arrays: string;
  @ApiProperty() strings: string;
  @ApiProperty() numbers: string;
  @ApiProperty() decimals: string;
  @ApiProperty() instants: string;
  @ApiProperty() literals: string;
  @ApiProperty() verification: string;
  @ApiProperty({ type: CanonicalFormExampleDto }) example: CanonicalFormExampleDto;
}

class ChainEntryDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ type: String, nullable: true, description: 'null for seq 1' }) prevHash: string | null;
  @ApiProperty({ example: '9b1f0c2e5d7a4b3c8e6f1a2d0c9b8a7e6f5d4c3b2a1908f7e6d5c4b3a2918070' }) hash: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the published event (its canonical payload, without seq)' }) event: Record<string, unknown>;
}

export class LotChainDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ type: CanonicalFormDto }) canonicalForm: CanonicalFormDto;
  @ApiProperty({ type: 'integer' }) length: number;
  @ApiProperty({ type: String, nullable: true, description: 'the hash of the last event; null before the first' }) head: string | null;
  @ApiProperty({ type: [ChainEntryDto] }) events: ChainEntryDto[];
}

export class ChainVerificationDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ type: 'integer' }) length: number;
  @ApiProperty({ type: String, nullable: true }) head: string | null;
  @ApiProperty() valid: boolean;
  @ApiProperty() headMatches: boolean;
  @ApiPropertyOptional({ type: 'integer', description: 'only when invalid: the first bad seq' }) firstInvalidSeq?: number;
  @ApiPropertyOptional({ enum: ['seq_gap', 'hash_mismatch', 'not_canonical'], description: 'only when invalid' }) problem?: string;
}

class ResultReserveDto {
  @ApiProperty({ example: '11000000.00', description: 'the reserve (底价), revealed at the close' }) value: string;
  @ApiProperty() salt: string;
  @ApiProperty({ description: 'the commitment published before trading' }) commitment: string;
}

/** A closed lot's result as the public sees it: numbers, figures, the revealed reserve; no identity. */
export class LotResultDto {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ example: 'GT2027-001-01' }) lotNumber: string;
  @ApiProperty({ enum: ['sold', 'unsold'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true, enum: ['NO_BIDS', 'RESERVE_NOT_MET', 'TOO_FEW_BIDDERS', 'TOO_FEW_BIDS'], description: 'why unsold' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, example: '007' }) winnerNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12500000.00', description: '成交总价, 元' }) price: string | null;
  @ApiProperty({ enum: ['total', 'per_square_metre', 'per_floor_area'] }) priceUnit: string;
  @ApiProperty({ type: String, nullable: true, example: '12500000.00', description: 'the winning price as bid, in priceUnit' }) bidPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3500.00' }) area: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.1500' }) share: string | null;
  @ApiProperty({ type: String, nullable: true, example: '625.00', description: '元/㎡ of land' }) unitPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '250.00', description: '楼面地价, 元/㎡ of floor area' }) floorPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.2500', description: '溢价率' }) premiumRate: string | null;
  @ApiProperty({ type: String, nullable: true, example: '20000.00' }) landArea: string | null;
  @ApiProperty({ type: String, nullable: true, example: '50000.00', description: 'Σ area × maximum plot ratio; null when a parcel has none' }) floorArea: string | null;
  @ApiProperty({ type: ResultReserveDto, nullable: true }) reserve: ResultReserveDto | null;
  @ApiProperty({ type: 'integer' }) chainLength: number;
  @ApiProperty({ type: String, nullable: true }) chainHead: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) closedAt: Date;
  @ApiProperty({ description: 'a rehearsal (模拟竞价): no real sale' }) practice: boolean;
}

export class StaffCommandResultDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ enum: LOT_PHASES }) phase: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
}

/** A bid with the bidder behind its number: trading staff only. */
export class StaffBidDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ enum: ['price', 'area', 'share'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: '12500000.00' }) price: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3500.00' }) area: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.1500' }) share: string | null;
  @ApiProperty({ example: '007' }) bidderNumber: string;
  @ApiProperty() clientBidId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty() hash: string;
  @ApiProperty({ example: '某某置业有限公司' }) bidderName: string;
  @ApiProperty({ type: String, nullable: true, example: '91310000MA1FL0XX2K' }) creditCode: string | null;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() joint: boolean;
}
