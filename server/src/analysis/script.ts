// Script (simplified / traditional) detection and conversion, on top of opencc-js.
// Pure module: no LSP / VS Code imports. Offsets are UTF-16 code units.
//
// Variants and the OpenCC configurations behind them (VARIANT_CONFIG):
//   'traditional' = s2t    as opencc-js Converter({ from: 'cn', to: 't' })    OpenCC standard traditional
//   'taiwan'      = s2twp  as Converter({ from: 'cn', to: 'twp' })            Taiwan forms and phrases
//   'hongkong'    = s2hk   as Converter({ from: 'cn', to: 'hk' })             Hong Kong forms
//   'simplified'  = hk2t ∪ tw2t variant folding, then t2s (buildSimplified): Taiwan and Hong Kong
//                   forms fold to OpenCC standard traditional first, so text from any traditional
//                   source ends up in mainland simplified.
// The configurations and dictionaries are opencc-js's; they run here the way its Converter runs
// them (normalisation, segmentation, conversion stages) on FastTrie, a faster copy of its Trie,
// and can locate the replacements that change length (convertText needs them for 'taiwan').
// test/conformance/opencc.test.mjs runs OpenCC's own test cases against these.
import * as OpenCC from 'opencc-js';
import { builtinPhrases, type ConvertPhrases, type Variant } from './convertPhrases';
import type { ScriptInfo, Span } from './types';

