// Report dates as calendar dates. A dateline usually gives month and day only (10月28日);
// the year comes from the report itself (2023年10月28日), the page's publication line
// (发布时间：2023-05-10), the file's name (2023-05-10-xx.txt) or, weakest, a year the lead
// mentions (召开2023年…会议). A date is approximate when it had to be inferred: the year from
// the lead or from the report before, or the day from the publication date (日前, 近日…).
import type { Span } from './types';

export type DateSource = 'dateline' | 'metadata' | 'page' | 'file-name' | 'lead-year' | 'previous-report';

export interface ResolvedDate {
  /** ISO 8601: 2023-10-28, 2023-10, 2023, or --10-28 when no year is known */
  iso: string;
  year?: number;
  month?: number;
  day?: number;
  approximate: boolean;
  /** where the year (or, without a dateline, the whole date) came from */
  source: DateSource;
}

interface Parts { year?: number; month?: number; day?: number }

const FULL = String.raw`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`;
/** a publication line: 发布时间：2023-05-10, 時間:2021/5/20, 日期：2023年5月10日 (both scripts) */
const METADATA = new RegExp(String.raw`(?:发布|發布|發佈|更新|发表|發表)?(?:时间|時間|日期)\s*[:：]?\s*` + FULL, 'u');
/** a masthead or date line standing alone: 2023年10月29日 星期日 */
const DATE_LINE = new RegExp(String.raw`^[\s　]*` + FULL + String.raw`日?[\s　]*(?:(?:星期|周|週)[一二三四五六日天])?[\s　]*$`, 'mu');
const DATELINE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/u;
const LEAD_YEAR = /((?:19|20)\d{2})年/u;
/** how far into a report its own publication line and its lead's year are looked for */
const HEAD_CHARS = 400;
/** a dateline more than this many days after the reference date belongs to the year before */
const ROLLOVER_DAYS = 31;

const valid = (p: Parts): boolean =>
  (p.month === undefined || (p.month >= 1 && p.month <= 12)) && (p.day === undefined || (p.day >= 1 && p.day <= 31));

function full(m: RegExpExecArray | null): Parts | undefined {
  if (!m) return undefined;
  const p = { year: +m[1], month: +m[2], day: +m[3] };
  return valid(p) ? p : undefined;
}

