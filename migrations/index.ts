import { AuthAndAudit1795300000000 } from './1795300000000-AuthAndAudit';
import { Calendar1795300000100 } from './1795300000100-Calendar';
import { Settings1795300000200 } from './1795300000200-Settings';
import { Reserve1795300000300 } from './1795300000300-Reserve';
import { Listing1795300000400 } from './1795300000400-Listing';
import { Qualification1795300000500 } from './1795300000500-Qualification';
import { Bidding1795300000600 } from './1795300000600-Bidding';
import { SettlementAndLedger1795300000700 } from './1795300000700-SettlementAndLedger';
import { AuthSessions1795300001000 } from './1795300001000-AuthSessions';
import { QualificationHardening1795300002000 } from './1795300002000-QualificationHardening';
import { SaleFigures1795300003000 } from './1795300003000-SaleFigures';
import { NotificationOutbox1795300004000 } from './1795300004000-NotificationOutbox';
import { ReserveSealOnlyWithReserve1795300004010 } from './1795300004010-ReserveSealOnlyWithReserve';
import { PracticeLots1795300007000 } from './1795300007000-PracticeLots';

/** Every migration, in order. A new migration file is added here too (the build bundles no globs). */
export const MIGRATIONS = [
  AuthAndAudit1795300000000,
  Calendar1795300000100,
  Settings1795300000200,
  Reserve1795300000300,
  Listing1795300000400,
  Qualification1795300000500,
  Bidding1795300000600,
  SettlementAndLedger1795300000700,
  AuthSessions1795300001000,
  QualificationHardening1795300002000,
  SaleFigures1795300003000,
  NotificationOutbox1795300004000,
  ReserveSealOnlyWithReserve1795300004010,
  PracticeLots1795300007000,
];