export type { Variant };
export const VARIANTS: readonly Variant[] = ['simplified', 'traditional', 'taiwan', 'hongkong'];

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Characters that never occur in OpenCC dictionary entries: conversion keeps them, in order. */
const SEPARATOR = /([\s，。、；：！？“”‘’（）《》〈〉【】「」『』…—,.;:!?()"'[\]{}<>])/u;
const FOLD_SPLITS: readonly RegExp[] = [/(\r\n|\n|\r)/, /([\u{10000}-\u{10ffff}\uf900-\ufaff])/u, SEPARATOR];

type Conv = (s: string) => string;
type Pair = readonly [string, string];
type Dict = string | readonly Pair[];
interface Config {
  segmentation?: Dict | readonly Dict[];
  conversionChain: readonly (readonly Dict[])[];
  normalizationChain?: readonly (readonly Dict[])[];
}

function config(name: string): Config {
  const c = (OpenCC.Locale.configs as unknown as Record<string, Config | undefined>)[name];
  if (!c) throw new Error(`opencc-js has no ${name} configuration`);
  return c;
}

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
function forEachEntry(d: Dict, f: (k: string, v: string) => boolean | void, whole = false): void {
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

const isIds = (c: number) => c >= 0x2ff0 && c <= 0x2fff;

/** A growing buffer of UTF-16 code units: buf[0, n). */
class Units {
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
function unitsOf(s: string): Uint16Array {
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
const stringOf = (u: Uint16Array, n: number) => Buffer.from(u.buffer, u.byteOffset, n * 2).toString('utf16le');

/** unmatchedLength over code units (never crossing `to`). */
function unitsUnmatchedLength(s: Uint16Array, i: number, to: number): number {
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

const PAIR_BITS = 20;
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);

/**
 * opencc-js's Trie, stored for speed: keys by code point, the first dictionary of a group wins on
 * equal keys, a string dictionary's value is its first candidate; matchAt and convertRange give
 * what its matchPrefix and convert give (on the stretch as a string of its own). The root's BMP
 * children sit in a typed array, so a character that starts no key costs one read, and a match
 * allocates nothing.
 */
class FastTrie {
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

function trie(dicts: readonly Dict[]): FastTrie {
  return new FastTrie(dicts);
}

/** The OpenCC dictionaries bundled with opencc-js that this module uses, by name. */
export function openccDicts() {
  const s2t = config('s2t').conversionChain[0];
  const t2s = config('t2s');
  const [tw2tPh, tw2tCh] = config('tw2t').conversionChain[0];
  const [hk2tPh, hk2tCh] = config('hk2t').conversionChain[0];
  return {
    STPhrases: s2t[0], STPhrasesGenerated: s2t[1], STCharacters: s2t[2],
    TSPhrases: t2s.conversionChain[0][0], TSCharacters: t2s.conversionChain[0][1],
    TWVariantsRevPhrases: tw2tPh, TWVariantsRev: tw2tCh,
    HKVariantsRevPhrases: hk2tPh, HKVariantsRev: hk2tCh,
    CJKCompatibility: (t2s.normalizationChain ?? [[]])[0][0] ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Converters

/**
 * Words in which 著 reads zhù, missing from OpenCC's TWVariantsRevPhrases exception list
 * (tw2t folds every other 著 to 着, the Taiwan spelling of the particle zhe). Only words whose
 * neighbours cannot start a 著-zhe reading are listed (討論著 / 隨著有 rule out 論著 / 著有).
 */
const ZHU_WORDS = ['原著', '土著', '卓著', '專著', '专著', '編著', '编著', '遺著', '遗著', '譯著', '译著', '拙著', '撰著'];

/**
 * A conversion pipeline the way opencc-js's ConverterBuilder runs an OpenCC configuration:
 * normalisation tries over the whole string, then segmentation (greedy longest match on the
 * segmentation dictionary; unmatched characters form runs), then each conversion stage over
 * each segment. Rebuilt here from the same dictionaries (in FastTrie, opencc-js's Trie made fast) for the variants
 * opencc-js has no preset for ('simplified') and for the one whose phrases change the number of
 * characters ('taiwan': 演算法 for 算法), whose replacements convertText must locate.
 */
interface Stage {
  trie: FastTrie;
  /** every entry maps n code points to n code points (so code points correspond one to one) */
  cpAligned: boolean;
}
interface Pipeline {
  norm: FastTrie[];
  normOneToOne: boolean;
  seg: FastTrie | null;
  stages: Stage[];
}

const cpCount = (s: string) => { let n = 0; for (let i = 0; i < s.length; i++) if (!isLow(s.charCodeAt(i)) || !isHigh(s.charCodeAt(i - 1))) n++; return n; };
const dictCpAligned = (d: Dict) => {
  let aligned = true;
  forEachEntry(d, (k, v) => (aligned = k.length === v.length || cpCount(k) === cpCount(v)), true);
  return aligned;
};
const stage = (dicts: readonly Dict[]): Stage => ({ trie: trie(dicts), cpAligned: dicts.every(dictCpAligned) });

function pipelineFromConfig(name: string): Pipeline {
  const c = config(name);
  let seg: FastTrie | null = null;
  if (c.segmentation) {
    const sd = c.segmentation;
    // as opencc-js: a list of serialised dictionaries is a group, anything else one dictionary
    seg = Array.isArray(sd) && sd.every((x) => typeof x === 'string') ? trie(sd as readonly Dict[]) : trie([sd as Dict]);
  }
  const norm = c.normalizationChain ?? [];
  return { norm: norm.map((g) => trie(g)), normOneToOne: norm.every((g) => g.every(dictCpAligned)), seg, stages: c.conversionChain.map(stage) };
}

function buildSimplified(): Pipeline {
  const d = openccDicts();
  const t2sCfg = config('t2s');
  // t2s's conversion stage; on the phrases below it gives what the whole t2s configuration gives
  const t2s = stage([d.TSPhrases, d.TSCharacters]);
  // Folding Taiwan / Hong Kong variants also runs over simplified text (the analyser folds every
  // document). tw2t turns 著→着 and 么→幺 except in listed phrases, and those phrases are keyed by
  // their traditional spelling: add their simplified spelling (显著, 著称 …) as identity entries
  // so that already-simplified text keeps its 著 / 么 there too.
  const keys = new Set<string>();
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) forEachEntry(dict, (k) => { keys.add(k); });
  const shadows: Pair[] = [];
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) {
    forEachEntry(dict, (k) => {
      const s = t2s.trie.convert(k);
      if (s !== k && !keys.has(s)) { keys.add(s); shadows.push([s, s]); }
    });
  }
  for (const w of ZHU_WORDS) if (!keys.has(w)) { keys.add(w); shadows.push([w, w]); }
  const norm = t2sCfg.normalizationChain ?? [];
  return {
    norm: norm.map((g) => trie(g)),
    normOneToOne: norm.every((g) => g.every(dictCpAligned)),
    seg: trie([d.TSPhrases]), // as OpenCC tw2s / hk2s
    stages: [
      stage([d.HKVariantsRevPhrases, d.TWVariantsRevPhrases, shadows, d.HKVariantsRev, d.TWVariantsRev]),
      t2s,
    ],
  };
}

let simplified: Pipeline | undefined;
const simplifiedPipeline = () => (simplified ??= buildSimplified());

/** OpenCC configuration behind each variant. */
export const VARIANT_CONFIG: Readonly<Record<Variant, string>> = {
  simplified: 'hk2t+tw2t+t2s', traditional: 's2t', taiwan: 's2twp', hongkong: 's2hk',
};

// opencc-js skips an Ideographic Description Sequence (⿰氵每 …) as one unmatched unit
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
const cpLen = (s: string, i: number, end = s.length) => (isHigh(s.charCodeAt(i)) && i + 1 < end && isLow(s.charCodeAt(i + 1)) ? 2 : 1);
function idsEnd(s: string, i: number, stop: number, to: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= to || s.charCodeAt(end) === stop) return 0;
    const child = idsEnd(s, end, stop, to);
    end = child || end + cpLen(s, end, to);
  }
  return end;
}
/** Length of the unmatched unit at i, as opencc-js's Trie counts it (never crossing `stop` or `to`). */
function unmatchedLength(s: string, i: number, stop: number, to = s.length): number {
  const c = s.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = idsEnd(s, i, stop, to);
    if (e > i) return e - i;
  }
  return cpLen(s, i, to);
}

/** Trie.convert, logging (start, end, delta) of each replacement that changes length. */
function stageConvert(t: FastTrie, s: string, log: number[]): string {
  const n = s.length;
  const out: string[] = [];
  let orig = -1;
  for (let i = 0; i < n;) {
    const e = t.matchAt(s, i, n);
    if (e) {
      if (orig >= 0) { out.push(s.slice(orig, i)); orig = -1; }
      const v = t.value;
      out.push(v);
      if (v.length !== e - i) log.push(i, e, v.length - (e - i));
      i = e;
    } else {
      if (orig < 0) orig = i;
      i += unmatchedLength(s, i, -1);
    }
  }
  if (orig === 0) return s;
  if (orig > 0) out.push(s.slice(orig));
  return out.join('');
}

/** Input [start, end) of a conversion became `delta` code units longer (a length-changing unit). */
interface Dirty { start: number; end: number; delta: number }

/**
 * Run a pipeline over s, on code units (each stage writes the next one's input): what converter()
 * runs for the pipelines.
 */
function runPipelineUnits(p: Pipeline, s: string): string {
  let src = unitsOf(s);
  let n = s.length;
  let out = new Units(n + 16), spare = new Units(n + 16);
  const swap = () => { const t = spare; spare = out; out = t; src = spare.buf; n = spare.n; out.n = 0; };
  for (const t of p.norm) {
    t.convertUnits(src, 0, n, out);
    swap();
  }
  // segment first, then run each stage over all segments (as opencc-js does: one trie at a time)
  const segA: number[] = [], segB: number[] = [];
  if (!p.seg) {
    if (n > 0) { segA.push(0); segB.push(n); }
  } else {
    const seg = p.seg;
    let runStart = -1;
    for (let i = 0; i < n;) {
      const c = src[i];
      if ((c < 0xd800 || c > 0xdfff) && !seg.starts(c) && !isIds(c)) {
        if (runStart < 0) runStart = i;
        i++;
        continue;
      }
      const e = seg.matchUnits(src, i, n);
      if (e) {
        if (runStart >= 0) { segA.push(runStart); segB.push(i); runStart = -1; }
        segA.push(i);
        segB.push(e);
        i = e;
      } else {
        if (runStart < 0) runStart = i;
        i += unitsUnmatchedLength(src, i, n);
      }
    }
    if (runStart >= 0) { segA.push(runStart); segB.push(n); }
  }
  const k = segA.length;
  for (const st of p.stages) {
    for (let j = 0; j < k; j++) {
      const x = segA[j], y = segB[j];
      segA[j] = out.n;
      st.trie.convertUnits(src, x, y, out);
      segB[j] = out.n;
    }
    swap();
  }
  return stringOf(src, n);
}

/**
 * Run a pipeline over s, as runPipelineUnits, tracking lengths. `sentinel` (a code unit, or -1)
 * never joins a segment: it stays as it is and bounds the segments around it. Replacements that
 * changed length are listed in `dirty`, in order, in offsets of s: the replaced unit when it is
 * known, else the whole segment. Returns null when normalisation changed the string's shape.
 */
function runPipeline(p: Pipeline, s: string, sentinel: number, dirty: Dirty[]): string | null {
  for (const t of p.norm) {
    const n = t.convert(s);
    if (!sameShape(s, n)) return null;
    s = n;
  }
  // segment first, then run each stage over all segments (as opencc-js does: one trie at a time)
  const segA: number[] = [], segB: number[] = [];
  const starts: number[] = []; // offset of each segment in s; -1 for a sentinel
  const n = s.length;
  const push = (a: number, b: number) => { segA.push(a); segB.push(b); starts.push(a); };
  const pushSentinel = (i: number) => { segA.push(i); segB.push(i + 1); starts.push(-1); };
  if (!p.seg) {
    // no segmentation: the stretches between sentinels are the segments
    let a = 0;
    for (let i = sentinel >= 0 ? s.indexOf(String.fromCharCode(sentinel)) : -1; i >= 0; i = s.indexOf(String.fromCharCode(sentinel), i + 1)) {
      if (i > a) push(a, i);
      pushSentinel(i);
      a = i + 1;
    }
    if (n > a) push(a, n);
  } else {
    const seg = p.seg;
    let runStart = -1;
    for (let i = 0; i < n;) {
      const c = s.charCodeAt(i);
      if (c === sentinel) {
        if (runStart >= 0) { push(runStart, i); runStart = -1; }
        pushSentinel(i);
        i++;
        continue;
      }
      // a character that starts no segmentation phrase joins the unmatched run
      if ((c < 0xd800 || c > 0xdfff) && !seg.starts(c) && !isIds(c)) {
        if (runStart < 0) runStart = i;
        i++;
        continue;
      }
      const e = seg.matchAt(s, i, n);
      if (e) {
        if (runStart >= 0) { push(runStart, i); runStart = -1; }
        push(i, e);
        i = e;
      } else {
        if (runStart < 0) runStart = i;
        i += unmatchedLength(s, i, sentinel);
      }
    }
    if (runStart >= 0) push(runStart, n);
  }
  const k = starts.length;
  const sc = sentinel >= 0 ? String.fromCharCode(sentinel) : '';
  const segs: string[] = new Array(k);
  for (let j = 0; j < k; j++) segs[j] = starts[j] < 0 ? sc : s.slice(segA[j], segB[j]);
  // Offsets into a segment are offsets into s (from its start) until a stage changes its shape.
  // A one-to-one stage keeps the shape unless astral characters come or go; on BMP-only input
  // an unchanged length says so. After a unit-changing stage nothing more is located.
  const astral = SURROGATE.test(s);
  const whole = new Uint8Array(k);
  const units: (number[] | undefined)[] = new Array(k);
  const lens = segs.map((x) => x.length);
  const log: number[] = [];
  for (const st of p.stages) {
    for (let j = 0; j < k; j++) {
      if (starts[j] < 0) continue;
      const x = segs[j];
      if (st.cpAligned || whole[j] || units[j]) {
        const y = st.trie.convert(x);
        if (!st.cpAligned || (astral ? !sameShape(x, y) : y.length !== x.length)) whole[j] = 1;
        segs[j] = y;
      } else {
        log.length = 0;
        segs[j] = stageConvert(st.trie, x, log);
        if (log.length) units[j] = log.slice();
      }
    }
  }
  for (let j = 0; j < k; j++) {
    const a = starts[j];
    if (a < 0) continue;
    if (whole[j]) dirty.push({ start: a, end: a + lens[j], delta: segs[j].length - lens[j] });
    else {
      const u = units[j];
      if (u) for (let q = 0; q < u.length; q += 3) dirty.push({ start: a + u[q], end: a + u[q + 1], delta: u[q + 2] });
    }
  }
  return segs.join('');
}

/** Where one-to-one (code point for code point) conversion changed lengths: astral characters. */
function cpDirty(a: string, b: string, dirty: Dirty[]): void {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const la = cpLen(a, i), lb = cpLen(b, j);
    if (la !== lb) dirty.push({ start: i, end: i + la, delta: lb - la });
    i += la;
    j += lb;
  }
}

interface Engine {
  /** the whole-string converter */
  convert: Conv;
  /** every step maps code points one to one */
  oneToOne: boolean;
  /**
   * Convert s (the `sentinel` code unit is kept and never inside a replaced unit), listing in
   * `dirty` the input ranges whose conversion changed length; null when it cannot tell.
   */
  tracked(s: string, sentinel: number, dirty: Dirty[]): string | null;
  /**
   * The dictionaries of the tries that tracked() runs, a group each: the normalisation's, then the
   * others'; `single`: the others are one trie over the whole string. For what convertText may
   * leave in place (inPlaceTables).
   */
  tries(): { norm: readonly (readonly Dict[])[]; groups: readonly (readonly Dict[])[]; single: boolean };
}

/** A pipeline whose every step maps code points one to one: find length changes afterwards. */
function oneToOneEngine(convert: Conv, tries: Engine['tries']): Engine {
  return {
    convert,
    tries,
    oneToOne: true,
    tracked(s, _sentinel, dirty) {
      const out = convert(s);
      // code point for code point: on BMP-only input an unchanged length means an unchanged shape
      if (out.length !== s.length || (SURROGATE.test(s) && !sameShape(s, out))) cpDirty(s, out, dirty);
      return out;
    },
  };
}

/** The tries a pipeline runs (normalisation, segmentation, the stages), for inPlaceTables. */
const pipelineTries = (p: Pipeline) => () => ({
  norm: p.norm.map((t) => t.dicts),
  groups: [...(p.seg ? [p.seg.dicts] : []), ...p.stages.map((st) => st.trie.dicts)],
  single: !p.seg && p.stages.length === 1,
});

/**
 * The pipeline with a phrase layer (convertPhrases.ts) in front of OpenCC's dictionaries: its
 * keys join the segmentation dictionaries (so a segment never cuts one), its pairs go first in
 * the first conversion stage (winning on equal keys, and longest match still deciding between
 * keys). The layer's forms are final words: a later stage (Taiwan's or Hong Kong's) gives them
 * only its character forms, so its phrases can neither rewrite them (社區 → 社群) nor match
 * across their ends (領導出席 → 領匯出席). A form given for this very variant also replaces the
 * key's OpenCC form where a longer OpenCC phrase took the key in the first stage
 * (新闻发布会 → 新聞發佈會 → 新聞發布會 in Taiwan).
 */
function withPhrases(p: Pipeline, { first, keep }: { first: Pair[]; keep: Pair[] }): Pipeline {
  if (first.length === 0) return p;
  const opencc = p.stages[0].trie;
  const later = (st: Stage): Stage => {
    // the stage's character dictionaries alone: the glyph forms it gives a final word
    const glyphs = trie(st.trie.dicts.filter((d) => { let chars = true; forEachEntry(d, (k) => (chars = cpCount(k) === 1)); return chars; }));
    const final = new Map<string, string>();
    for (const [, form] of first) final.set(form, glyphs.convert(form));
    for (const [key, form] of keep) final.set(opencc.convert(key), glyphs.convert(form));
    return stage([[...final], ...st.trie.dicts]);
  };
  return {
    ...p,
    seg: p.seg && trie([first, ...p.seg.dicts]),
    stages: p.stages.map((st, i) => (i === 0 ? stage([first, ...st.trie.dicts]) : later(st))),
  };
}

function buildEngine(variant: Variant, phrases: ConvertPhrases | null): Engine {
  if (!VARIANTS.includes(variant)) throw new Error(`unknown variant ${String(variant)}`);
  // opencc-js's Converter({ from: 'cn', to }) runs the configuration s2<to> when it has one, as
  // opencc-js 1.4 has for t, twp and hk: the same pipeline, here on FastTrie
  const bare = variant === 'simplified' ? simplifiedPipeline() : pipelineFromConfig(VARIANT_CONFIG[variant]);
  const p = phrases ? withPhrases(bare, phrases.forVariant(variant)) : bare;
  const convert = (s: string) => runPipelineUnits(p, s);
  if (p.stages.every((st) => st.cpAligned) && p.normOneToOne) return oneToOneEngine(convert, pipelineTries(p));
  return { convert, oneToOne: false, tracked: (s, sentinel, dirty) => runPipeline(p, s, sentinel, dirty), tries: pipelineTries(p) };
}

/** Engines by phrase layer (BARE: OpenCC alone), then by variant: built once, kept while the layer lives. */
const BARE = {};
const engines = new WeakMap<object, Map<Variant, Engine>>();
function engine(variant: Variant, phrases: ConvertPhrases | null = null): Engine {
  const key = phrases ?? BARE;
  let byVariant = engines.get(key);
  if (!byVariant) engines.set(key, (byVariant = new Map()));
  let e = byVariant.get(variant);
  if (!e) byVariant.set(variant, (e = buildEngine(variant, phrases)));
  return e;
}

/**
 * The converter for a variant: built once, cached. Converts the whole string, phrases included,
 * as opencc-js's Converter does ('traditional', 'taiwan', 'hongkong'; 'simplified' has no preset
 * there): the variant's pipeline through runPipelineUnits. With `phrases` (builtinPhrases, or
 * with the user's), the phrase layer goes in front of OpenCC's dictionaries; without, it is
 * OpenCC's conversion alone.
 */
export function converter(variant: Variant, phrases: ConvertPhrases | null = null): Conv {
  return engine(variant, phrases).convert;
}

/** Traditional (any of OpenCC standard / Taiwan / Hong Kong forms) to simplified. */
export function toSimplified(text: string): string {
  return converter('simplified')(text);
}

// ---------------------------------------------------------------------------------------------
// Folding with index-for-index correspondence

const SURROGATE = /[\ud800-\udfff]/;

/** Same length and surrogate pairs at the same places (so no astral/BMP swap shifted anything). */
function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b || (!SURROGATE.test(a) && !SURROGATE.test(b))) return true;
  for (let i = 0; i < a.length; i++) if (isHigh(a.charCodeAt(i)) !== isHigh(b.charCodeAt(i))) return false;
  return true;
}

