// Half-width punctuation inside Chinese text: , : ; ( ) ! ? between Chinese characters.
// Numbers, times (10:30), URLs and Latin text keep theirs; pinyin residue is left to its own finding.
import type { LayoutLine } from './layout';
import type { Finding, Span, TextChange } from './types';

const FULL: Record<number, string> = { 44: '，', 58: '：', 59: '；', 40: '（', 41: '）', 33: '！', 63: '？' };
const URLISH = /(?:https?:\/\/|www\.)\S+|[\w.-]+@[\w.-]+\.\w+/gu;

// Character classes by code point: this runs on every half-width mark of a document.
const isLatinOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f) /* astral Han lead surrogate */ || (c >= 0x2e80 && c <= 0x2fdf) || c === 0x3005 || c === 0x3007;
// Chinese text and its punctuation: Han, CJK symbols, full-width forms, curly quotes, book titles, brackets, ellipsis, dash
const isCjk = (c: number) => isHanCode(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014;
const isWhite = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;

/** One finding per line that has any, holding every change of the line. */
export function halfwidthFindings(lines: LayoutLine[], text: string, skip: Span[]): Finding[] {
  const out: Finding[] = [];
  let si = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.kind === 'blank' || line.kind === 'metadata' || line.kind === 'furniture') continue;
    // most lines have no half-width mark: look for one before cutting the line out
    if (!hasHalf(text, line.start, line.end)) continue;
    const s = text.slice(line.start, line.end);
    const protectedSpans: Span[] = [];
    URLISH.lastIndex = 0;
    if (/:\/\/|www\.|@/u.test(s)) for (let m; (m = URLISH.exec(s));) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
    while (si < skip.length && skip[si].end <= line.start) si++;
    for (let k = si; k < skip.length && skip[k].start < line.end; k++) protectedSpans.push({ start: skip[k].start - line.start, end: skip[k].end - line.start });
    const inside = (i: number) => protectedSpans.length > 0 && protectedSpans.some((p) => i >= p.start && i < p.end);
    const changes: TextChange[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const full = FULL[c];
      if (full === undefined || inside(i)) continue;
      if (c === 40 /* ( */) {
        const close = s.indexOf(')', i + 1);
        // a parenthesis holding Chinese is Chinese: (记者 许廷合) (魏宣); (CCD) stays
        if (close > 0 && hasHan(s, i + 1, close) && !inside(close)) {
          changes.push({ start: line.start + i, end: line.start + i + 1, text: '（' }, { start: line.start + close, end: line.start + close + 1, text: '）' });
          i = close;
        }
        continue;
      }
      if (c === 41 /* ) */) continue; // handled with its opening parenthesis
      const prev = prevVisible(s, i), next = nextVisible(s, i);
      if (isLatinOrDigit(prev) && isLatinOrDigit(next)) continue; // 10:30, 1,700, ratios, Latin text
      // "网址:www" keeps its colon; otherwise a mark touching Chinese is Chinese
      if (isCjk(prev) || (isCjk(next) && !(c === 58 && isLatin(prev)))) changes.push({ start: line.start + i, end: line.start + i + 1, text: full });
    }
    if (changes.length) out.push({ code: 'halfwidth-punct', start: changes[0].start, end: changes[changes.length - 1].end, args: { count: changes.length }, changes });
  }
  return out;
}

function hasHalf(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FULL[text.charCodeAt(k)] !== undefined) return true;
  return false;
}
function hasHan(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isHanCode(s.charCodeAt(k))) return true;
  return false;
}
function prevVisible(s: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) { const c = s.charCodeAt(k); if (!isWhite(c)) return c; }
  return -1;
}
function nextVisible(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) { const c = s.charCodeAt(k); if (!isWhite(c)) return c; }
  return -1;
}
