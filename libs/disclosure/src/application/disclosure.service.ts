import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { DataSource } from 'typeorm';
import { DomainError, pageWindow, type PageQueryDto, mapInOrder } from '@app/common';
import { AnnouncementVersionEntity } from '@app/listing/persistence/announcement-version.entity';
import { TRADING_PHASES } from '@app/listing/domain/lot-phase';
import { AnnouncementEntity } from '@app/listing/persistence/announcement.entity';
import { LotParcelEntity } from '@app/listing/persistence/lot-parcel.entity';
import { LotEntity } from '@app/listing/persistence/lot.entity';
import { ReserveSealEntity } from '@app/listing/persistence/reserve.entities';
import { ParcelEntity } from '@app/reserve/persistence/parcel.entity';
import { PublicNoticeEntity, type NoticeKind } from '../persistence/public-notice.entity';
import { publicAnnouncementHeader, publicLotView } from './public-views';

export interface NewNotice {
  kind: NoticeKind;
  announcementId: string;
  lotId?: string | null;
  title: string;
  body: string;
}

/** Filters on a lot: one of its parcels lies in the district / has the planned use; its method. */
export interface LotFilter {
  district?: string;
  plannedUse?: string;
  method?: string;
}

export interface NoticeFilter extends PageQueryDto, LotFilter {
  kind?: NoticeKind;
  /** Text in the notice's title or its announcement's number or title. */
  q?: string;
  /** First and last day of publication included, YYYY-MM-DD in Beijing time. */
  from?: string;
  to?: string;
}

export interface PublicLotFilter extends PageQueryDto, LotFilter {
  phase?: string;
  trading?: 'true' | 'false';
}

/** Lots being traded now: someone may bid, or the clock runs (frozen counts: it resumes). */
const TRADING_NOW: readonly string[] = [...TRADING_PHASES, 'frozen'];

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Adds `filter` to a query as one EXISTS over the lots `lotScope` selects (SQL on alias `l`), so
 * district, use and method hold for the same lot.
 */
function whereSomeLot<T extends object>(qb: SelectQueryBuilder<T>, lotScope: string, filter: LotFilter): SelectQueryBuilder<T> {
  const conditions: string[] = [];
  if (filter.method) conditions.push('l.method = :method');
  if (filter.district) conditions.push('p.district = :district');
  if (filter.plannedUse) conditions.push('p.planned_use = :plannedUse');
  if (!conditions.length) return qb;
  return qb.andWhere(
    `EXISTS (SELECT 1 FROM lot l JOIN lot_parcel lp ON lp.lot_id = l.id JOIN parcel p ON p.id = lp.parcel_id WHERE ${lotScope} AND ${conditions.join(' AND ')})`,
    { method: filter.method, district: filter.district, plannedUse: filter.plannedUse },
  );
}

const noticeView = (n: PublicNoticeEntity) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  publishedAt: n.publishedAt,
  announcementId: n.announcementId,
  lotId: n.lotId,
  url: `/api/public/notices/${n.id}`,
});

/**
 * The public record: notices written with the events they announce, and public read models of
 * announcements and lots. Drafts never appear; sealed values are never read.
 */
@Injectable()
export class DisclosureService {
  constructor(private readonly dataSource: DataSource) {}

  async publish(em: EntityManager, notice: NewNotice): Promise<string> {
    const result = await em.insert(PublicNoticeEntity, { ...notice, lotId: notice.lotId ?? null });
    return String(result.identifiers[0]?.id);
  }

  /** The notice feed, newest first, filtered by kind, text, publication day and the lots it is about. */
  async feed(query: NoticeFilter) {
    const { page, pageSize, skip } = pageWindow(query);
    let qb = this.dataSource.manager
      .createQueryBuilder(PublicNoticeEntity, 'n')
      .innerJoin(AnnouncementEntity, 'a', 'a.id = n.announcementId AND a.practice = false');
    if (query.kind) qb = qb.andWhere('n.kind = :kind', { kind: query.kind });
    if (query.q) qb = qb.andWhere('(n.title ILIKE :q OR a.number ILIKE :q OR a.title ILIKE :q)', { q: likePattern(query.q) });
    if (query.from) qb = qb.andWhere(`n.publishedAt >= (CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { from: query.from });
    if (query.to) qb = qb.andWhere(`n.publishedAt < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { to: query.to });
    // A notice about one lot is judged by that lot; a notice of the whole announcement by any of its lots.
    qb = whereSomeLot(qb, '(CASE WHEN n.lot_id IS NULL THEN l.announcement_id = n.announcement_id ELSE l.id = n.lot_id END)', query);
    const [rows, total] = await qb.orderBy('n.publishedAt', 'DESC').addOrderBy('n.id', 'ASC').skip(skip).take(pageSize).getManyAndCount();
    const announcements = rows.length ? await this.dataSource.manager.find(AnnouncementEntity, { where: { id: In([...new Set(rows.map((n) => n.announcementId))]) } }) : [];
    const numbers = new Map(announcements.map((a) => [a.id, a.number]));
    return { items: rows.map((n) => ({ ...noticeView(n), announcementNumber: numbers.get(n.announcementId) ?? '' })), total, page, pageSize };
  }