/**
 * Convert `s` so that the result has the same shape, in finer pieces where a piece changes length:
 * lines, then runs split at astral / CJK compatibility ideographs (which map across planes), then
 * sentences, then halves, down to single characters; a character whose conversion changes length
 * stays as it is. Phrase context is only lost at the splits made inside a failing piece.
 */
function foldPiece(s: string, conv: Conv, level: number, converted?: string): string {
  const out = converted ?? conv(s);
  if (sameShape(s, out)) return out;
  for (let l = level; l < FOLD_SPLITS.length; l++) {
    const parts = s.split(FOLD_SPLITS[l]);
    if (parts.length > 1) return parts.map((p) => foldPiece(p, conv, l + 1)).join('');
  }
  const cps = Array.from(s);
  if (cps.length === 1) return s;
  const mid = cps.length >> 1;
  return foldPiece(cps.slice(0, mid).join(''), conv, FOLD_SPLITS.length) + foldPiece(cps.slice(mid).join(''), conv, FOLD_SPLITS.length);
}

/** The whole-text fold: convert in one go, then fold alone the characters that changed length. */
function foldWhole(e: Engine, text: string): { text: string; sameLength: boolean } {
  const whole = e.convert(text);
  if (sameShape(text, whole)) return { text: whole, sameLength: true };
  if (!e.oneToOne) return { text: foldPiece(text, e.convert, 0, whole), sameLength: false };
  const dirty: Dirty[] = [];
  cpDirty(text, whole, dirty);
  const out: string[] = [];
  let i = 0, j = 0;
  for (const d of dirty) {
    out.push(whole.slice(j, j + d.start - i));
    j += d.start - i + (d.end - d.start) + d.delta;
    const orig = text.slice(d.start, d.end), alone = e.convert(orig);
    out.push(alone.length === orig.length ? alone : orig);
    i = d.end;
  }
  out.push(whole.slice(j));
  return { text: out.join(''), sameLength: false };
}

