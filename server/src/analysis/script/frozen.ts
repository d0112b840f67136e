// What convertText leaves untouched: Latin words, numbers, URLs, e-mail addresses and the
// protect spans (names) stay and cut phrases; pinyin residue and hard wraps stay but phrases
// span them. Found in one pass, regular expressions only at candidates; a range of characters
// no dictionary key holds may stay in place instead of being masked.
import type { Span } from '../types';
import type { Engine } from './engine';
import { PAIR_BITS, forEachEntry, pairHash } from './trie';
import { cpLen, isHanCp, isIds, isLow } from './units';

// Finding what stays untouched: one pass over the text, regular expressions only at candidates.
const NOT_URL = String.raw`\s\p{Script=Han}"'<>\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019`;
const URL_RE = new RegExp(String.raw`(?:https?|ftp):\/\/[^${NOT_URL}]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^${NOT_URL}]*`, 'iuy');
const MAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;

function hanBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  if (isLow(c) && i >= 2) return isHanCp(s.codePointAt(i - 2)!);
  return isHanCp(c);
}
const hanAt = (s: string, i: number) => i < s.length && isHanCp(s.codePointAt(i)!);
const isLatinStart = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) ||
  (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);

const isLatin = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
const isWordJoiner = (c: number) => c === 0x2e || c === 0x2c || c === 0x3a || c === 0x5f || c === 0x27 || c === 0x2019 || c === 0x2f || c === 0x2d;
/**
 * A Latin word or number at i (i at a Latin start): its end. As the regular expression
 * /[A-Za-z0-9\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.,:_'’/-][A-Za-z0-9\u00c0-\u024f]+)*\/y.
 */
function wordEnd(s: string, i: number): number {
  const n = s.length;
  let e = i;
  while (e < n && isLatinStart(s.charCodeAt(e))) e++;
  while (e + 1 < n && isWordJoiner(s.charCodeAt(e)) && isLatin(s.charCodeAt(e + 1))) {
    e += 2;
    while (e < n && isLatin(s.charCodeAt(e))) e++;
  }
  return e;
}
const isMailLocal = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
/** Whether URL_RE can match at i: it starts http, ftp: or www. (any case). */
function urlStart(s: string, i: number): boolean {
  const a = s.charCodeAt(i) | 0x20, b = s.charCodeAt(i + 1) | 0x20, c = s.charCodeAt(i + 2) | 0x20, d = s.charCodeAt(i + 3);
  if (a === 0x68) return b === 0x74 && c === 0x74 && (d | 0x20) === 0x70;
  if (a === 0x66) return b === 0x74 && c === 0x70 && d === 0x3a;
  return a === 0x77 && b === 0x77 && c === 0x77 && d === 0x2e;
}
const isRubyLetter = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0xfc) || (c >= 0x101 && c <= 0x1dc) || c === 0x1f9 || c === 0x1e3f || (c >= 0x300 && c <= 0x36f);
/**
 * Pinyin reading residue at i, as in 會(huì)議 (i at an opening parenthesis): its end, or -1. As the
 * regular expression /[(（][a-zü\u00e0-\u00fc\u0101-\u01dc\u01f9\u0144\u0148\u1e3f\u0300-\u036f]{1,8}[1-5]?[)）]/y.
 */
function rubyEnd(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  while (j < n && j - i <= 8 && isRubyLetter(s.charCodeAt(j))) j++;
  if (j === i + 1) return -1;
  let c = s.charCodeAt(j);
  if (c >= 0x31 && c <= 0x35) c = s.charCodeAt(++j);
  return c === 0x29 || c === 0xff09 ? j + 1 : -1;
}

function sticky(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

export interface Range { start: number; end: number; soft: boolean }

/** What may start a frozen range, per code unit: a Latin word (or URL, address), residue, a wrap; and IDS characters. */
const LATIN_START = 1, OPEN_PAREN = 2, LINE_BREAK = 3, IDS = 4;
let frozenKinds: Uint8Array | undefined;
const WWW = /www\./i;
function buildFrozenKinds(): Uint8Array {
  const k = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isLatinStart(c)) k[c] = LATIN_START;
  k[0x28] = k[0xff08] = OPEN_PAREN;
  k[10] = k[13] = LINE_BREAK;
  for (let c = 0x2ff0; c <= 0x2fff; c++) k[c] = IDS; // noted only
  return k;
}

/**
 * What convertText leaves alone, sorted and non-overlapping:
 * - hard ranges: URLs, e-mail addresses, Latin words and numbers, protect spans. They stay as
 *   they are and phrases do not span them;
 * - soft ranges: pinyin residue after a Han character (會(huì)議) and a single line break between
 *   two Han characters (a hard wrap). They stay as they are, but the Han text on both sides
 *   converts as one stretch, so 會(huì)議 and 头\n发 still convert as the words 會議 and 頭髮.
 * `ids`: the text holds an ideographic description character.
 */
