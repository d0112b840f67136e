// Half-width punctuation inside Chinese text: , : ; ( ) ! ? between Chinese characters.
// Numbers, times (10:30), URLs and Latin text keep theirs; pinyin residue is left to its own finding.
import type { LayoutLine } from './layout';
import { lostCharacterAt } from './lostCharacters';
import type { Finding, Span, TextChange } from './types';

const FULL: Record<number, string> = { 44: '，', 58: '：', 59: '；', 40: '（', 41: '）', 33: '！', 63: '？' };
// a URL runs over ASCII only: the Chinese after it (no space between, as often) is not part of it
const URLISH = /(?:https?:\/\/|www\.)[\x21-\x7e]+|[\w.-]+@[\w.-]+\.\w+/gu;

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
    const full = fullWidthMarks(s, inside);
    const changes: TextChange[] = [];
    for (const [i, mark] of full) changes.push({ start: line.start + i, end: line.start + i + 1, text: mark });
    changes.sort((a, b) => a.start - b.start);
    if (changes.length) out.push({ code: 'halfwidth-punct', start: changes[0].start, end: changes[changes.length - 1].end, args: { count: changes.length }, changes });
  }
  return out;
}

/**
 * The half-width marks of one line that are Chinese, by index, with their full-width form.
 * What it protects: numbers and Latin text (10:30, 1,700, "网址:www"), URLs and e-mail
 * addresses, pinyin residue (its own finding), brackets holding no Chinese ((CCD)), and a `?`
 * standing for a lost character (会?议: see lostCharacters), which must not look like punctuation.
 * Brackets pair by nesting; a mark is judged by its neighbours as they will be once converted,
 * so the result is the same whether it is computed once or again on its own output.
 */
function fullWidthMarks(s: string, inside: (i: number) => boolean): Map<number, string> {
  const full = new Map<number, string>();
  // brackets: a pair holding Chinese is Chinese; (记者 许廷合) (魏宣); (CCD) stays
  let hanBefore: Int32Array | null = null;
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c !== 40 && c !== 41) || inside(i)) continue;
    if (c === 40) { open.push(i); continue; }
    const o = open.pop();
    if (o === undefined) continue;
    hanBefore ??= hanCounts(s);
    if (hanBefore[i] > hanBefore[o + 1]) { full.set(o, '（'); full.set(i, '）'); }
  }
  // the other marks: a mark touching Chinese is Chinese. Converting one can make its
  // neighbour touch Chinese (中,, or ,,中): passes both ways until nothing changes.
  const code = (k: number) => (k < 0 ? -1 : full.has(k) ? full.get(k)!.charCodeAt(0) : s.charCodeAt(k));
  for (let changed = true, pass = 0; changed && pass < 8; pass++) {
    changed = false;
    const from = pass % 2 === 0 ? 0 : s.length - 1, step = pass % 2 === 0 ? 1 : -1;
    for (let i = from; i >= 0 && i < s.length; i += step) {
      const c = s.charCodeAt(i);
      const mark = FULL[c];
      if (mark === undefined || c === 40 || c === 41 || full.has(i) || inside(i)) continue;
      if (c === 63 && lostCharacterAt(s, i)) continue;
      const prev = code(prevVisible(s, i)), next = code(nextVisible(s, i));
      if (isLatinOrDigit(prev) && isLatinOrDigit(next)) continue; // 10:30, 1,700, ratios, Latin text
      // "网址:www" keeps its colon; otherwise a mark touching Chinese is Chinese
      if (isCjk(prev) || (isCjk(next) && !(c === 58 && isLatin(prev)))) { full.set(i, mark); changed = true; }
    }
  }
  return full;
}

/** hanCounts(s)[k]: Han code units in s before index k. */
function hanCounts(s: string): Int32Array {
  const n = new Int32Array(s.length + 1);
  for (let k = 0; k < s.length; k++) n[k + 1] = n[k] + (isHanCode(s.charCodeAt(k)) ? 1 : 0);
  return n;
}

function hasHalf(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FULL[text.charCodeAt(k)] !== undefined) return true;
  return false;
}
/** Index of the nearest character before i that is not white space, or -1. */
function prevVisible(s: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!isWhite(s.charCodeAt(k))) return k;
  return -1;
}
/** Index of the nearest character after i that is not white space, or -1. */
function nextVisible(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) if (!isWhite(s.charCodeAt(k))) return k;
  return -1;
}