/**
 * What foldToSimplified needs to know of a code unit (FOLD_TABLE):
 * - TRIGGER: text without any trigger comes out of the simplified pipeline unchanged;
 * - BOUNDARY: in no key of any of the pipeline's dictionaries, so always a unit of its own that no
 *   match spans: the text converts the same in pieces cut at boundaries;
 * - WHOLE: an ideographic description character, which opencc-js skips with the characters it
 *   describes (boundaries included): the text converts in one go.
 */
const PLAIN = 0, TRIGGER = 1, BOUNDARY = 2, WHOLE = 3;
/** stretches to fold at most this far apart are converted as one */
const FOLD_MERGE_GAP = 32;
let foldTable: Uint8Array | undefined;

/** Entries as a FastTrie holds them (a group: the first dictionary wins; within one, the last entry). */
function effectiveEntries(dicts: readonly Dict[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let g = dicts.length - 1; g >= 0; g--) forEachEntry(dicts[g], (k, v) => { m.set(k, v); });
  return m;
}

/**
 * Triggers are found from the dictionaries themselves. Every key that changes what it matches must
 * contain a trigger, so that a text without triggers matches only keys that keep it as it is: the
 * single characters such keys map (會, 發 …) and, for each phrase none of whose characters is
 * one, a character of the phrase. Except for the round trips of a two-stage pipeline: the
 * Taiwan / Hong Kong folding turns a few simplified characters into their OpenCC standard form
 * (群→羣, 峰→峯) which t2s turns back; they are no trigger as long as every key of the second stage
 * that holds such a form gives back the text it matched (else the character becomes a trigger).
 */