  /** Published lots (never a practice lot), newest trading start first, with their announcement. */
  async lots(query: PublicLotFilter) {
    const { page, pageSize, skip } = pageWindow(query);
    const em = this.dataSource.manager;
    let qb = em
      .createQueryBuilder(LotEntity, 'lot')
      .innerJoin(AnnouncementEntity, 'a', `a.id = lot.announcementId AND a.status <> 'draft' AND a.practice = false`)
      .where(`lot.phase <> 'draft'`)
      .andWhere('lot.practice = false');
    if (query.phase) qb = qb.andWhere('lot.phase = :phase', { phase: query.phase });
    if (query.trading) qb = qb.andWhere(`lot.phase ${query.trading === 'true' ? 'IN' : 'NOT IN'} (:...tradingNow)`, { tradingNow: TRADING_NOW });
    qb = whereSomeLot(qb, 'l.id = lot.id', query);
    const [rows, total] = await qb.orderBy('lot.tradingStart', 'DESC').addOrderBy('lot.lotNumber', 'ASC').skip(skip).take(pageSize).getManyAndCount();
    const announcements = rows.length ? await em.find(AnnouncementEntity, { where: { id: In([...new Set(rows.map((l) => l.announcementId))]) } }) : [];
    const byId = new Map(announcements.map((a) => [a.id, { id: a.id, number: a.number, title: a.title }]));
    const items = await mapInOrder(rows, async (l) => ({ ...(await this.lotView(em, l)), announcement: byId.get(l.announcementId)! }));
    return { items, total, page, pageSize };
  }

  /** The districts, planned uses and methods of the published lots: what the public filters offer. */
  async facets() {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT p.district, p.planned_use, l.method
         FROM lot l JOIN announcement a ON a.id = l.announcement_id JOIN lot_parcel lp ON lp.lot_id = l.id JOIN parcel p ON p.id = lp.parcel_id
        WHERE a.status <> 'draft' AND a.practice = false AND l.practice = false`,
    )) as Array<{ district: string; planned_use: string; method: string }>;
    const sorted = (values: string[]) => [...new Set(values)].sort((x, y) => x.localeCompare(y, 'zh-CN'));
    return { districts: sorted(rows.map((r) => r.district)), plannedUses: sorted(rows.map((r) => r.planned_use)), methods: sorted(rows.map((r) => r.method)) };
  }

  async notice(id: string) {
    const row = await this.dataSource.manager.findOneBy(PublicNoticeEntity, { id });
    if (!row) throw new DomainError('NOTICE_NOT_FOUND', `notice ${id} does not exist`, 'id');
    return noticeView(row);
  }

  private async publishedAnnouncement(em: EntityManager, id: string): Promise<AnnouncementEntity> {
    // A practice lot's announcement (模拟竞价) is never public.
    const a = await em.findOneBy(AnnouncementEntity, { id, status: Not('draft'), practice: false });
    if (!a) throw new DomainError('ANNOUNCEMENT_NOT_FOUND', `announcement ${id} does not exist or is not published`, 'id');
    return a;
  }

  async announcements(query: PageQueryDto) {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(AnnouncementEntity, {
      where: { status: Not('draft'), practice: false },
      order: { publishedAt: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(publicAnnouncementHeader), total, page, pageSize };
  }

  async announcement(id: string) {
    const em = this.dataSource.manager;
    const a = await this.publishedAnnouncement(em, id);
    const lots = await em.find(LotEntity, { where: { announcementId: id }, order: { lotNumber: 'ASC' } });
    const versions = await em.find(AnnouncementVersionEntity, { where: { announcementId: id }, order: { version: 'ASC' } });
    const notices = await em.find(PublicNoticeEntity, { where: { announcementId: id }, order: { publishedAt: 'ASC' } });
    return {
      ...publicAnnouncementHeader(a),
      versions: versions.map((v) => ({ version: v.version, kind: v.kind, summary: v.summary, reason: v.reason, publishedAt: v.publishedAt, url: `/api/public/announcements/${id}/versions/${v.version}` })),
      lots: await mapInOrder(lots, (l) => this.lotView(em, l)),
      notices: notices.map(noticeView),
    };
  }

  async announcementVersion(id: string, version: number) {
    const em = this.dataSource.manager;
    await this.publishedAnnouncement(em, id);
    const v = await em.findOneBy(AnnouncementVersionEntity, { announcementId: id, version });
    if (!v) throw new DomainError('VERSION_NOT_FOUND', `announcement ${id} has no version ${version}`, 'version');
    return { version: v.version, kind: v.kind, summary: v.summary, reason: v.reason, publishedAt: v.publishedAt, content: v.snapshot };
  }

  async lot(id: string) {
    const em = this.dataSource.manager;
    const lot = await em.findOneBy(LotEntity, { id });
    if (!lot) throw new DomainError('LOT_NOT_FOUND', `lot ${id} does not exist or is not published`, 'id');
    await this.publishedAnnouncement(em, lot.announcementId).catch(() => {
      throw new DomainError('LOT_NOT_FOUND', `lot ${id} does not exist or is not published`, 'id');
    });
    return this.lotView(em, lot);
  }

  /** The public view of a lot, also used for the snapshot of each published version. */
  async lotView(em: EntityManager, lot: LotEntity) {
    const links = await em.find(LotParcelEntity, { where: { lotId: lot.id } });
    const parcels = links.length ? await em.find(ParcelEntity, { where: { id: In(links.map((l) => l.parcelId)) }, order: { code: 'ASC' } }) : [];
    const seal = await em.findOneBy(ReserveSealEntity, { lotId: lot.id });
    return { ...publicLotView(lot, parcels, seal), announcementId: lot.announcementId, url: `/api/public/lots/${lot.id}` };
  }
}
