// opencc-js's dictionaries ("a b|c d" strings or [a, b] pairs) and FastTrie, its Trie made
// fast: the longest-match lookup every conversion stage runs.
import { idsArity, isIds, unmatchedLength } from './units';

export type Pair = readonly [string, string];
export type Dict = string | readonly Pair[];

/** Entries of an opencc-js dictionary ("a b|c d" strings or [a, b] pairs). */
export function dictEntries(d: Dict): Pair[] {
  if (typeof d !== 'string') return d.slice();
  if (d === '') return [];
  return d.split('|').map((line) => {
    const sp = line.indexOf(' ');
    return [line.slice(0, sp), line.slice(sp + 1)] as const;
  });
}

/**
 * Call f(key, value) for each entry of a dictionary, in order, without building arrays. The value
 * is the first candidate, as opencc-js's Trie loads it, or with `whole` all of them ("a b" of
 * "k a b"). f returning false stops the walk.
 */
export function forEachEntry(d: Dict, f: (k: string, v: string) => boolean | void, whole = false): void {
  if (typeof d !== 'string') {
    for (const [k, v] of d) if (f(k, v) === false) return;
    return;
  }
  const n = d.length;
  for (let a = 0; a < n;) {
    let bar = d.indexOf('|', a);
    if (bar < 0) bar = n;
    const sp = d.indexOf(' ', a);
    if (sp < 0 || sp > bar) throw new TypeError(`bad dictionary entry ${d.slice(a, bar)}`);
    let ve = bar;
    if (!whole) {
      ve = d.indexOf(' ', sp + 1);
      if (ve < 0 || ve > bar) ve = bar;
    }
    if (f(d.slice(a, sp), d.slice(sp + 1, ve)) === false) return;
    a = bar + 1;
  }
}

/** A growing buffer of UTF-16 code units: buf[0, n). */
export class Units {
  buf: Uint16Array;
  n = 0;
  constructor(capacity: number) { this.buf = new Uint16Array(Math.max(16, capacity)); }
  /** The buffer, with room for `more` units after n. */
  reserve(more: number): Uint16Array {
    if (this.n + more > this.buf.length) {
      const b = new Uint16Array(Math.max(this.n + more, this.buf.length * 2));
      b.set(this.buf.subarray(0, this.n));
      this.buf = b;
    }
    return this.buf;
  }
}

/** The code units of s, as they are (lone surrogates included). */
export function unitsOf(s: string): Uint16Array {
  if (s.length < 64) {
    const u = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return u;
  }
  const b = Buffer.from(s, 'utf16le');
  if (b.byteOffset % 2 === 0) return new Uint16Array(b.buffer, b.byteOffset, s.length);
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}
export const stringOf = (u: Uint16Array, n: number) => Buffer.from(u.buffer, u.byteOffset, n * 2).toString('utf16le');

/** unmatchedLength over code units (never crossing `to`). */
export function unitsUnmatchedLength(s: Uint16Array, i: number, to: number): number {
  const c = s[i];
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = unitsIdsEnd(s, i, to);
    if (e > i) return e - i;
  }
  return c >= 0xd800 && c <= 0xdbff && i + 1 < to && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff ? 2 : 1;
}
function unitsIdsEnd(s: Uint16Array, i: number, to: number): number {
  const arity = idsArity(s[i]);
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= to) return 0;
    const child = unitsIdsEnd(s, end, to);
    end = child || end + (s[end] >= 0xd800 && s[end] <= 0xdbff && end + 1 < to && s[end + 1] >= 0xdc00 && s[end + 1] <= 0xdfff ? 2 : 1);
  }
  return end;
}

export const PAIR_BITS = 20;
export const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);

/**
 * opencc-js's Trie, stored for speed: keys by code point, the first dictionary of a group wins on
 * equal keys, a string dictionary's value is its first candidate; matchAt and convertRange give
 * what its matchPrefix and convert give (on the stretch as a string of its own). The root's BMP
 * children sit in a typed array, so a character that starts no key costs one read, and a match
 * allocates nothing.
 */
export class FastTrie {
  private readonly root = new Int32Array(0x10000).fill(-1);
  private readonly rootAstral = new Map<number, number>();
  private readonly kids: (Map<number, number> | undefined)[] = [undefined];
  private readonly vals: (string | undefined)[] = [undefined];
  /** a filter on the first two units of keys: 0 at pairHash(first code point, next code unit) says no key starts so */
  private readonly pairs = new Uint8Array(1 << PAIR_BITS);
  /** the value of the last match matchAt found */
  value = '';

  constructor(readonly dicts: readonly Dict[]) {
    for (let g = dicts.length - 1; g >= 0; g--) forEachEntry(dicts[g], (k, v) => { this.add(k, v); });
  }

  private add(key: string, value: string): void {
    const first = key.codePointAt(0);
    if (first !== undefined) {
      const second = first > 0xffff ? 2 : 1;
      if (key.length > second) this.pairs[pairHash(first, key.charCodeAt(second))] = 1;
    }
    let node = 0;
    for (const ch of key) {
      const cp = ch.codePointAt(0)!;
      let next: number | undefined;
      if (node === 0) next = cp < 0x10000 ? (this.root[cp] >= 0 ? this.root[cp] : undefined) : this.rootAstral.get(cp);
      else next = this.kids[node]?.get(cp);
      if (next === undefined) {
        next = this.vals.length;
        this.vals.push(undefined);
        this.kids.push(undefined);
        if (node === 0) {
          if (cp < 0x10000) this.root[cp] = next; else this.rootAstral.set(cp, next);
        } else {
          let m = this.kids[node];
          if (!m) this.kids[node] = m = new Map();
          m.set(cp, next);
        }
      }
      node = next;
    }
    if (node > 0) this.vals[node] = value;
  }

