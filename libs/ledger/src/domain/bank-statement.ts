import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { readCsv, type CsvRecord } from './csv';

/**
 * Bank statement import (银行对账单), CSV given as the raw bytes of the uploaded file.
 * The full format is in BANK_STATEMENT_FORMAT.md next to this file; in short:
 *
 * - **Encoding**: UTF-8 with or without BOM; otherwise GB18030 (which covers GBK and GB2312). The
 *   bytes are decoded as UTF-8 if they are valid UTF-8, else as GB18030; a UTF-16 file with a BOM is
 *   read too. Bytes that decode to U+FFFD are ENCODING_INVALID.
 * - **Layout**: RFC 4180 CSV, comma-separated, CRLF or LF; quoted fields may hold commas, line breaks
 *   and doubled quotes. The first non-blank line is the header row; blank lines are ignored; cells are
 *   trimmed, and an Excel text formula `="0123"` is read as `0123`.
 * - **Columns** (Chinese or English headers, synonyms accepted, order free, unknown columns ignored):
 *   交易流水号 txnId (required), 交易时间 time (required), either 金额 amount (signed: negative =
 *   debit/payout; or unsigned with a 借贷标志 direction column) or 借方金额 / 贷方金额 debit / credit
 *   columns; optional 对方户名, 对方账号, 子账号/虚拟账号, 摘要, 附言/用途, 余额, 币种.
 * - **Amounts**: `1234.50`, `1,234.50` (well-formed thousands groups), at most 2 decimals; no exponent,
 *   NaN, currency sign or empty value; an amount of zero is refused.
 * - **Times**: `YYYY-MM-DD HH:mm:ss`, `YYYY/MM/DD HH:mm:ss` (month, day and hour may have one digit;
 *   optional fraction of a second) or `YYYYMMDD HHmmss` / `YYYYMMDDHHmmss`, all Beijing time (+08:00).
 * - **Limits**: 5 MiB and 50,000 data lines by default (STATEMENT_TOO_LARGE, STATEMENT_TOO_MANY_LINES).
 *
 * {@link parseBankStatement} never throws for bad content: it returns every problem with its line and
 * column. A statement with any error must be rejected as a whole ({@link assertStatementValid} /
 * {@link parseValidBankStatement} throw `STATEMENT_INVALID`).
 */

/** Default limits of one statement file. */
export const STATEMENT_LIMITS = Object.freeze({ maxBytes: 5 * 1024 * 1024, maxLines: 50_000 });
/** Longest text cell kept (names, memos). */
export const MAX_STATEMENT_CELL = 500;
/** Errors listed in a thrown STATEMENT_INVALID (the message gives the total). */
export const MAX_LISTED_STATEMENT_ERRORS = 200;

export interface BankStatementOptions {
  readonly maxBytes?: number;
  readonly maxLines?: number;
}

export type StatementEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Money in (贷方, a receipt) or out (借方, a payout), from the center's account's point of view. */
export type StatementDirection = 'credit' | 'debit';

/** One transaction of the statement. */
export interface StatementLine {
  /** Physical line of the file (the header is usually line 1). */
  readonly lineNumber: number;
  /** 交易流水号 — the bank's transaction id, unique in the file. */
  readonly txnId: string;
  /** 交易时间 as an instant (read in +08:00). */
  readonly bookedAt: Date;
  /** The Shanghai calendar date of `bookedAt`. */
  readonly date: IsoDate;
  readonly direction: StatementDirection;
  /** Always positive; the sign is in `direction`. */
  readonly amount: Money;
  readonly counterpartyName?: string;
  /** Whitespace removed. */
  readonly counterpartyAccount?: string;
  /** 子账号 / 虚拟账号, whitespace removed. */
  readonly subAccount?: string;
  /** 摘要 and 附言 joined by a space (either may be missing); '' when neither is given. */
  readonly reference: string;
  /** 余额 after the transaction, when the file has it (may be negative). */
  readonly balance?: Money;
}

/** A problem with the file, naming the physical line (0 for the file as a whole) and the column header. */
export interface StatementError {
  readonly line: number;
  readonly column?: string;
  readonly code: string;
  readonly message: string;
}