export function frozenRanges(text: string, protect: readonly Span[] | undefined, tables?: InPlaceTables): { ranges: Range[]; ids: boolean } {
  const found: Range[] = [];
  let ids = false; // an ideographic description character seen
  // with tables, a found range that may stay in place (see inPlace) is left out
  const push = (start: number, end: number, soft: boolean) => {
    if (!tables || !staysInPlace(text, start, end, soft, tables)) found.push({ start, end, soft });
  };
  const n = text.length;
  // Latin words of inert units would all stay in place, and nothing found inside one (they hold
  // no line break, no parenthesis): unless a URL or an address (whose units may not be inert)
  // can start in the text, the scan passes them over
  const latinInert = tables?.kinds && text.indexOf('@') < 0 && text.indexOf('://') < 0 && !WWW.test(text);
  const kinds = latinInert ? tables!.kinds! : (frozenKinds ??= buildFrozenKinds());
  for (let i = 0; i < n; i++) {
    const k = kinds[text.charCodeAt(i)];
    if (k === 0) continue;
    const c = text.charCodeAt(i);
    if (k === LATIN_START) {
      // the regular expressions run only where a quick look says they can match
      let e = -1;
      if ((c === 0x68 || c === 0x48 || c === 0x66 || c === 0x46 || c === 0x77 || c === 0x57) && urlStart(text, i)) e = sticky(URL_RE, text, i);
      if (e < 0 && c < 0x80) {
        let j = i + 1;
        while (j < n && isMailLocal(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 0x40) {
          e = sticky(MAIL_RE, text, i);
          if (e >= 0 && text.charCodeAt(e - 1) === 0x2e) e--; // a sentence full stop after the address
        }
      }
      if (e < 0) e = wordEnd(text, i);
      if (e > i) { push(i, e, false); i = e - 1; }
    } else if (k === OPEN_PAREN) {
      if (!hanBefore(text, i)) continue;
      const e = rubyEnd(text, i);
      if (e > i) { push(i, e, true); i = e - 1; }
    } else if (k === LINE_BREAK) {
      if (!hanBefore(text, i)) continue;
      const e = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (hanAt(text, e)) { push(i, e, true); i = e - 1; }
    } else ids = true;
  }
  if (ids && tables) return frozenRanges(text, protect); // nothing may stay in place
  if (!protect || protect.length === 0) return { ranges: found, ids };
  const prot: Range[] = protect
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(n, s.end), soft: false }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  // merge the two sorted lists; overlapping ranges unite, hard wins over soft
  const all: Range[] = [];
  let i = 0, j = 0;
  while (i < found.length || j < prot.length) {
    const r = j >= prot.length || (i < found.length && found[i].start < prot[j].start) ? found[i++] : prot[j++];
    const last = all[all.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.soft = last.soft && r.soft;
    } else all.push(r); // every range is this function's own: merged in place
  }
  return { ranges: all, ids };
}

/**
 * Per code unit, for an engine: 1 where the unit is in no key of any of its tries (inert); and for
 * an engine of one trie, a filter of the pairs of units that follow each other in some key.
 */
interface InPlaceTables {
  inert: Uint8Array;
  pairs: Uint8Array | null;
  /** units the normalisation may change (pairs say nothing of what they become) */
  normKey: Uint8Array;
  /** frozenKinds without Latin starts, when every unit of a Latin word is inert */
  kinds: Uint8Array | null;
}
const inPlaceCache = new Map<Engine, InPlaceTables>();
export function inPlaceTables(e: Engine): InPlaceTables {
  let t = inPlaceCache.get(e);
  if (t) return t;
  const { norm, groups, single } = e.tries();
  const inKey = new Uint8Array(0x10000);
  // a key of the normalisation is a unit it may change: pairs are only known around the others
  const normKey = new Uint8Array(0x10000);
  let pairs = single ? new Uint8Array(1 << PAIR_BITS) : null;
  for (const d of new Set(norm.flat())) {
    forEachEntry(d, (k) => {
      if (k.length !== cpLen(k, 0)) pairs = null; // a normalisation of phrases: no pairs
      for (let i = 0; i < k.length; i++) inKey[k.charCodeAt(i)] = normKey[k.charCodeAt(i)] = 1;
    });
  }
  for (const d of new Set(groups.flat())) {
    forEachEntry(d, (k) => {
      for (let i = 0; i < k.length; i++) {
        inKey[k.charCodeAt(i)] = 1;
        if (pairs && i + 1 < k.length) pairs[pairHash(k.charCodeAt(i), k.charCodeAt(i + 1))] = 1;
      }
    });
  }
  const inert = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) inert[c] = inKey[c] || isIds(c) ? 0 : 1;
  // when every unit a Latin word may hold is inert, words can be passed over (see frozenRanges)
  let kinds: Uint8Array | null = null;
  let wordsInert = true;
  for (let c = 0; c < 0x10000 && wordsInert; c++) if ((isLatinStart(c) || isWordJoiner(c)) && !inert[c]) wordsInert = false;
  if (wordsInert) {
    kinds = (frozenKinds ??= buildFrozenKinds()).slice();
    for (let c = 0; c < 0x10000; c++) if (kinds[c] === LATIN_START) kinds[c] = 0;
  }
  inPlaceCache.set(e, (t = { inert, pairs, normKey, kinds }));
  return t;
}

/**
 * Whether a frozen range may stay where it is instead of being masked: a range of inert units (in
 * no key of the engine's tries) may, as no match can take it in or span it (a Latin word, a URL);
 * so may a soft range when no match could have spanned it once taken out either: a unit either
 * side of it is inert, or (one trie) no key holds those two units next to each other. Not with an
 * ideographic description character in the text, which opencc-js skips together with what follows.
 */
function staysInPlace(text: string, start: number, end: number, soft: boolean, { inert, pairs, normKey }: InPlaceTables): boolean {
  for (let i = start; i < end; i++) if (!inert[text.charCodeAt(i)]) return false;
  if (!soft || start === 0 || end === text.length) return true;
  const x = text.charCodeAt(start - 1), y = text.charCodeAt(end);
  return inert[x] === 1 || inert[y] === 1 || (pairs !== null && pairs[pairHash(x, y)] === 0 && !normKey[x] && !normKey[y]);
}