function buildFoldTable(p: Pipeline): Uint8Array {
  const tab = new Uint8Array(0x10000);
  const unit = (cp: number) => (cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10));
  const isTrigger = (cp: number) => tab[unit(cp)] === TRIGGER;
  const mark = (cp: number) => { tab[unit(cp)] = TRIGGER; };
  const cps = (str: string) => Array.from(str, (ch) => ch.codePointAt(0)!);
  const norm = p.norm.map((t) => effectiveEntries(t.dicts));
  const stages = p.stages.map((st) => effectiveEntries(st.trie.dicts));
  // round-trip characters c → v of the first stage (v → c in the second), BMP only
  const round = new Map<number, number>(); // c → v
  if (stages.length === 2) {
    for (const [k, v] of stages[0]) {
      if (k === v || k.length !== 1 || v.length !== 1 || isSurrogate(k.charCodeAt(0)) || isSurrogate(v.charCodeAt(0))) continue;
      const back = stages[1].get(k);
      if (stages[1].get(v) === k && (back === undefined || back === k) && !norm.some((m) => m.has(k))) round.set(k.charCodeAt(0), v.charCodeAt(0));
    }
  }
  // every changing single character, but for the round trips
  for (const [i, m] of [...norm, ...stages].entries()) {
    for (const [k, v] of m) {
      if (k === v) continue;
      const c = cps(k);
      if (c.length === 1 && !(i === norm.length && round.has(c[0]))) mark(c[0]);
    }
  }
  const isRound = (cp: number) => round.has(cp) && !isTrigger(cp);
  /** mark a character of every key (as code points) that has none, the most shared first */
  const cover = (keys: number[][]) => {
    const need = keys.filter((k) => !k.some(isTrigger));
    const count = new Map<number, number>();
    for (const k of need) for (const cp of new Set(k)) count.set(cp, (count.get(cp) ?? 0) + 1);
    for (const k of need) {
      if (k.some(isTrigger)) continue;
      let best = -1, score = -1;
      for (const cp of k) {
        const sc = (isRound(cp) ? 0 : 1_000_000) + (count.get(cp) ?? 0);
        if (sc > score) { best = cp; score = sc; }
      }
      mark(best);
    }
  };
  // phrases of the normalisation and the first stage meet the text itself
  const changingPhrases = (m: Map<string, string>) => [...m].filter(([k, v]) => k !== v).map(([k]) => cps(k)).filter((k) => k.length > 1);
  cover([...norm.flatMap(changingPhrases), ...(stages.length ? changingPhrases(stages[0]) : [])]);
  if (stages.length === 2) {
    // a key of the second stage meets the text with round-trip forms in it: it matched k0 there
    const toC = new Map<number, number>();
    for (const [c, v] of round) if (isRound(c)) toC.set(v, c);
    const keys: number[][] = [];
    for (const [k, v] of stages[1]) {
      const kc = cps(k);
      const k0 = kc.map((cp) => toC.get(cp) ?? cp);
      const same = k0.every((cp, i) => cp === kc[i]);
      if (same ? k !== v && kc.length > 1 : String.fromCodePoint(...k0) !== v) keys.push(k0);
    }
    cover(keys);
  } else {
    for (const m of stages.slice(1)) cover(changingPhrases(m));
  }
  for (let c = 0x2ff0; c <= 0x2fff; c++) tab[c] = WHOLE;
  // boundaries: in no key at all
  const inKey = new Uint8Array(0x10000);
  const dicts = new Set<Dict>();
  for (const t of [...p.norm, ...(p.seg ? [p.seg] : []), ...p.stages.map((st) => st.trie)]) for (const d of t.dicts) dicts.add(d);
  for (const d of dicts) forEachEntry(d, (k) => { for (let i = 0; i < k.length; i++) inKey[k.charCodeAt(i)] = 1; });
  for (let c = 0; c < 0x10000; c++) if (tab[c] === PLAIN && !inKey[c] && !isSurrogate(c)) tab[c] = BOUNDARY;
  return tab;
}

/**
 * Fold to simplified keeping index-for-index correspondence: result.text[i] corresponds to text[i]
 * (same UTF-16 length, surrogate pairs at the same offsets). `sameLength` tells whether converting
 * the whole text in one go already kept that shape. When it did not, the few characters whose
 * folding changes length (二噁英→二𫫇英, compatibility ideographs that fold to astral ones) fold
 * on their own, or stay as they are if that changes length too; everything else keeps the
 * whole-text result. (The simplified pipeline maps code points one to one, so those characters
 * are found exactly; were it not, foldPiece converts in finer pieces.)
 *
 * Only the stretches around triggers are converted (between boundaries, see buildFoldTable), all
 * in one string; a text without a trigger, as most simplified text, comes back as it is.
 */
export function foldToSimplified(text: string): { text: string; sameLength: boolean } {
  const e = engine('simplified');
  const tab = (foldTable ??= buildFoldTable(simplifiedPipeline()));
  const n = text.length;
  const starts: number[] = [], ends: number[] = [];
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    let k = tab[text.charCodeAt(i)];
    if ((k & 1) === 0) continue; // PLAIN or BOUNDARY
    if (k === WHOLE) return foldWhole(e, text);
    // a trigger: its stretch runs from the boundary before it to the one after it
    let a = i;
    while (a > prevEnd && tab[text.charCodeAt(a - 1)] !== BOUNDARY) a--;
    let j = i + 1;
    for (; j < n; j++) {
      k = tab[text.charCodeAt(j)];
      if (k === BOUNDARY) break;
      if (k === WHOLE) return foldWhole(e, text);
    }
    // stretches close together convert as one (fewer pieces; the same result)
    if (starts.length && a - ends[ends.length - 1] <= FOLD_MERGE_GAP) ends[ends.length - 1] = j;
    else { starts.push(a); ends.push(j); }
    prevEnd = j;
    i = j;
  }
  if (starts.length === 0) return { text, sameLength: true };
  // the stretches joined by a boundary convert as they would in place
  const joiner = tab[10] === BOUNDARY ? '\n' : '';
  if (!joiner) return foldWhole(e, text);
  const parts: string[] = new Array(starts.length);
  for (let k = 0; k < starts.length; k++) parts[k] = text.slice(starts[k], ends[k]);
  const folded = foldWhole(e, parts.join(joiner));
  const out: string[] = [];
  let pos = 0, at = 0;
  for (let k = 0; k < starts.length; k++) {
    out.push(text.slice(pos, starts[k]), folded.text.slice(at, at + ends[k] - starts[k]));
    at += ends[k] - starts[k] + 1;
    pos = ends[k];
  }
  out.push(text.slice(pos));
  return { text: out.join(''), sameLength: folded.sameLength };
}