export interface ParsedStatement {
  /** Empty whenever `errors` is not (nothing partial is returned). */
  readonly lines: ReadonlyArray<StatementLine>;
  readonly errors: ReadonlyArray<StatementError>;
  /**
   * Lowercase hex sha256 of the canonical content: the decoded text read as CSV, blank lines dropped,
   * every cell trimmed (and `="…"` unwrapped), cells joined by U+001F and records by LF, after a
   * version prefix. The same statement re-encoded (GB18030 ↔ UTF-8, BOM or not), with CRLF or LF, or
   * quoted differently has the same fingerprint. (For a file over the byte limit, the sha256 of its
   * raw bytes.)
   */
  readonly fingerprint: string;
  readonly encoding: StatementEncoding;
  /** Which header was read as which field. */
  readonly columns: Readonly<Partial<Record<StatementField, string>>>;
  /** Headers that map to no field (ignored). */
  readonly ignoredColumns: ReadonlyArray<string>;
}

export type StatementField =
  | 'txnId'
  | 'bookedAt'
  | 'amount'
  | 'direction'
  | 'debitAmount'
  | 'creditAmount'
  | 'counterpartyName'
  | 'counterpartyAccount'
  | 'subAccount'
  | 'summary'
  | 'memo'
  | 'balance'
  | 'currency';

/** Accepted header names per field (compared after {@link normalizeHeader}). */
export const STATEMENT_HEADER_SYNONYMS: Readonly<Record<StatementField, ReadonlyArray<string>>> = Object.freeze({
  txnId: [
    '交易流水号', '流水号', '银行流水号', '交易流水', '交易序号', '交易编号', '交易参考号', '流水编号',
    'txnid', 'transactionid', 'transactionno', 'transactionnumber', 'serialno', 'serialnumber', 'bankserialno', 'transid',
  ],
  bookedAt: [
    '交易时间', '交易日期', '交易日期时间', '记账时间', '记账日期', '入账时间', '到账时间', '交易发生时间',
    'time', 'date', 'datetime', 'transactiontime', 'transactiondate', 'bookingtime', 'bookedat',
  ],
  amount: ['金额', '交易金额', '发生额', 'amount', 'transactionamount'],
  direction: ['借贷标志', '借贷方向', '借贷', '收支方向', '收支标志', '方向', 'direction', 'dc', 'drcr', 'debitcredit'],
  debitAmount: ['借方金额', '借方发生额', '借方', '支出金额', '支出', '付款金额', 'debit', 'debitamount', 'withdrawal', 'withdrawals'],
  creditAmount: ['贷方金额', '贷方发生额', '贷方', '收入金额', '收入', '收款金额', 'credit', 'creditamount'],
  counterpartyName: [
    '对方户名', '对方账户名称', '对方账户名', '对方名称', '对方单位', '对方单位名称', '对手方户名', '对手户名',
    'counterpartyname', 'counterparty',
  ],
  counterpartyAccount: [
    '对方账号', '对方帐号', '对方账户', '对方卡号', '对手方账号', '对手账号',
    'counterpartyaccount', 'counterpartyaccountno', 'counterpartyaccountnumber',
  ],
  subAccount: [
    '子账号', '子帐号', '子账户', '虚拟账号', '虚拟帐号', '虚拟子账号', '虚拟账户', '虚拟子账户',
    'subaccount', 'subaccountno', 'virtualaccount', 'virtualaccountno',
  ],
  summary: ['摘要', 'summary', 'description'],
  memo: [
    '附言', '用途', '备注', '摘要/附言', '交易附言', '汇款附言', '交易用途', '附言/用途',
    'memo', 'reference', 'remark', 'remarks', 'postscript', 'purpose', 'narrative',
  ],
  balance: ['余额', '账户余额', '当前余额', '交易后余额', '联机余额', 'balance', 'runningbalance'],
  currency: ['币种', '币别', '货币', 'currency', 'ccy'],
});