/** The date a file's name or path gives: 2023-05-10, 20230510, 2023_05, or a year folder (…/2023/…). */
export function dateInFileName(path: string): Parts | undefined {
  const name = path.replace(/\\/gu, '/');
  const ymd = /(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/u.exec(name);
  if (ymd) return { year: +ymd[1], month: +ymd[2], day: +ymd[3] };
  const ym = /(?<!\d)((?:19|20)\d{2})[-_.](0[1-9]|1[0-2])(?!\d)/u.exec(name);
  if (ym) return { year: +ym[1], month: +ym[2] };
  const y = /(?<![\d])((?:19|20)\d{2})(?=[-_./年]|$)/u.exec(name);
  return y ? { year: +y[1] } : undefined;
}

/** a masthead's date in Chinese numerals: 二〇二三年十月二十九日 (星期日) */
const HAN_DATE_LINE = /^[\s　]*([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日[\s　]*(?:(?:星期|周|週)[一二三四五六日天])?[\s　]*$/mu;
const HAN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 十 → 10, 十二 → 12, 二十 → 20, 二十九 → 29 */
function hanNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return HAN_DIGIT[s] ?? NaN;
  return (ten ? HAN_DIGIT[s[0]] : 1) * 10 + (s.length > ten + 1 ? HAN_DIGIT[s[ten + 1]] : 0);
}
function hanDate(m: RegExpExecArray | null): Parts | undefined {
  if (!m) return undefined;
  const p = { year: +[...m[1]].map((c) => HAN_DIGIT[c]).join(''), month: hanNumber(m[2]), day: hanNumber(m[3]) };
  return valid(p) && p.month >= 1 && p.day >= 1 ? p : undefined;
}

/** The publication date of the page: its first publication line, or else a line that is only a date (in digits or in Chinese numerals). */
export function pageDate(text: string): Parts | undefined {
  const head = text.slice(0, 4000);
  return full(METADATA.exec(text)) ?? full(DATE_LINE.exec(head)) ?? hanDate(HAN_DATE_LINE.exec(head));
}

/** Parse a dateline as reports.ts gives it (10月28日, 2021年5月19日). */
function parseDateline(s: string | undefined): Parts | undefined {
  const m = s ? DATELINE.exec(s) : null;
  if (!m) return undefined;
  const p = { year: m[1] ? +m[1] : undefined, month: +m[2], day: +m[3] };
  return valid(p) ? p : undefined;
}

/** The year of month/day seen from a reference date: the year before when it would lie well after it. */
function yearFor(month: number, day: number, ref: Parts): number {
  if (ref.month === undefined) return ref.year!;
  const after = (month - ref.month) * 31 + (day - (ref.day ?? 31));
  return after > ROLLOVER_DAYS ? ref.year! - 1 : ref.year!;
}

function iso(p: Parts): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (p.year === undefined) return p.month && p.day ? `--${two(p.month)}-${two(p.day)}` : '';
  return [String(p.year), p.month && two(p.month), p.month && p.day && two(p.day)].filter(Boolean).join('-');
}

const resolved = (p: Parts, approximate: boolean, source: DateSource): ResolvedDate => ({ iso: iso(p), ...p, approximate, source });

export interface DatedReport extends Span {
  /** the dateline reports.ts found in the lead or the report's metadata (10月28日, 2021年5月19日) */
  date?: string;
}

/**
 * Each report's date, in order. Reports without a dateline take the publication date of their
 * own metadata, of the page or of the file name (approximate); a year still unknown comes from
 * the lead (approximate) or from the report before (approximate).
 */
export function resolveReportDates(text: string, reports: DatedReport[], fileName = ''): (ResolvedDate | undefined)[] {
  const page = pageDate(text);
  const file = fileName ? dateInFileName(fileName) : undefined;
  let previous: ResolvedDate | undefined;
  return reports.map((r) => {
    const head = text.slice(r.start, Math.min(r.end, r.start + HEAD_CHARS));
    const own = full(METADATA.exec(head));
    const leadYear = LEAD_YEAR.exec(head);
    const refs: [Parts | undefined, DateSource][] = [[own, 'metadata'], [page, 'page'], [file, 'file-name']];
    const dl = parseDateline(r.date);
    let out: ResolvedDate | undefined;
    if (dl?.year !== undefined) out = resolved(dl, false, 'dateline');
    else if (dl) {
      const [ref, source] = refs.find(([p]) => p?.year !== undefined) ?? [undefined, 'dateline'];
      if (ref) out = resolved({ ...dl, year: yearFor(dl.month!, dl.day!, ref) }, false, source);
      else if (leadYear) out = resolved({ ...dl, year: +leadYear[1] }, true, 'lead-year');
      else if (previous?.year !== undefined) out = resolved({ ...dl, year: yearFor(dl.month!, dl.day!, previous) }, true, 'previous-report');
      else out = resolved(dl, false, 'dateline');
    } else {
      const [ref, source] = refs.find(([p]) => p !== undefined) ?? [undefined, 'page'];
      if (ref) out = resolved(ref, true, source);
      else if (leadYear) out = resolved({ year: +leadYear[1] }, true, 'lead-year');
    }
    if (out) previous = out;
    return out;
  });
}

/** Chronological order of two dates; unknown years sort before known ones, missing dates last. */
export function compareDates(a: ResolvedDate | undefined, b: ResolvedDate | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const key = (d: ResolvedDate) => [d.year ?? 0, d.month ?? 0, d.day ?? 0];
  const [x, y] = [key(a), key(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