// ---------------------------------------------------------------------------------------------
// Script detection

/**
 * Per BMP code unit: bit 1 simplified-specific, bit 2 traditional-specific (never both), bit 4 Han;
 * 8 for a high surrogate. Astral characters are in the Sets.
 */
const SIMP = 1, TRAD = 2, HAN = 4, HIGH = 8;
let charClass: Uint8Array | undefined;
/** charClass as counts to add: Han + simplified·2^13 + traditional·2^26 + high surrogate·2^39 */
let packedClass: Float64Array | undefined;
let astralSimp: Set<number> | undefined;
let astralTrad: Set<number> | undefined;

function buildCharClasses(): void {
  const d = openccDicts();
  const cls = new Uint8Array(0x10000);
  for (let c = 0x2e80; c < 0x10000; c++) if (isHanCp(c)) cls[c] = HAN;
  const aS = new Set<number>(), aT = new Set<number>();
  /** code points that occur in some value (any candidate) of the dictionaries */
  const valid = (dicts: readonly Dict[]) => {
    const bmp = new Uint8Array(0x10000);
    const astral = new Set<number>();
    for (const dict of dicts) {
      forEachEntry(dict, (_, v) => {
        for (let i = 0; i < v.length; i++) {
          const cp = v.codePointAt(i)!;
          if (cp > 0xffff) { astral.add(cp); i++; } else bmp[cp] = 1;
        }
      }, true);
    }
    return (cp: number) => (cp > 0xffff ? astral.has(cp) : bmp[cp] === 1);
  };
  const tradValid = valid([d.STCharacters, d.STPhrases, d.STPhrasesGenerated]);
  const simpValid = valid([d.TSCharacters, d.TSPhrases]);
  const mark = (dict: Dict, isValid: (cp: number) => boolean, bit: number, astral: Set<number>) => {
    forEachEntry(dict, (k, v) => {
      if (k === v) return;
      const cp = k.codePointAt(0)!;
      if (k.length !== (cp > 0xffff ? 2 : 1) || isValid(cp)) return;
      if (cp > 0xffff) astral.add(cp); else cls[cp] |= bit;
    }, true);
  };
  mark(d.STCharacters, tradValid, SIMP, aS);
  mark(d.TSCharacters, simpValid, TRAD, aT);
  // Taiwan / Hong Kong specific forms (裡, 衞 …) are traditional too
  for (const dict of [d.TWVariantsRev, d.HKVariantsRev]) mark(dict, simpValid, TRAD, aT);
  for (let c = 0; c < 0x10000; c++) {
    if (!(cls[c] & HAN)) cls[c] = 0; // only Han characters count
    else if (cls[c] & SIMP) cls[c] &= ~TRAD; // simplified-specific wins
  }
  for (let c = 0xd800; c <= 0xdbff; c++) cls[c] = HIGH;
  const packed = new Float64Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const k = cls[c];
    packed[c] = (k & HAN ? 1 : 0) + (k & SIMP ? 2 ** 13 : 0) + (k & TRAD ? 2 ** 26 : 0) + (k & HIGH ? 2 ** 39 : 0);
  }
  charClass = cls; packedClass = packed; astralSimp = aS; astralTrad = aT;
}

/** detectScript thresholds (documented in detectScript). */
export const SCRIPT_THRESHOLDS = {
  /** a script wins with at least this share of the script-specific characters … */
  dominantShare: 0.6,
  /** … and at least this many of them */
  minSpecific: 3,
  /** mixed: each script has at least this share of the script-specific characters … */
  mixedShare: 0.15,
  /** … and at least this many characters */
  mixedMin: 5,
} as const;

/**
 * Which script a text is written in. Counts Han characters and, among them:
 * - simplified-specific ones: changed by OpenCC s2t (STCharacters) and never written in
 *   traditional text (they occur in no value of STCharacters / STPhrases), e.g. 们 国 发 — but
 *   not 后 里 台 范 干, which traditional text also uses;
 * - traditional-specific ones: changed by t2s (TSCharacters, plus Taiwan / Hong Kong variant
 *   forms) and never written in simplified text (in no value of TSCharacters / TSPhrases).
 * With S and T those counts and N = S + T:
 * - 'none'        no Han character at all;
 * - 'mixed'       S ≥ 5 and T ≥ 5 and each is ≥ 15 % of N (checked first);
 * - 'traditional' T ≥ 60 % of N and T ≥ 3;
 * - 'simplified'  S ≥ 60 % of N and S ≥ 3;
 * - otherwise (little evidence, N small) 'traditional' if T > 0 and S = 0, else 'simplified'
 *   (text with no script-specific character is valid simplified text).
 * traditionalShare / simplifiedShare are T / hanCount and S / hanCount.
 * With start / end, only text[start, end) is read (as detectScript(text.slice(start, end)), without the copy).
 */