/** Header text → comparable key: NFKC, lower case, no spaces/underscores/hyphens/asterisks, no trailing unit "(元)". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_*-]+/g, '')
    .replace(/\((?:元|人民币|rmb|cny|yuan)\)$/u, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, StatementField> = new Map(
  (Object.entries(STATEMENT_HEADER_SYNONYMS) as Array<[StatementField, ReadonlyArray<string>]>).flatMap(([field, names]) =>
    names.map((name) => [normalizeHeader(name), field] as [string, StatementField]),
  ),
);

const CREDIT_WORDS = new Set(['贷', '贷方', '收', '收入', '入', '入账', '来账', 'c', 'cr', 'credit', 'in', '+']);
const DEBIT_WORDS = new Set(['借', '借方', '支', '支出', '出', '付', '往账', 'd', 'dr', 'debit', 'out', '-']);
const CNY_WORDS = new Set(['cny', 'rmb', '人民币', '156']);

const TXN_ID = /^[\x21-\x7E]{1,64}$/;
const AMOUNT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;
const DASHED_TIME = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2}) ?(\d{2})(\d{2})(\d{2})$/;
const FINGERPRINT_PREFIX = 'land-ledger/bank-statement/v1\n';
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes the bytes (see the module notes) and says which encoding was used. */
export function decodeStatement(bytes: Uint8Array): { text: string; encoding: StatementEncoding } {
  const { text, encoding } = decodeBytes(bytes);
  // a BOM left by the decoder (GB18030 has one too: 84 31 95 33) is not content
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: StatementEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf, 'utf-16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf, 'utf-16be'), encoding: 'utf-16be' };
  try {
    // TextDecoder removes a leading UTF-8 BOM (ignoreBOM: false)
    return { text: UTF8.decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

/** A cell as read: trimmed (ASCII and ideographic spaces, tabs), and `="0123"` unwrapped. */
export function cleanCell(cell: string): string {
  const trimmed = cell.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
  const formula = /^="(.*)"$/s.exec(trimmed);
  return formula === null ? trimmed : formula[1].replace(/""/g, '"').trim();
}

function isBlank(record: CsvRecord): boolean {
  return record.cells.every((c) => cleanCell(c) === '');
}

function fingerprintOf(records: ReadonlyArray<CsvRecord>): string {
  const hash = createHash('sha256');
  hash.update(FINGERPRINT_PREFIX, 'utf8');
  records.forEach((r, index) => {
    if (index > 0) hash.update('\n', 'utf8');
    hash.update(r.cells.map((c) => cleanCell(c).normalize('NFC')).join('\u001f'), 'utf8');
  });
  return hash.digest('hex');
}

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * A statement amount: optional sign (only when `signed`), digits with optional well-formed thousands
 * separators, at most 2 decimals. Returns the signed value.
 */
export function parseStatementAmount(raw: string, signed: boolean): Parsed<Money> {
  if (raw === '') return { ok: false, code: 'AMOUNT_REQUIRED', message: 'the amount is empty' };
  const m = AMOUNT.exec(raw);
  if (m === null) {
    const hint = /e/i.test(raw) && /\d/.test(raw) ? ' (no exponents)' : '';
    return { ok: false, code: 'AMOUNT_INVALID', message: `"${raw}" is not an amount like 1234.50 or 1,234.50${hint}` };
  }
  const [, sign, integerPart, fraction] = m;
  if (sign !== undefined && !signed) {
    return { ok: false, code: 'AMOUNT_INVALID', message: `"${raw}" must not have a sign in this column` };
  }
  if (fraction !== undefined && fraction.length === 0) {
    return { ok: false, code: 'AMOUNT_INVALID', message: `"${raw}" ends with a decimal point` };
  }
  if (fraction !== undefined && fraction.length > 2) {
    return { ok: false, code: 'AMOUNT_TOO_MANY_DECIMALS', message: `"${raw}" has ${fraction.length} decimal places; at most 2 are allowed` };
  }
  const integer = integerPart.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const text = `${sign === '-' ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`;
  try {
    return { ok: true, value: Money.parse(text, 'amount', { allowNegative: true }) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: 'AMOUNT_INVALID', message: `"${raw}": ${e.message}` };
    throw e;
  }
}

/** A statement time in Beijing time (+08:00): see the module notes for the formats. */
export function parseStatementTime(raw: string): Parsed<{ at: Date; date: IsoDate }> {
  let parts: number[];
  let fraction = '';
  const dashed = DASHED_TIME.exec(raw);
  const compact = dashed === null ? COMPACT_TIME.exec(raw) : null;
  if (dashed !== null) {
    parts = [dashed[1], dashed[3], dashed[4], dashed[5], dashed[6], dashed[7]].map(Number);
    fraction = dashed[8] ?? '';
  } else if (compact !== null) {
    parts = compact.slice(1, 7).map(Number);
  } else {
    return {
      ok: false,
      code: raw === '' ? 'TIME_REQUIRED' : 'TIME_INVALID',
      message:
        raw === ''
          ? 'the time is empty'
          : `"${raw}" is not a time like 2025-10-14 09:58:31, 2025/10/14 09:58:31 or 20251014 095831`,
    };
  }
  const [year, month, day, hour, minute, second] = parts;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let isoDate: IsoDate;
  try {
    isoDate = parseIsoDate(date);
  } catch {
    return { ok: false, code: 'TIME_INVALID', message: `"${raw}" is not a real date` };
  }
  if (year < 1970 || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: 'TIME_INVALID', message: `"${raw}" is not a valid time of day (or is before 1970)` };
  }
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const at = new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second, millis));
  return { ok: true, value: { at, date: isoDate } };
}

