import { Role } from '@app/auth';
import { PARCEL_A, PARCEL_B } from './fixtures';
import type { TestApp } from './test-app';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of an instant in Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A Shanghai wall-clock time on a date, as an ISO instant with its +08:00 offset. */
export const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

export function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(Date.parse(`${date}T12:00:00+08:00`) + days * DAY));
}

/** The first Monday at least `days` days from now (Shanghai), so schedules never go stale. */
export function mondayAfter(days: number): string {
  let d = addDays(shanghaiDate(new Date()), days);
  while (new Date(`${d}T12:00:00+08:00`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

export class SaleBuilder {
  readonly auth: Record<string, string> = {};
  tokens!: { reserve: string; trading: string; supervisor: string; bidder: string; members: string[] };
  memberIds: string[] = [];

  constructor(private readonly t: TestApp) {}

  async init(prefix: string): Promise<this> {
    const members: string[] = [];
    for (let i = 1; i <= 3; i++) members.push(await this.t.tokenFor([Role.PricingCommittee], `${prefix}.member${i}`));
    this.tokens = {
      reserve: await this.t.tokenFor([Role.ReserveOfficer], `${prefix}.reserve`),
      trading: await this.t.tokenFor([Role.TradingOfficer], `${prefix}.trading`),
      supervisor: await this.t.tokenFor([Role.Supervisor], `${prefix}.supervisor`),
      bidder: await this.t.tokenFor([Role.Bidder], `${prefix}.bidder`),
      members,
    };
    for (const token of members) {
      this.memberIds.push((await this.t.http().get('/api/auth/me').set(bearer(token)).expect(200)).body.id as string);
    }
    return this;
  }

  /** A parcel registered and moved to ready_for_supply. */
  async readyParcel(base: typeof PARCEL_A | typeof PARCEL_B, code: string): Promise<string> {
    const created = await this.t.http().post('/api/parcels').set(bearer(this.tokens.reserve)).send({ ...base, code }).expect(201);
    const id = created.body.id as string;
    for (const transition of ['take_into_reserve', 'mark_ready']) {
      await this.t.http().post(`/api/parcels/${id}/transitions`).set(bearer(this.tokens.reserve)).send({ transition }).expect(201);
    }
    return id;
  }

  async addWorkingDays(start: string, days: number): Promise<string> {
    return (await this.t.http().get('/api/calendar/add-working-days').query({ start, days }).expect(200)).body.result as string;
  }

  /** A listing lot whose board is open for exactly `workingDays` working days, ending at 15:00. */
  async listingSchedule(listingStartDate: string, workingDays: number) {
    const endDate = await this.addWorkingDays(listingStartDate, workingDays - 1);
    const registrationDate = await this.addWorkingDays(endDate, -3);
    return {
      applicationStart: at(addDays(listingStartDate, -7), '09:00'),
      applicationEnd: at(registrationDate, '12:00'),
      depositDeadline: at(registrationDate, '12:00'),
      listingStart: at(listingStartDate, '09:00'),
      listingEnd: at(endDate, '15:00'),
    };
  }

  async auctionSchedule(auctionDate: string) {
    const registrationDate = await this.addWorkingDays(auctionDate, -3);
    return {
      applicationStart: at(addDays(auctionDate, -14), '09:00'),
      applicationEnd: at(registrationDate, '09:00'),
      depositDeadline: at(registrationDate, '09:00'),
      auctionStart: at(auctionDate, '10:00'),
    };
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const LISTING_TERMS = {
  method: 'listing',
  startPrice: '10000000.00',
  increment: '100000.00',
  incrementPolicy: 'at_least_one',
  deposit: '2000000.00',
  priceUnit: 'total',
  hasReserve: true,
  reserveRoundingUnit: '10000.00',
  timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 15 },
  eligibility: { jointBidsAllowed: true, review: 'post_review', exclusions: '' },
};

export const AUCTION_TERMS = {
  method: 'auction',
  startPrice: '9800000.00',
  increment: '50000.00',
  incrementPolicy: 'whole_multiple',
  maxJumpIncrements: 5,
  deposit: '1960000.00',
  priceUnit: 'total',
  hasReserve: false,
  eligibility: { jointBidsAllowed: false, review: 'pre_review', exclusions: '失信被执行人不得参与竞买' },
};
