import { Logger, type INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { SimulatedBidders } from '@app/bidding';
import { UserEntity } from '@app/auth';
import { WorkingDayCalendar, addDays as addIsoDays, type IsoDate } from '@app/calendar';
import { RequestContext, type Actor } from '@app/common';
import { DisclosureService } from '@app/disclosure';
import { AnnouncementService, LotEntity, ReservePriceService } from '@app/listing';
import { AnnouncementVersionEntity } from '@app/listing/persistence/announcement-version.entity';
import { AnnouncementEntity } from '@app/listing/persistence/announcement.entity';
import { ParcelService } from '@app/reserve';
import { seedQualifiedBidder } from '@app/qualification';
import { depositReceived, LedgerService } from '@app/ledger';
import { Money } from '@app/money';
import { validateBoundary } from '@app/reserve/domain/parcel-boundary';

/**
 * Demo data for a newcomer's first start (DEMO=on, empty register): the Shouguang (寿光市) reserve of
 * DOMAIN.md §10 and a published announcement whose lots are open for applications. Areas, plot
 * ratios and prices beyond the reports' figures are invented and every record says it is a demo.
 */
const MU = 10_000 / 15;

interface DemoParcel {
  code: string;
  name: string;
  district: string;
  use: 'residential' | 'commercial' | 'industrial' | 'mixed';
  mu: number;
  lon: number;
  lat: number;
  target: 'acquired' | 'in_reserve' | 'developing' | 'ready_for_supply';
  quarter: string;
}

const PARCELS: DemoParcel[] = [
  { code: 'SG-DEMO-01', name: '市林业局办公院（演示）', district: '圣城街道', use: 'residential', mu: 24, lon: 118.7812, lat: 36.8571, target: 'ready_for_supply', quarter: '2027-Q1' },
  { code: 'SG-DEMO-02', name: '华源凯马事业部北院（演示）', district: '文家街道', use: 'commercial', mu: 31, lon: 118.7655, lat: 36.8702, target: 'ready_for_supply', quarter: '2027-Q1' },
  { code: 'SG-DEMO-03', name: '市抽纱总厂中密度纤维板厂（演示）', district: '古城街道', use: 'industrial', mu: 46, lon: 118.8021, lat: 36.8433, target: 'ready_for_supply', quarter: '2027-Q2' },
  { code: 'SG-DEMO-04', name: '现代二期（演示）', district: '圣城街道', use: 'residential', mu: 120, lon: 118.7903, lat: 36.8815, target: 'in_reserve', quarter: '2027-Q3' },
  { code: 'SG-DEMO-05', name: '现代中学南（演示）', district: '圣城街道', use: 'mixed', mu: 85, lon: 118.7964, lat: 36.8752, target: 'in_reserve', quarter: '2027-Q3' },
  { code: 'SG-DEMO-06', name: '圣城商住小区（演示）', district: '洛城街道', use: 'mixed', mu: 230, lon: 118.7488, lat: 36.8921, target: 'acquired', quarter: '2027-Q4' },
  { code: 'SG-DEMO-07', name: '现代商城（演示）', district: '文家街道', use: 'commercial', mu: 170, lon: 118.7713, lat: 36.8982, target: 'acquired', quarter: '2027-Q4' },
];

const PATH: Record<DemoParcel['target'], string[]> = {
  acquired: [],
  in_reserve: ['take_into_reserve'],
  developing: ['take_into_reserve', 'start_development'],
  ready_for_supply: ['take_into_reserve', 'mark_ready'],
};

/** A square of the given area at (lon, lat), as a GeoJSON polygon. */
function squareOf(lon: number, lat: number, squareMetres: number) {
  const side = Math.sqrt(squareMetres);
  const dLat = side / 111_000;
  const dLon = side / (111_000 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

const at = (date: IsoDate, time: string) => `${date}T${time}:00+08:00`;

/** The lot of the live demo round and the applications of its simulated bidders. */
export interface DemoLiveLot {
  lotId: string;
  simulated: Array<{ applicationId: string; bidderNumber: string }>;
}

export async function seedDemoSale(app: INestApplication): Promise<DemoLiveLot | undefined> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if ((await dataSource.query(`SELECT 1 FROM parcel LIMIT 1`)).length > 0) return undefined;
  const users = await dataSource.manager.find(UserEntity);
  const actorOf = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} is missing`);
    return { id: u.id, username: u.username, roles: u.roles };
  };
  const as = <T>(username: string, work: () => Promise<T>) => RequestContext.run({ requestId: 'demo-seed', actor: actorOf(username) }, work);

  const parcels = app.get(ParcelService);
  const ids = new Map<string, string>();
  for (const p of PARCELS) {
    const boundary = squareOf(p.lon, p.lat, p.mu * MU);
    const declaredArea = validateBoundary(boundary).area.toString();
    const created = await as('reserve', () =>
      parcels.create({
        code: p.code,
        name: p.name,
        district: p.district,
        location: `山东省寿光市${p.district}（演示数据）`,
        boundary,
        declaredArea,
        plannedUse: p.use,
        plotRatioMin: '1.0000',
        plotRatioMax: p.use === 'industrial' ? '1.2000' : '2.5000',
        acquisitionMethod: p.use === 'industrial' ? 'purchase' : 'recovery',
        acquiredOn: '2026-03-01',
        plannedSupplyQuarter: p.quarter,
        costEntries: [{ kind: 'acquisition', amount: `${Math.round(p.mu * 150_000)}.00`, incurredOn: '2026-03-01', description: '收储补偿（演示）' }],
      }),
    );
    ids.set(p.code, created.id);
    for (const step of PATH[p.target]) await as('reserve', () => parcels.transition(created.id, step as 'take_into_reserve'));
  }

  // A listing that opens for applications now and trades from a Monday at least 21 days away.
  const calendar = app.get(WorkingDayCalendar);
  const today = calendar.dateOf(new Date());
  let listingStart = addIsoDays(today, 22);
  while (!(await calendar.isWorkingDay(listingStart)) || new Date(`${listingStart}T12:00:00Z`).getUTCDay() !== 1) listingStart = addIsoDays(listingStart, 1);
  const listingEnd = await calendar.addWorkingDays(listingStart, 11);
  const lastApplicationDay = await calendar.addWorkingDays(listingEnd, -4);
  const auctionDay = await calendar.addWorkingDays(listingEnd, 3);
  const auctionApplicationsEnd = await calendar.addWorkingDays(auctionDay, -4);
  // Applications open a minute after publication, so a newcomer can apply at once.
  const applicationStart = new Date(Date.now() + 60_000).toISOString();

  const announcements = app.get(AnnouncementService);
  const a = await as('trading', () =>
    announcements.create({
      number: '寿自然资规告字〔演示〕1号',
      title: '寿光市国有建设用地使用权挂牌拍卖出让公告（演示）',
      body: '经寿光市人民政府批准，寿光市自然资源和规划局决定以挂牌、拍卖方式出让下列地块的国有建设用地使用权。本公告为演示数据。',
    }),
  );
  const eligibility = { jointBidsAllowed: true, review: 'post_review', exclusions: '失信被执行人不得参与竞买' };
  const lot1 = await as('trading', () =>
    announcements.addLot(a.id, {
      lotNumber: 'SG-DEMO-L01',
      title: '市林业局办公院地块（演示）',
      parcelIds: [ids.get('SG-DEMO-01')!],
      terms: {
        method: 'listing', startPrice: '96330000.00', increment: '500000.00', incrementPolicy: 'at_least_one', deposit: '19266000.00', priceUnit: 'total',
        hasReserve: true, reserveRoundingUnit: '10000.00',
        timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 15 },
        eligibility,
      },
      schedule: {
        applicationStart,
        applicationEnd: at(lastApplicationDay, '16:00'),
        depositDeadline: at(lastApplicationDay, '16:00'),
        listingStart: at(listingStart, '09:00'),
        listingEnd: at(listingEnd, '15:00'),
      },
    }),
  );
  await as('trading', () =>
    announcements.addLot(a.id, {
      lotNumber: 'SG-DEMO-L02',
      title: '华源凯马事业部北院地块（演示）',
      parcelIds: [ids.get('SG-DEMO-02')!],
      terms: { method: 'auction', startPrice: '62000000.00', increment: '200000.00', incrementPolicy: 'whole_multiple', maxJumpIncrements: 5, deposit: '12400000.00', priceUnit: 'total', hasReserve: false, eligibility },
      schedule: {
        applicationStart,
        applicationEnd: at(auctionApplicationsEnd, '16:00'),
        depositDeadline: at(auctionApplicationsEnd, '16:00'),
        auctionStart: at(auctionDay, '10:00'),
      },
    }),
  );
  const reserve = app.get(ReservePriceService);
  const members = ['pricing1', 'pricing2', 'pricing3'];
  await as('trading', () => reserve.assignCommittee(lot1.id, members.map((m) => actorOf(m).id)));
  for (const [i, m] of members.entries()) {
    await as(m, () => reserve.submitProposal(lot1.id, actorOf(m), ['101200000.00', '99800000.00', '100500000.00'][i]!));
  }
  // The live demo: an industrial lot on the same announcement whose schedule is compressed after
  // publication so that its listing board is open now, ends a minute after start, and goes into a
  // timed final round driven by simulated bidders (libs/bidding SimulatedBidders, the driver practice
  // lots use too: its state is in the database, so a restart goes on where it stopped). Labelled 演示 everywhere.
  const live = await as('trading', () =>
    announcements.addLot(a.id, {
      lotNumber: 'SG-DEMO-L03',
      title: '市抽纱总厂中密度纤维板厂地块（演示·实时竞价）',
      parcelIds: [ids.get('SG-DEMO-03')!],
      terms: {
        method: 'listing', startPrice: '13800000.00', increment: '100000.00', incrementPolicy: 'at_least_one', deposit: '2760000.00', priceUnit: 'total',
        hasReserve: false,
        timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 0, countdownSeconds: 60, warningSeconds: [30, 10] },
        eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' },
      },
      schedule: {
        applicationStart,
        applicationEnd: at(lastApplicationDay, '16:00'),
        depositDeadline: at(lastApplicationDay, '16:00'),
        listingStart: at(listingStart, '09:00'),
        listingEnd: at(listingEnd, '15:00'),
      },
    }),
  );
  await as('trading', () => announcements.publish(a.id));
  const simulated = await seedLiveRound(dataSource, app.get(LedgerService), app.get(SimulatedBidders), live.id, (em) =>
    announceLiveSchedule(em, app.get(DisclosureService), app.get(AuditService), live.id, actorOf('trading')),
  );
  new Logger('Demo').log(`seeded ${PARCELS.length} demo parcels, the published announcement ${a.number} and a live timed round on SG-DEMO-L03`);
  return { lotId: live.id, simulated };
}

/** The simulated bidders' private limits (027, 031, 046) and pace: a quote or two on the board, then bids every 4–18 s. */
const DEMO_LIMITS = ['14600000.00', '15300000.00', '14900000.00'];
const DEMO_PACE = { firstMoveInMs: 3_000, minDelayMs: 4_000, maxDelayMs: 18_000, listingQuotesMax: 2 };

/**
 * Qualifies bidder1 and three simulated bidders on the live lot — each with its virtual sub-account and
 * its deposit received (and posted to the ledger), as the bank would have reported it — enlists the
 * three with the simulated-bidder driver, and moves the lot's schedule to now.
 */
async function seedLiveRound(
  dataSource: DataSource,
  ledger: LedgerService,
  driver: SimulatedBidders,
  lotId: string,
  announce: (em: EntityManager) => Promise<void>,
): Promise<DemoLiveLot['simulated']> {
  return dataSource.transaction(async (em) => {
    const bidders = [
      { username: 'bidder1', name: '寿光市某置业有限公司（演示）', number: '018' },
      { username: 'sim.bidder2', name: '潍坊模拟竞买人甲（演示）', number: '027' },
      { username: 'sim.bidder3', name: '青岛模拟竞买人乙（演示）', number: '031' },
      { username: 'sim.bidder4', name: '济南模拟竞买人丙（演示）', number: '046' },
    ];
    const simulated: DemoLiveLot['simulated'] = [];
    for (const [i, b] of bidders.entries()) {
      const seeded = await seedQualifiedBidder(em, { username: b.username, name: b.name, identifier: `DEMO-${i}-${lotId.slice(0, 8)}`, kind: 'person', lots: [{ lotId, bidderNumber: b.number }] });
      const app = { id: seeded.applications.get(lotId)! };
      const subAccount = `95588099999${String(i).padStart(7, '0')}`;
      const txnId = `DEMO-DEP-${b.number}-${lotId.slice(0, 8)}`;
      await em.query(`UPDATE application SET sub_account = $2, sub_account_issued_at = now() - interval '4 hours' WHERE id = $1`, [app.id, subAccount]);
      const [dep] = (await em.query(
        `INSERT INTO deposit_payment (application_id, bank_txn_id, sub_account, amount, payer_name, payer_account, arrived_at, in_time, payer_mismatch)
         SELECT $1, $2, $3, deposit, $4, '6228480000000000000', now() - interval '3 hours', true, false FROM lot WHERE id = $5 RETURNING amount::text AS amount`,
        [app.id, txnId, subAccount, b.name, lotId],
      )) as Array<{ amount: string }>;
      await ledger.post(em, depositReceived({ at: new Date(Date.now() - 3 * 3600_000), sourceId: txnId, applicationId: app.id, amount: Money.of(dep.amount) }));
      if (i > 0) simulated.push({ applicationId: app.id, bidderNumber: b.number });
    }
    await em.query(
      `UPDATE lot SET application_start = now() - interval '3 hours', application_end = now() - interval '2 hours', deposit_deadline = now() - interval '2 hours',
                      registration_close = now() - interval '2 hours', reserve_seal_deadline = now() - interval '1 hour',
                      trading_start = clock_timestamp(), trading_end = clock_timestamp() + interval '75 seconds' WHERE id = $1`,
      [lotId],
    );
    await driver.enlist(em, lotId, simulated.map((s, i) => ({ ...s, limit: Money.of(DEMO_LIMITS[i]!) })), DEMO_PACE);
    await announce(em);
    return simulated;
  });
}

const fmt = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * The live lot's real schedule made public: its publication notice gave the schedule a real sale would
 * have (weeks ahead), which the demo then moved to now, so a supplementary notice (补充公告) states the
 * times the lot actually trades on — read back from the lot itself — with a new version of the
 * announcement, as an amendment would. Published notices are never edited; this one supersedes.
 */
async function announceLiveSchedule(em: EntityManager, disclosure: DisclosureService, audit: AuditService, lotId: string, officer: Actor): Promise<void> {
  const lot = await em.findOneByOrFail(LotEntity, { id: lotId });
  const a = await em.findOneOrFail(AnnouncementEntity, { where: { id: lot.announcementId }, lock: { mode: 'pessimistic_write' } });
  a.version += 1;
  await em.save(a);
  const round = lot.terms['timedFinalRound'] as { countdownSeconds?: number } | undefined;
  const summary = `演示标的${lot.lotNumber}调整为即时挂牌并进入限时竞价`;
  const reason = '演示：为便于体验实时竞价，本标的时间安排压缩至当前';
  const body =
    `为便于体验实时竞价（演示），标的${lot.lotNumber}（${lot.title}）的出让时间调整如下：` +
    `申请时间：${fmt(lot.applicationStart)}至${fmt(lot.applicationEnd)}；保证金到账截止：${fmt(lot.depositDeadline)}；` +
    `挂牌时间：${fmt(lot.tradingStart)}至${fmt(lot.tradingEnd!)}；挂牌截止后即进入限时竞价` +
    (round?.countdownSeconds ? `（倒计时${round.countdownSeconds}秒，每次有效报价后重新计时）` : '') +
    `。公告所列其他标的不变。本公告为演示数据。`;
  const lots = await em.find(LotEntity, { where: { announcementId: a.id }, order: { lotNumber: 'ASC' } });
  const views = [];
  for (const l of lots) views.push(await disclosure.lotView(em, l));
  const [{ now }] = (await em.query(`SELECT clock_timestamp() AS now`)) as Array<{ now: Date }>;
  const snapshot = JSON.parse(JSON.stringify({ number: a.number, title: a.title, body: a.body, lots: views })) as Record<string, unknown>;
  await em.save(em.create(AnnouncementVersionEntity, { announcementId: a.id, version: a.version, kind: 'amendment', summary, reason, snapshot, publishedAt: now, publishedBy: officer.id }));
  await disclosure.publish(em, { kind: 'amendment', announcementId: a.id, lotId, title: `关于${a.title}的补充公告（第${a.version - 1}号）`, body });
  await audit.record(em, {
    actor: officer,
    action: 'announcement.amend',
    entityType: 'announcement',
    entityId: a.id,
    before: { version: a.version - 1 },
    after: { version: a.version, lotNumber: lot.lotNumber, tradingStart: lot.tradingStart, tradingEnd: lot.tradingEnd },
    reason,
  });
}