interface HeaderMap {
  readonly columns: Partial<Record<StatementField, number>>;
  readonly names: Partial<Record<StatementField, string>>;
  readonly ignored: string[];
  readonly errors: StatementError[];
}

function mapHeader(record: CsvRecord): HeaderMap {
  const columns: Partial<Record<StatementField, number>> = {};
  const names: Partial<Record<StatementField, string>> = {};
  const ignored: string[] = [];
  const errors: StatementError[] = [];
  record.cells.forEach((raw, index) => {
    const header = cleanCell(raw);
    if (header === '') return;
    const field = FIELD_BY_HEADER.get(normalizeHeader(header));
    if (field === undefined) {
      ignored.push(header);
      return;
    }
    if (columns[field] !== undefined) {
      errors.push({
        line: record.line,
        column: header,
        code: 'HEADER_DUPLICATE_COLUMN',
        message: `line ${record.line}: columns "${names[field]}" and "${header}" both mean ${field}`,
      });
      return;
    }
    columns[field] = index;
    names[field] = header;
  });
  const missing = (field: StatementField, label: string): void => {
    errors.push({ line: record.line, column: label, code: 'HEADER_MISSING_COLUMN', message: `line ${record.line}: the header has no ${label} column` });
  };
  if (columns.txnId === undefined) missing('txnId', '交易流水号 (txnId)');
  if (columns.bookedAt === undefined) missing('bookedAt', '交易时间 (time)');
  const split = columns.debitAmount !== undefined || columns.creditAmount !== undefined;
  if (columns.amount === undefined && !split) missing('amount', '金额 (amount), or 借方金额/贷方金额 (debit/credit)');
  if (columns.amount !== undefined && split) {
    errors.push({
      line: record.line,
      column: names.amount,
      code: 'HEADER_AMBIGUOUS_AMOUNT',
      message: `line ${record.line}: give either one 金额 (amount) column or 借方/贷方 (debit/credit) columns, not both`,
    });
  }
  if (split && columns.direction !== undefined) {
    ignored.push(names.direction as string);
    delete columns.direction;
    delete names.direction;
  }
  return { columns, names, ignored, errors };
}

/**
 * Reads a bank statement CSV. Never throws for bad content: the result lists every problem (line and
 * column) and, when there is any, no lines. See the module notes and BANK_STATEMENT_FORMAT.md.
 */
