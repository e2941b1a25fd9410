import type { LotPhase } from '@app/contracts';

/**
 * INTERIM: the answers of the routes the portal reads whose OpenAPI operation declares no response
 * schema yet (so schema.d.ts types their body as nothing). Each mirrors the server's view function
 * named beside it, and only the fields the web reads. When the API declares the response
 * (`@ApiOkResponse({ type })`) and `npm run web:api` brings it into schema.d.ts, switch the call from
 * `unwrapView<…>` to `unwrap` and delete the type here; the goal is an empty file.
 */

/** libs/common Page */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** libs/disclosure noticeView */
export interface PublicNotice {
  id: string;
  kind: 'announcement' | 'amendment' | 'suspension' | 'resumption' | 'termination' | 'reserve_sealed' | 'result';
  title: string;
  body: string;
  publishedAt: string;
  announcementId: string | null;
  lotId: string | null;
}

/** libs/disclosure publicAnnouncementHeader */
export interface PublicAnnouncementHeader {
  id: string;
  number: string;
  title: string;
  status: string;
  version: number;
  publishedAt: string | null;
}

/** libs/disclosure publicParcelView (boundary: GeoJSON geometry in WGS 84 degrees) */
export interface PublicParcel {
  code: string;
  name: string;
  district: string;
  location: string;
  area: string;
  plannedUse: string;
  boundary: { type: string; coordinates: unknown } | null;
}

/** libs/disclosure publicLotView */
export interface PublicLot {
  id: string;
  lotNumber: string;
  title: string;
  method: 'auction' | 'listing' | 'tender';
  phase: LotPhase;
  startPrice: string;
  increment: string | null;
  deposit: string;
  schedule: {
    applicationStart: string | null;
    applicationEnd: string | null;
    depositDeadline: string | null;
    tradingStart: string | null;
    tradingEnd: string | null;
  };
  parcels: PublicParcel[];
}

/** libs/disclosure DisclosureService.announcement */
export interface PublicAnnouncement extends PublicAnnouncementHeader {
  body: string;
  lots: PublicLot[];
}