export function detectScript(text: string, start = 0, end = text.length): ScriptInfo {
  if (!charClass) buildCharClasses();
  const cls = charClass!;
  let han = 0, simp = 0, trad = 0;
  const from = Math.max(0, start), to = Math.min(end, text.length);
  // one pass without branches (a script-specific character is rare enough to mispredict on): one
  // addition per unit, of the four counts packed in a double, unpacked every 4096 units …
  const packed = packedClass!;
  let highs = 0;
  for (let a = from; a < to; a += 4096) {
    const b = Math.min(to, a + 4096);
    let acc = 0;
    for (let i = a; i < b; i++) acc += packed[text.charCodeAt(i)];
    const h = Math.floor(acc / 2 ** 39);
    acc -= h * 2 ** 39;
    const t = Math.floor(acc / 2 ** 26);
    acc -= t * 2 ** 26;
    const sc = Math.floor(acc / 2 ** 13);
    highs += h;
    trad += t;
    simp += sc;
    han += acc - sc * 2 ** 13;
  }
  // … and one for astral characters, if there is a high surrogate
  if (highs > 0) {
    for (let i = from; i + 1 < to; i++) {
      if (cls[text.charCodeAt(i)] !== HIGH) continue;
      const lo = text.charCodeAt(i + 1);
      if (lo < 0xdc00 || lo > 0xdfff) continue;
      const cp = ((text.charCodeAt(i) - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
      i++;
      if (!isHanCp(cp)) continue;
      han++;
      if (astralSimp!.has(cp)) simp++;
      else if (astralTrad!.has(cp)) trad++;
    }
  }
  const info = (script: ScriptInfo['script']): ScriptInfo => ({
    script, hanCount: han,
    traditionalShare: han ? trad / han : 0,
    simplifiedShare: han ? simp / han : 0,
  });
  if (han === 0) return info('none');
  const n = simp + trad;
  const th = SCRIPT_THRESHOLDS;
  if (simp >= th.mixedMin && trad >= th.mixedMin && simp / n >= th.mixedShare && trad / n >= th.mixedShare) return info('mixed');
  if (trad >= th.minSpecific && trad / n >= th.dominantShare) return info('traditional');
  if (simp >= th.minSpecific && simp / n >= th.dominantShare) return info('simplified');
  return info(trad > 0 && simp === 0 ? 'traditional' : 'simplified');
}

// ---------------------------------------------------------------------------------------------
// Conversion that leaves names, pinyin residue, Latin, numbers, URLs and e-mail addresses alone

export interface ConvertOptions {
  /** spans (UTF-16 offsets into text) left untouched, e.g. people's names */
  protect?: Span[];
  /** the phrase layer over OpenCC: builtinPhrases when not given, null for OpenCC alone */
  phrases?: ConvertPhrases | null;
}

// Finding what stays untouched: one pass over the text, regular expressions only at candidates.
const NOT_URL = String.raw`\s\p{Script=Han}"'<>\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019`;
const URL_RE = new RegExp(String.raw`(?:https?|ftp):\/\/[^${NOT_URL}]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^${NOT_URL}]*`, 'iuy');
const MAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;

const isHanCp = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x20000 && c <= 0x323af) || (c >= 0x2e80 && c <= 0x2fdf) || c === 0x3005 || c === 0x3007 ||
  (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b);

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

interface Range { start: number; end: number; soft: boolean }

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
function frozenRanges(text: string, protect: readonly Span[] | undefined, tables?: InPlaceTables): { ranges: Range[]; ids: boolean } {
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

/** A converted stretch of text: original[start, end) becomes out (soft ranges kept inside). */
interface Piece { start: number; end: number; out: string }

function pickSentinel(text: string): number {
  for (let c = 0xe000; c <= 0xf8ff; c++) if (text.indexOf(String.fromCharCode(c)) < 0) return c;
  return -1;
}

interface Gap { at: number; text: string }

/** Maps offsets of a conversion's input to its output, for nondecreasing offsets. */
class OutPos {
  private i = 0;
  private shift = 0;
  constructor(private readonly dirty: readonly Dirty[]) {}
  /** output offset of input offset `at`, or -1 when a length-changing unit spans it */
  at(at: number): number {
    const d = this.dirty;
    while (this.i < d.length && d[this.i].end <= at) this.shift += d[this.i++].delta;
    if (this.i < d.length && d[this.i].start < at) return -1;
    return at + this.shift;
  }
}

/**
 * Convert a stretch whose soft gaps were taken out (`joined`) and put the gaps back where they
 * were; when a length-changing replacement spans a gap, the parts between gaps convert apart.
 */
function convertJoined(e: Engine, joined: string, gaps: readonly Gap[]): string {
  if (gaps.length === 0) return e.convert(joined);
  const dirty: Dirty[] = [];
  const out = e.tracked(joined, -1, dirty);
  if (out !== null) {
    const map = new OutPos(dirty);
    let s = '', prev = 0;
    for (const g of gaps) {
      const q = map.at(g.at);
      if (q < 0) { prev = -1; break; }
      s += out.slice(prev, q) + g.text;
      prev = q;
    }
    if (prev >= 0) return s + out.slice(prev);
  }
  let s = '', prev = 0;
  for (const g of gaps) { s += e.convert(joined.slice(prev, g.at)) + g.text; prev = g.at; }
  return s + e.convert(joined.slice(prev));
}

const HAN_OR_COMPAT = /[\p{Script=Han}\uf900-\ufaff]/u;

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
function inPlaceTables(e: Engine): InPlaceTables {
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

interface Masked {
  e: Engine;
  /** frozenRanges, closed by an empty hard range at the end of the text */
  ranges: Range[];
  /** the text with each hard range replaced by the sentinel and the soft ranges taken out */
  masked: string;
  /** masked converted (null: it could not be tracked), and where its length changed */
  out: string | null;
  dirty: Dirty[];
}

/**
 * Convert every stretch between hard ranges. One conversion of the whole text, with each hard
 * range replaced by a sentinel character that no dictionary entry contains (so no phrase spans
 * it) and the soft ranges taken out (so phrases span them); the list of replacements that changed
 * length tells where each stretch and gap lands in the result.
 * Null when there is no Han to convert.
 */
function convertMasked(text: string, variant: Variant, opts?: ConvertOptions): Masked | null {
  if (!HAN_OR_COMPAT.test(text)) return null;
  const e = engine(variant, opts?.phrases === undefined ? builtinPhrases : opts.phrases);
  const { ranges } = frozenRanges(text, opts?.protect, inPlaceTables(e));
  ranges.push({ start: text.length, end: text.length, soft: false });
  const sentinel = pickSentinel(text);
  const sc = sentinel >= 0 ? String.fromCharCode(sentinel) : '';
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < ranges.length - 1; k++) {
    const r = ranges[k];
    parts.push(text.slice(pos, r.start));
    if (!r.soft) parts.push(sc);
    pos = r.end;
  }
  parts.push(text.slice(pos));
  const masked = parts.join('');
  const dirty: Dirty[] = [];
  const out = sentinel >= 0 ? e.tracked(masked, sentinel, dirty) : null;
  return { e, ranges, masked, out, dirty };
}

function convertPieces(text: string, variant: Variant, opts?: ConvertOptions): Piece[] {
  const c = convertMasked(text, variant, opts);
  return c ? piecesOf(text, c) : [];
}

/** Each converted stretch between hard ranges, soft ranges put back. */
function piecesOf(text: string, { e, ranges, masked, out, dirty }: Masked): Piece[] {
  const map = new OutPos(dirty);
  const pieces: Piece[] = [];
  let pos = 0;
  let m = 0; // offset in masked
  let pieceStart = 0, pieceM = 0;
  let gaps: Gap[] = [];
  for (const r of ranges) {
    m += r.start - pos;
    pos = r.end;
    if (r.soft) {
      gaps.push({ at: m - pieceM, text: text.slice(r.start, r.end) });
      continue;
    }
    if (r.start > pieceStart) {
      let piece: string | undefined;
      if (out !== null) {
        // a sentinel never lies inside a replaced unit, so both ends of the stretch map
        const a = map.at(pieceM);
        let s = '', prev = a;
        for (const g of gaps) {
          const q = map.at(pieceM + g.at);
          if (q < 0) { prev = -1; break; }
          s += out.slice(prev, q) + g.text;
          prev = q;
        }
        if (prev >= 0) piece = gaps.length ? s + out.slice(prev, map.at(m)) : out.slice(a, map.at(m));
      }
      if (piece === undefined) piece = convertJoined(e, masked.slice(pieceM, m), gaps);
      pieces.push({ start: pieceStart, end: r.start, out: piece });
    }
    m += 1; // the sentinel
    pieceStart = r.end;
    pieceM = m;
    gaps = [];
  }
  return pieces;
}

/**
 * Convert text to a variant, leaving untouched: the `protect` spans, pinyin ruby residue such as
 * (huì), Latin words, numbers, URLs and e-mail addresses. Han text between those converts in
 * stretches (phrase-level conversion works within a stretch, and across residue and hard wraps).
 */
export function convertText(text: string, variant: Variant, opts?: ConvertOptions): string {
  const c = convertMasked(text, variant, opts);
  if (!c) return text;
  if (c.out !== null && c.dirty.length === 0) {
    // no length changed: offsets in masked are offsets in its conversion
    const out = c.out;
    const parts: string[] = [];
    let pos = 0, m = 0, from = 0;
    for (const r of c.ranges) {
      m += r.start - pos;
      parts.push(out.slice(from, m), text.slice(r.start, r.end));
      if (!r.soft && r.start < text.length) m++; // the sentinel
      from = m;
      pos = r.end;
    }
    return parts.join('');
  }
  const pieces = piecesOf(text, c);
  if (pieces.length === 0) return text;
  const out: string[] = [];
  let pos = 0;
  for (const p of pieces) {
    out.push(text.slice(pos, p.start), p.out);
    pos = p.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

export interface TextEdit { start: number; end: number; text: string }

function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Edits turning a into b for a stretch at `base`. */
function diffInto(a: string, b: string, base: number, edits: TextEdit[]): void {
  if (a === b) return;
  if (a.length === b.length && sameShape(a, b)) {
    // positional: each run of changed code units, widened to whole code points
    for (let i = 0; i < a.length; i++) {
      if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
      let s = i;
      if (s > 0 && isHigh(a.charCodeAt(s - 1))) s--;
      let e = i + 1;
      while (e < a.length && a.charCodeAt(e) !== b.charCodeAt(e)) e++;
      if (e < a.length && isHigh(a.charCodeAt(e - 1))) e++;
      edits.push({ start: base + s, end: base + e, text: b.slice(s, e) });
      i = e - 1;
    }
    return;
  }
  const pa = a.split(SEPARATOR), pb = b.split(SEPARATOR);
  if (pa.length > 1 && pa.length === pb.length && pa.every((x, i) => i % 2 === 0 || x === pb[i])) {
    let off = base;
    for (let i = 0; i < pa.length; i++) {
      if (i % 2 === 0) diffInto(pa[i], pb[i], off, edits);
      off += pa[i].length;
    }
    return;
  }
  lcsDiff(a, b, base, edits);
}

/** Code-point LCS diff of two short strings (common prefix / suffix trimmed first). */
function lcsDiff(a: string, b: string, base: number, edits: TextEdit[]): void {
  let pre = 0;
  while (pre < a.length && pre < b.length && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  if (pre > 0 && isHigh(a.charCodeAt(pre - 1))) pre--;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  if (suf > 0 && a.length - suf < a.length && isLow(a.charCodeAt(a.length - suf))) suf--;
  const A = codePoints(a.slice(pre, a.length - suf)), B = codePoints(b.slice(pre, b.length - suf));
  const start = base + pre;
  const n = A.length, m = B.length;
  if (n === 0 || m === 0 || n * m > 4_000_000) {
    edits.push({ start, end: start + (a.length - suf - pre), text: b.slice(pre, b.length - suf) });
    return;
  }
  // L[i][j] = LCS length of A[i..], B[j..]
  const L = new Uint32Array((n + 1) * (m + 1));
  const w = m + 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * w + j] = A[i] === B[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  let i = 0, j = 0, offA = start;
  let eStart = -1, eEnd = -1, eText = '';
  const flush = () => {
    if (eStart >= 0) edits.push({ start: eStart, end: eEnd, text: eText });
    eStart = -1; eText = '';
  };
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      flush();
      offA += A[i].length; i++; j++;
    } else if (j < m && (i === n || L[i * w + j + 1] >= L[(i + 1) * w + j])) {
      if (eStart < 0) { eStart = offA; eEnd = offA; }
      eText += B[j++];
    } else {
      if (eStart < 0) { eStart = offA; eEnd = offA; }
      offA += A[i].length; eEnd = offA; i++;
    }
  }
  flush();
}

/**
 * Minimal edits (changed runs only, sorted, non-overlapping, in original offsets) that turn text
 * into convertText(text, variant, opts) — for a WorkspaceEdit that keeps cursor and undo sane.
 */
export function convertEdits(text: string, variant: Variant, opts?: ConvertOptions): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const p of convertPieces(text, variant, opts)) diffInto(text.slice(p.start, p.end), p.out, p.start, edits);
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Surnames

/**
 * Simplified single-character surnames that OpenCC s2t (and s2tw / s2twp / s2hk) turns into a
 * different character, although the surname keeps the same glyph in traditional writing. Either
 * STCharacters maps the character itself (范→範, 余→餘, 于→於, 干→幹, 后→後, 郁→鬱, 党→黨,
 * 涂→塗, 游→遊, 种→種, 朴→樸, 占→佔, 咸→鹹, 采→採), or STPhrases has phrases starting with it
 * that a given name can spell by accident (向明→嚮明, 谷雨→穀雨, 姜丝→薑絲, 沈阳→瀋陽,
 * 曲生→麴生, 松一→鬆一, 蒙头→矇頭, 胡子→鬍子, 周一→週一, 折合→摺合).
 * Not listed: surnames whose converted form is the right traditional surname (叶→葉, 萧→蕭,
 * 钟→鍾, 闫→閆 …), and ones whose traditional form is disputed (云/雲, 台/臺, 宁/甯, 凌/淩).
 * Shield these (with the given name) when converting a name to traditional.
 */
export const ONE_TO_MANY_SURNAMES: ReadonlySet<string> = new Set([
  '范', '余', '于', '干', '后', '郁', '党', '涂', '游', '种', '朴', '占', '咸', '采',
  '向', '谷', '姜', '沈', '曲', '松', '蒙', '胡', '周', '折',
]);