export function parseBankStatement(bytes: Uint8Array, opts: BankStatementOptions = {}): ParsedStatement {
  const maxBytes = opts.maxBytes ?? STATEMENT_LIMITS.maxBytes;
  const maxLines = opts.maxLines ?? STATEMENT_LIMITS.maxLines;
  const fail = (errors: StatementError[], fingerprint: string, encoding: StatementEncoding, extra: Partial<ParsedStatement> = {}): ParsedStatement =>
    Object.freeze({ lines: [], errors, fingerprint, encoding, columns: {}, ignoredColumns: [], ...extra });

  if (bytes.byteLength > maxBytes) {
    const raw = createHash('sha256').update(bytes).digest('hex');
    return fail(
      [{ line: 0, code: 'STATEMENT_TOO_LARGE', message: `the statement is ${bytes.byteLength} bytes; at most ${maxBytes} bytes are accepted — split it by date` }],
      raw,
      'utf-8',
    );
  }
  const { text, encoding } = decodeStatement(bytes);
  const { records: all, errors: syntaxErrors } = readCsv(text);
  const records = all.filter((r) => !isBlank(r));
  const fingerprint = fingerprintOf(records);

  const errors: StatementError[] = syntaxErrors.map((e) => ({ line: e.line, code: e.code, message: e.message }));
  if (text.includes('\uFFFD')) {
    const where = all.find((r) => r.cells.some((c) => c.includes('\uFFFD')));
    errors.push({
      line: where?.line ?? 0,
      code: 'ENCODING_INVALID',
      message: `the file is neither valid UTF-8 nor valid GB18030 (first bad character on line ${where?.line ?? '?'})`,
    });
  }
  if (records.length === 0) {
    return fail([...errors, { line: 0, code: 'STATEMENT_EMPTY', message: 'the statement has no header row' }], fingerprint, encoding);
  }
  if (records.length - 1 > maxLines) {
    return fail(
      [
        ...errors,
        {
          line: records[maxLines + 1].line,
          code: 'STATEMENT_TOO_MANY_LINES',
          message: `the statement has ${records.length - 1} transaction lines; at most ${maxLines} are accepted — split it by date`,
        },
      ],
      fingerprint,
      encoding,
    );
  }

  const header = mapHeader(records[0]);
  errors.push(...header.errors);
  const meta = { columns: Object.freeze({ ...header.names }), ignoredColumns: Object.freeze([...header.ignored]) };
  if (header.errors.length > 0) return fail(errors, fingerprint, encoding, meta);

  const width = records[0].cells.length;
  const lines: StatementLine[] = [];
  const firstLineOfTxn = new Map<string, number>();
  for (const record of records.slice(1)) {
    const rowErrors: StatementError[] = [];
    const line = record.line;
    const err = (field: StatementField | undefined, code: string, message: string): void => {
      const column = field === undefined ? undefined : header.names[field];
      rowErrors.push({ line, column, code, message: `line ${line}${column === undefined ? '' : `, column "${column}"`}: ${message}` });
    };
    if (record.cells.slice(width).some((c) => cleanCell(c) !== '')) {
      err(undefined, 'ROW_TOO_MANY_CELLS', `the line has ${record.cells.length} cells but the header has ${width}`);
    }
    const cell = (field: StatementField): string | undefined => {
      const index = header.columns[field];
      return index === undefined ? undefined : cleanCell(record.cells[index] ?? '');
    };
    const textCell = (field: StatementField, squeeze = false): string | undefined => {
      const raw = cell(field);
      if (raw === undefined || raw === '') return undefined;
      if (raw.length > MAX_STATEMENT_CELL) {
        err(field, 'CELL_TOO_LONG', `at most ${MAX_STATEMENT_CELL} characters`);
        return undefined;
      }
      return squeeze ? raw.replace(/\s+/g, '') : raw;
    };

    const txnId = cell('txnId') ?? '';
    if (txnId === '') err('txnId', 'TXN_ID_REQUIRED', 'the transaction id is empty');
    else if (!TXN_ID.test(txnId)) err('txnId', 'TXN_ID_INVALID', 'the transaction id must be 1–64 printable ASCII characters without spaces');
    else if (firstLineOfTxn.has(txnId)) {
      err('txnId', 'TXN_ID_DUPLICATE', `transaction id ${txnId} already appears on line ${firstLineOfTxn.get(txnId)}`);
    } else firstLineOfTxn.set(txnId, line);

    const time = parseStatementTime(cell('bookedAt') ?? '');
    if (!time.ok) err('bookedAt', time.code, time.message);

    let direction: StatementDirection | undefined;
    let amount: Money | undefined;
    if (header.columns.amount !== undefined) {
      const dirRaw = cell('direction');
      let given: StatementDirection | undefined;
      if (dirRaw !== undefined) {
        const word = dirRaw.normalize('NFKC').toLowerCase();
        given = CREDIT_WORDS.has(word) ? 'credit' : DEBIT_WORDS.has(word) ? 'debit' : undefined;
        if (given === undefined) err('direction', 'DIRECTION_INVALID', `"${dirRaw}" is not 借/贷 (D/C, debit/credit)`);
      }
      const parsed = parseStatementAmount(cell('amount') ?? '', dirRaw === undefined);
      if (!parsed.ok) err('amount', parsed.code, parsed.message);
      else if (parsed.value.isZero()) err('amount', 'AMOUNT_ZERO', 'the amount is zero');
      else {
        amount = parsed.value.abs();
        direction = dirRaw !== undefined ? given : parsed.value.isNegative() ? 'debit' : 'credit';
      }
    } else {
      const sides: Array<[StatementField, StatementDirection]> = [
        ['debitAmount', 'debit'],
        ['creditAmount', 'credit'],
      ];
      const filled = sides.filter(([field]) => {
        const raw = cell(field);
        return raw !== undefined && raw !== '' && !/^0+(\.0+)?$/.test(raw) && raw !== '-';
      });
      if (filled.length === 0) err(header.columns.creditAmount !== undefined ? 'creditAmount' : 'debitAmount', 'AMOUNT_REQUIRED', 'neither a debit nor a credit amount is given');
      else if (filled.length === 2) err('debitAmount', 'AMOUNT_BOTH_SIDES', 'both a debit and a credit amount are given');
      else {
        const [field, side] = filled[0];
        const parsed = parseStatementAmount(cell(field) ?? '', false);
        if (!parsed.ok) err(field, parsed.code, parsed.message);
        else {
          amount = parsed.value;
          direction = side;
        }
      }
    }

    let balance: Money | undefined;
    const balanceRaw = cell('balance');
    if (balanceRaw !== undefined && balanceRaw !== '') {
      const parsed = parseStatementAmount(balanceRaw, true);
      if (!parsed.ok) err('balance', parsed.code === 'AMOUNT_TOO_MANY_DECIMALS' ? parsed.code : 'BALANCE_INVALID', parsed.message);
      else balance = parsed.value;
    }
    const currency = cell('currency');
    if (currency !== undefined && currency !== '' && !CNY_WORDS.has(currency.normalize('NFKC').toLowerCase())) {
      err('currency', 'CURRENCY_UNSUPPORTED', `"${currency}" is not 人民币 (CNY)`);
    }

    const counterpartyName = textCell('counterpartyName');
    const counterpartyAccount = textCell('counterpartyAccount', true);
    const subAccount = textCell('subAccount', true);
    const reference = [textCell('summary'), textCell('memo')].filter((s): s is string => s !== undefined).join(' ');

    if (rowErrors.length > 0 || !time.ok || amount === undefined || direction === undefined) {
      errors.push(...rowErrors);
      continue;
    }
    lines.push(
      Object.freeze({
        lineNumber: line,
        txnId,
        bookedAt: time.value.at,
        date: time.value.date,
        direction,
        amount,
        ...(counterpartyName === undefined ? {} : { counterpartyName }),
        ...(counterpartyAccount === undefined ? {} : { counterpartyAccount }),
        ...(subAccount === undefined ? {} : { subAccount }),
        reference,
        ...(balance === undefined ? {} : { balance }),
      }),
    );
  }
  if (errors.length > 0) return fail(errors, fingerprint, encoding, meta);
  return Object.freeze({ lines: Object.freeze(lines), errors: [], fingerprint, encoding, ...meta });
}

/**
 * Throws `DomainErrors('STATEMENT_INVALID')` when the statement has any error: each listed error has
 * the code, `line N, column "X": …` as message and the column as field (at most
 * {@link MAX_LISTED_STATEMENT_ERRORS} listed; the message gives the total).
 */
export function assertStatementValid(parsed: ParsedStatement): void {
  if (parsed.errors.length === 0) return;
  const listed = parsed.errors.slice(0, MAX_LISTED_STATEMENT_ERRORS).map((e) => ({
    code: e.code,
    message: e.message,
    ...(e.column === undefined ? {} : { field: e.column }),
  }));
  const total = parsed.errors.length;
  throw new DomainErrors(
    'STATEMENT_INVALID',
    `the bank statement was rejected: ${total} problem(s)${total > listed.length ? `, the first ${listed.length} listed` : ''}; first: ${parsed.errors[0].message}`,
    listed,
  );
}

/** {@link parseBankStatement} that throws `STATEMENT_INVALID` unless the whole statement is valid. */
export function parseValidBankStatement(bytes: Uint8Array, opts: BankStatementOptions = {}): ParsedStatement {
  const parsed = parseBankStatement(bytes, opts);
  assertStatementValid(parsed);
  return parsed;
}
