import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { DomainError, pageWindow, type Page, type PageQueryDto, mapInOrder } from '@app/common';
import { AnnouncementVersionEntity } from '@app/listing/persistence/announcement-version.entity';
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

  async feed(query: PageQueryDto & { kind?: string }): Promise<Page<ReturnType<typeof noticeView>>> {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(PublicNoticeEntity, {
      where: query.kind ? { kind: query.kind as NoticeKind } : {},
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(noticeView), total, page, pageSize };
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
    return { ...publicLotView(lot, parcels, seal), url: `/api/public/lots/${lot.id}` };
  }
}
