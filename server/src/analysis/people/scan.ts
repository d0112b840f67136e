// Scanning helpers the people passes share: a word table read by a hash of two characters,
// Han and space tests as tables, and the text as UTF-16 units.
//
// Speed: a 1 MB page must cost a few milliseconds, well under jieba cutting it. A regex
// alternation of hundreds of words is tried word by word at every position, so the scans
// walk the text's units once and look words up by their first (or last) two characters.

export const PAIRS = 1 << 16;
export const pair = (s: string, i: number) => ((s.charCodeAt(i) << 5) ^ (s.charCodeAt(i + 1) | 0)) & (PAIRS - 1);
const NONE: readonly string[] = [];

/**
 * Words looked up by a hash of their first two UTF-16 units (fromEnd: their last two), longest
 * first. A scan reads one table entry per position, and a bucket rarely holds more than one
 * word, where an index by first character would try every name of 王 at every 王.
 */
export class Lexicon {
  readonly bits = new Uint8Array(PAIRS);
  private readonly buckets = new Map<number, string[]>();
  // one-unit words: only a user's list of names could hold one
  private readonly singles = new Map<number, string>();
  constructor(words: Iterable<string>, private readonly fromEnd = false) {
    for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
      if (w.length === 1) { this.singles.set(w.charCodeAt(0), w); continue; }
      if (!w) continue;
      const key = pair(w, fromEnd ? w.length - 2 : 0);
      this.bits[key] = 1;
      const l = this.buckets.get(key);
      if (l) l.push(w); else this.buckets.set(key, [w]);
    }
  }
  /** The next position ≥ i of the text's units where a word may start (not for fromEnd). */
  next(u: Uint16Array, i: number): number {
    const bits = this.bits, n = u.length;
    if (this.singles.size) {
      for (; i < n; i++) if ((i + 1 < n && bits[((u[i] << 5) ^ u[i + 1]) & (PAIRS - 1)]) || this.singles.has(u[i])) return i;
      return n;
    }
    if (i >= n - 1) return n;
    // the hot loop: one table read per position
    for (let c1 = u[i], c2 = 0; i < n - 1; i++, c1 = c2) {
      c2 = u[i + 1];
      if (bits[((c1 << 5) ^ c2) & (PAIRS - 1)]) return i;
    }
    return n;
  }
  /** The words that may start at i (fromEnd: end at i), longest first: check each with startsWith. */
  list(s: string, i: number): readonly string[] {
    const k = this.fromEnd ? i - 2 : i;
    const l = k >= 0 && this.bits[pair(s, k)] ? this.buckets.get(pair(s, k)) ?? NONE : NONE;
    const one = this.singles.size ? this.singles.get(s.charCodeAt(this.fromEnd ? i - 1 : i)) : undefined;
    return one ? [...l, one] : l;
  }
  /** The longest word starting at i (fromEnd: ending at i). */
  at(s: string, i: number): string | null {
    const k = this.fromEnd ? i - 2 : i;
    const l = k >= 0 && this.bits[pair(s, k)] ? this.buckets.get(pair(s, k)) : undefined;
    if (l) {
      for (let j = 0; j < l.length; j++) {
        const w = l[j];
        if (this.fromEnd ? i >= w.length && s.startsWith(w, i - w.length) : s.startsWith(w, i)) return w;
      }
    }
    return this.singles.size ? this.singles.get(s.charCodeAt(this.fromEnd ? i - 1 : i)) ?? null : null;
  }
}

/** The text as UTF-16 units: a typed array reads faster than charCodeAt in the scans. */
export function unitsOf(s: string): Uint16Array {
  const b = Buffer.from(s, 'utf16le');
  return b.byteOffset & 1 ? Uint16Array.from({ length: s.length }, (_, k) => s.charCodeAt(k)) : new Uint16Array(b.buffer, b.byteOffset, s.length);
}
export const marks = (chars: Iterable<string>) => { const m = new Uint8Array(65536); for (const c of chars) m[c.charCodeAt(0)] = 1; return m; };

// sticky: tested at a position of the whole text, no slice
export const sticky = (re: RegExp, s: string, i: number) => { re.lastIndex = i; return re.test(s); };

// \p{Script=Han} as a table for the BMP (a regex call per character costs more than the scan)
const HAN = /\p{Script=Han}/uy;
const HAN_BMP = new Uint8Array(65536);
// the BMP's Han characters all lie in U+2E80–U+9FFF and U+F900–U+FAFF (radicals to compatibility ideographs)
for (const [lo, hi] of [[0x2e80, 0xa000], [0xf900, 0xfb00]]) {
  const block = new TextDecoder('utf-16le').decode(Uint16Array.from({ length: hi - lo }, (_, k) => lo + k));
  for (const m of block.matchAll(/\p{Script=Han}+/gu)) HAN_BMP.fill(1, lo + m.index!, lo + m.index! + m[0].length);
}
/** Length of the Han character at i: 0 (none), 1, or 2 (astral). */
export function hanLen(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return HAN_BMP[c];
  HAN.lastIndex = i;
  return HAN.test(s) ? HAN.lastIndex - i : 0;
}
export const hanAt = (s: string, i: number) => i >= 0 && i < s.length && hanLen(s, i) > 0;
/** s[from, to) is all Han (whole code points). */
export function allHan(s: string, from: number, to: number): boolean {
  let i = from;
  for (let l; i < to; i += l) if (!(l = hanLen(s, i))) return false;
  return i === to;
}
// \s
export const isSpace = (c: number) => c === 0x20 || (c >= 9 && c <= 13) || (c > 0x7f && (c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff));
/** A space that does not end the line (a byline never continues past its own line). */
export const isInlineSpace = (c: number) => isSpace(c) && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029;