  /** Whether some key starts with BMP code unit c (c not a surrogate). */
  starts(c: number): boolean { return this.root[c] >= 0; }

  /** End of the longest key at s[i] within s[..end) (its value in this.value), or 0. */
  matchAt(s: string, i: number, end: number): number {
    let cp = s.charCodeAt(i);
    let j = i + 1;
    let node: number;
    if (cp < 0xd800 || cp > 0xdfff) node = this.root[cp];
    else {
      if (cp <= 0xdbff && j < end) {
        const lo = s.charCodeAt(j);
        if (lo >= 0xdc00 && lo <= 0xdfff) { cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000; j++; }
      }
      node = cp < 0x10000 ? this.root[cp] : this.rootAstral.get(cp) ?? -1;
    }
    if (node < 0) return 0;
    let best = 0;
    let val = this.vals[node];
    if (val !== undefined) best = j;
    if (j < end && this.pairs[pairHash(cp, s.charCodeAt(j))] === 0) {
      if (best) this.value = val!;
      return best;
    }
    const kids = this.kids, vals = this.vals;
    while (j < end) {
      const m = kids[node];
      if (m === undefined) break;
      let c = s.charCodeAt(j), w = 1;
      if (c >= 0xd800 && c <= 0xdbff && j + 1 < end) {
        const lo = s.charCodeAt(j + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) { c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000; w = 2; }
      }
      const next = m.get(c);
      if (next === undefined) break;
      node = next;
      j += w;
      const v = vals[node];
      if (v !== undefined) { best = j; val = v; }
    }
    if (best) this.value = val!;
    return best;
  }

  /** matchAt over code units. */
  matchUnits(s: Uint16Array, i: number, end: number): number {
    let cp = s[i];
    let j = i + 1;
    let node: number;
    if (cp < 0xd800 || cp > 0xdfff) node = this.root[cp];
    else {
      if (cp <= 0xdbff && j < end) {
        const lo = s[j];
        if (lo >= 0xdc00 && lo <= 0xdfff) { cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000; j++; }
      }
      node = cp < 0x10000 ? this.root[cp] : this.rootAstral.get(cp) ?? -1;
    }
    if (node < 0) return 0;
    let best = 0;
    let val = this.vals[node];
    if (val !== undefined) best = j;
    if (j < end && this.pairs[pairHash(cp, s[j])] === 0) {
      if (best) this.value = val!;
      return best;
    }
    const kids = this.kids, vals = this.vals;
    while (j < end) {
      const m = kids[node];
      if (m === undefined) break;
      let c = s[j], w = 1;
      if (c >= 0xd800 && c <= 0xdbff && j + 1 < end) {
        const lo = s[j + 1];
        if (lo >= 0xdc00 && lo <= 0xdfff) { c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000; w = 2; }
      }
      const next = m.get(c);
      if (next === undefined) break;
      node = next;
      j += w;
      const v = vals[node];
      if (v !== undefined) { best = j; val = v; }
    }
    if (best) this.value = val!;
    return best;
  }

  /** convertRange over code units: s[from, to) converted is appended to out. */
  convertUnits(s: Uint16Array, from: number, to: number, out: Units): void {
    const root = this.root;
    let buf = out.reserve(to - from);
    let p = out.n;
    for (let i = from; i < to;) {
      const c = s[i];
      if ((c < 0xd800 || c > 0xdfff) && root[c] < 0 && !isIds(c)) {
        buf[p++] = c;
        i++;
        continue;
      }
      const e = this.matchUnits(s, i, to);
      if (e) {
        const v = this.value;
        if (v.length === 1) buf[p++] = v.charCodeAt(0);
        else {
          if (v.length > e - i) { out.n = p; buf = out.reserve(v.length + to - e); }
          for (let q = 0; q < v.length; q++) buf[p++] = v.charCodeAt(q);
        }
        i = e;
      } else {
        for (let l = unitsUnmatchedLength(s, i, to); l > 0; l--) buf[p++] = s[i++];
      }
    }
    out.n = p;
  }

  /**
   * Convert s[from, to) as Trie.convert converts that stretch on its own, pushing the pieces to
   * out; returns the number of code units pushed.
   */
  convertRange(s: string, from: number, to: number, out: string[]): number {
    const root = this.root;
    let orig = -1, len = 0;
    for (let i = from; i < to;) {
      const c = s.charCodeAt(i);
      if ((c < 0xd800 || c > 0xdfff) && root[c] < 0 && !isIds(c)) {
        if (orig < 0) orig = i;
        i++;
        continue;
      }
      const e = this.matchAt(s, i, to);
      if (e) {
        if (orig >= 0) { out.push(s.slice(orig, i)); len += i - orig; orig = -1; }
        out.push(this.value);
        len += this.value.length;
        i = e;
      } else {
        if (orig < 0) orig = i;
        i += unmatchedLength(s, i, -1, to);
      }
    }
    if (orig === from) { out.push(from === 0 && to === s.length ? s : s.slice(from, to)); return to - from; }
    if (orig >= 0) { out.push(s.slice(orig, to)); len += to - orig; }
    return len;
  }

  convert(s: string): string {
    const out: string[] = [];
    this.convertRange(s, 0, s.length, out);
    return out.length === 1 ? out[0] : out.join('');
  }
}

export function trie(dicts: readonly Dict[]): FastTrie {
  return new FastTrie(dicts);
}
