// Small text facts shared by the analysers. Offsets are UTF-16 code units.

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string): boolean => HAN.test(ch);

/** Han share of the first `limit` characters (used for auto-detection). */
export function hanShare(text: string, limit = 4096): number {
  let han = 0, counted = 0;
  for (const ch of text.slice(0, limit)) {
    if (/\s/.test(ch)) continue;
    counted++;
    if (isHan(ch)) han++;
  }
  return counted ? han / counted : 0;
}

export interface Line { start: number; end: number; text: string }

/**
 * A copy of s that does not keep the string it was cut from alive. V8 represents a slice
 * of 13 or more characters as a view of its parent: a line kept from an earlier version of
 * a document would keep that whole version in memory. Flattening a concatenation copies.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Lines without their terminators; handles \n, \r\n and lone \r. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Display width in columns: full-width characters count 2, others 1 (newspaper columns are in full-width cells). */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { c = s.codePointAt(i)!; i++; }
    w += wide(c) ? 2 : 1;
  }
  return w;
}
const wide = (c: number): boolean =>
  (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026;

/** Characters that end a sentence. */
export const SENTENCE_END = '。！？!?…';
/** Closing marks that end a sentence when what they close ended one (”, ）…). */
export const CLOSERS = '”’」』）)》】';

/** Does this text end a sentence (ignoring trailing space)? */
export function endsSentence(s: string): boolean {
  // runs on every line of a document: trailing space is skipped by index, not cut off
  let n = s.length;
  while (n > 0 && /\s/u.test(s[n - 1])) n--;
  if (!n) return true;
  const last = s[n - 1];
  if (SENTENCE_END.includes(last)) return true;
  if (CLOSERS.includes(last)) {
    // "…现实。”" ends; a source tag "(魏宣)" after a sentence ends; "“两个确立”" mid-sentence does not
    let k = n - 1;
    while (k > 0 && CLOSERS.includes(s[k - 1])) k--;
    if (k > 0 && SENTENCE_END.includes(s[k - 1])) return true;
    const t = s.slice(0, n);
    const tag = t.search(/[（(][\p{Script=Han}]{1,6}[)）]$/u);
    if (tag >= 0) {
      const before = t.slice(0, tag).replace(/\s+$/u, '');
      return !before || SENTENCE_END.includes(before[before.length - 1]);
    }
  }
  return false;
}

/** A subtitle's opening dash (——今年将新建农村公路300公里). */
export const SUBTITLE = /^(?:——|--|－－|—)/u;

/** Sentence-internal punctuation (a headline rarely has it). */
export const CLAUSE_PUNCT = /[，,；;。！？!?]/u;
// The same marks by code, for loops over characters (indexing a string for a Chinese character allocates one).
/** 。！？!? */
export const isSentenceMark = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
/** CLAUSE_PUNCT: ，,；;。！？!? */
export const isClauseMark = (c: number): boolean => c === 0xff0c || c === 44 || c === 0xff1b || c === 59 || isSentenceMark(c);

/** Index of the first of xs (in ascending order of key) whose key is at or after `at`: a binary search. */
export function firstFrom<T>(xs: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(xs[mid]) < at) lo = mid + 1; else hi = mid; }
  return lo;
}


