// Script (simplified / traditional) detection and conversion, on top of opencc-js.
// Pure module: no LSP / VS Code imports. Offsets are UTF-16 code units.
//
// Variants and the OpenCC configurations behind them (VARIANT_CONFIG):
//   'traditional' = s2t    opencc-js Converter({ from: 'cn', to: 't' })   OpenCC standard traditional
//   'taiwan'      = s2twp  the s2twp dictionaries (as Converter({ from: 'cn', to: 'twp' })), run by
//                          runPipeline so that convertText can locate phrases that change length
//   'hongkong'    = s2hk   opencc-js Converter({ from: 'cn', to: 'hk' })  Hong Kong forms
//   'simplified'  = hk2t ∪ tw2t variant folding, then t2s (buildSimplified): Taiwan and Hong Kong
//                   forms fold to OpenCC standard traditional first, so text from any traditional
//                   source ends up in mainland simplified.
// test/conformance/opencc.test.mjs runs OpenCC's own test cases against these.
import * as OpenCC from 'opencc-js';
import type { ScriptInfo, Span } from './types';

export type Variant = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';
export const VARIANTS: readonly Variant[] = ['simplified', 'traditional', 'taiwan', 'hongkong'];

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
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

function trie(dicts: readonly Dict[]): OpenCC.Trie {
  const t = new OpenCC.Trie();
  // Trie.loadDictGroup loads in reverse order, so that the first dictionary wins on equal keys.
  t.loadDictGroup(dicts);
  return t;
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
 * each segment. Rebuilt here from the same dictionaries and opencc-js's Trie for the variants
 * opencc-js has no preset for ('simplified') and for the one whose phrases change the number of
 * characters ('taiwan': 演算法 for 算法), whose replacements convertText must locate.
 */
interface Stage {
  trie: OpenCC.Trie;
  /** every entry maps n code points to n code points (so code points correspond one to one) */
  cpAligned: boolean;
}
interface Pipeline {
  norm: OpenCC.Trie[];
  normOneToOne: boolean;
  seg: OpenCC.Trie | null;
  stages: Stage[];
}

const cpCount = (s: string) => { let n = 0; for (let i = 0; i < s.length; i++) if (!isLow(s.charCodeAt(i)) || !isHigh(s.charCodeAt(i - 1))) n++; return n; };
const dictCpAligned = (d: Dict) => dictEntries(d).every(([k, v]) => k.length === v.length || cpCount(k) === cpCount(v));
const stage = (dicts: readonly Dict[]): Stage => ({ trie: trie(dicts), cpAligned: dicts.every(dictCpAligned) });

function pipelineFromConfig(name: string): Pipeline {
  const c = config(name);
  let seg: OpenCC.Trie | null = null;
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
  const plainT2s = OpenCC.Converter({ from: 't', to: 'cn' });
  // Folding Taiwan / Hong Kong variants also runs over simplified text (the analyser folds every
  // document). tw2t turns 著→着 and 么→幺 except in listed phrases, and those phrases are keyed by
  // their traditional spelling: add their simplified spelling (显著, 著称 …) as identity entries
  // so that already-simplified text keeps its 著 / 么 there too.
  const keys = new Set<string>();
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) for (const [k] of dictEntries(dict)) keys.add(k);
  const shadows: Pair[] = [];
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) {
    for (const [k] of dictEntries(dict)) {
      const s = plainT2s(k);
      if (s !== k && !keys.has(s)) { keys.add(s); shadows.push([s, s]); }
    }
  }
  for (const w of ZHU_WORDS) if (!keys.has(w)) { keys.add(w); shadows.push([w, w]); }
  const norm = t2sCfg.normalizationChain ?? [];
  return {
    norm: norm.map((g) => trie(g)),
    normOneToOne: norm.every((g) => g.every(dictCpAligned)),
    seg: trie([d.TSPhrases]), // as OpenCC tw2s / hk2s
    stages: [
      stage([d.HKVariantsRevPhrases, d.TWVariantsRevPhrases, shadows, d.HKVariantsRev, d.TWVariantsRev]),
      stage([d.TSPhrases, d.TSCharacters]),
    ],
  };
}

/** OpenCC configuration behind each variant. */
export const VARIANT_CONFIG: Readonly<Record<Variant, string>> = {
  simplified: 'hk2t+tw2t+t2s', traditional: 's2t', taiwan: 's2twp', hongkong: 's2hk',
};
const OPENCC_TO: Partial<Record<Variant, string>> = { traditional: 't', hongkong: 'hk' };

// opencc-js skips an Ideographic Description Sequence (⿰氵每 …) as one unmatched unit
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
const cpLen = (s: string, i: number) => (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1);
function idsEnd(s: string, i: number, stop: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= s.length || s.charCodeAt(end) === stop) return 0;
    const child = idsEnd(s, end, stop);
    end = child || end + cpLen(s, end);
  }
  return end;
}
/** Length of the unmatched unit at i, as opencc-js's Trie counts it (never crossing `stop`). */
function unmatchedLength(s: string, i: number, stop: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = idsEnd(s, i, stop);
    if (e > i) return e - i;
  }
  return cpLen(s, i);
}

/** Trie.convert, logging (start, end, delta) of each replacement that changes length. */
function stageConvert(t: OpenCC.Trie, s: string, log: number[]): string {
  const n = s.length;
  const out: string[] = [];
  let orig = -1;
  for (let i = 0; i < n;) {
    const m = t.matchPrefix(s, i);
    if (m) {
      if (orig >= 0) { out.push(s.slice(orig, i)); orig = -1; }
      out.push(m.value);
      if (m.value.length !== m.end - i) log.push(i, m.end, m.value.length - (m.end - i));
      i = m.end;
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
 * Run a pipeline over s. `sentinel` (a code unit, or -1) never joins a segment: it stays as it
 * is and bounds the segments around it. With `dirty`, replacements that changed length are listed
 * there, in order, in offsets of s: the replaced unit when it is known, else the whole segment.
 * Returns null when `dirty` is given and normalisation changed the string's shape.
 */
function runPipeline(p: Pipeline, s: string, sentinel = -1, dirty?: Dirty[]): string | null {
  for (const t of p.norm) {
    const n = t.convert(s);
    if (dirty && !sameShape(s, n)) return null;
    s = n;
  }
  // segment first, then run each stage over all segments (as opencc-js does: one trie at a time)
  const segs: string[] = [];
  const starts: number[] = []; // offset of each segment in s; -1 for a sentinel
  const n = s.length;
  const push = (a: number, b: number) => { segs.push(s.slice(a, b)); starts.push(a); };
  const sc = sentinel >= 0 ? String.fromCharCode(sentinel) : '';
  if (!p.seg) {
    // no segmentation: the stretches between sentinels are the segments
    let a = 0;
    for (let i = sc ? s.indexOf(sc) : -1; i >= 0; i = s.indexOf(sc, i + 1)) {
      if (i > a) push(a, i);
      segs.push(sc);
      starts.push(-1);
      a = i + 1;
    }
    if (n > a) push(a, n);
  } else {
    let runStart = -1;
    for (let i = 0; i < n;) {
      if (s.charCodeAt(i) === sentinel) {
        if (runStart >= 0) { push(runStart, i); runStart = -1; }
        segs.push(sc);
        starts.push(-1);
        i++;
        continue;
      }
      const m = p.seg.matchPrefix(s, i);
      if (m) {
        if (runStart >= 0) { push(runStart, i); runStart = -1; }
        push(i, m.end);
        i = m.end;
      } else {
        if (runStart < 0) runStart = i;
        i += unmatchedLength(s, i, sentinel);
      }
    }
    if (runStart >= 0) push(runStart, n);
  }
  const k = segs.length;
  if (!dirty) {
    for (const st of p.stages) for (let j = 0; j < k; j++) if (starts[j] >= 0) segs[j] = st.trie.convert(segs[j]);
    return segs.join('');
  }
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
}

/** A pipeline whose every step maps code points one to one: find length changes afterwards. */
function oneToOneEngine(convert: Conv): Engine {
  return {
    convert,
    oneToOne: true,
    tracked(s, _sentinel, dirty) {
      const out = convert(s);
      if (!sameShape(s, out)) cpDirty(s, out, dirty);
      return out;
    },
  };
}

function buildEngine(variant: Variant): Engine {
  if (variant === 'simplified' || variant === 'taiwan') {
    const p = variant === 'simplified' ? buildSimplified() : pipelineFromConfig(VARIANT_CONFIG[variant]);
    const convert = (s: string) => runPipeline(p, s)!;
    if (p.stages.every((st) => st.cpAligned) && p.normOneToOne) return oneToOneEngine(convert);
    return { convert, oneToOne: false, tracked: (s, sentinel, dirty) => runPipeline(p, s, sentinel, dirty) };
  }
  const to = OPENCC_TO[variant];
  if (!to) throw new Error(`unknown variant ${String(variant)}`);
  const convert = OpenCC.Converter({ from: 'cn', to });
  // whether the configuration maps code points one to one is checked on first tracked use
  let inner: Engine | undefined;
  const resolve = (): Engine => {
    if (!inner) {
      const c = config(VARIANT_CONFIG[variant]);
      if ([...c.conversionChain, ...(c.normalizationChain ?? [])].every((g) => g.every(dictCpAligned))) inner = oneToOneEngine(convert);
      else {
        const p = pipelineFromConfig(VARIANT_CONFIG[variant]);
        inner = { convert, oneToOne: false, tracked: (s, sentinel, dirty) => runPipeline(p, s, sentinel, dirty) };
      }
    }
    return inner;
  };
  return {
    convert,
    get oneToOne() { return resolve().oneToOne; },
    tracked: (s, sentinel, dirty) => resolve().tracked(s, sentinel, dirty),
  };
}

const engines = new Map<Variant, Engine>();
function engine(variant: Variant): Engine {
  let e = engines.get(variant);
  if (!e) {
    e = buildEngine(variant);
    engines.set(variant, e);
  }
  return e;
}

/**
 * The converter for a variant: built once, cached. Converts the whole string, phrases included.
 * 'traditional' and 'hongkong' are opencc-js's own Converter (s2t, s2hk); 'taiwan' (s2twp) and
 * 'simplified' run the same dictionaries through runPipeline.
 */
export function converter(variant: Variant): Conv {
  return engine(variant).convert;
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

/**
 * Fold to simplified keeping index-for-index correspondence: result.text[i] corresponds to text[i]
 * (same UTF-16 length, surrogate pairs at the same offsets). `sameLength` tells whether converting
 * the whole text in one go already kept that shape. When it did not, the few characters whose
 * folding changes length (二噁英→二𫫇英, compatibility ideographs that fold to astral ones) fold
 * on their own, or stay as they are if that changes length too; everything else keeps the
 * whole-text result. (The simplified pipeline maps code points one to one, so those characters
 * are found exactly; were it not, foldPiece converts in finer pieces.)
 */
export function foldToSimplified(text: string): { text: string; sameLength: boolean } {
  const e = engine('simplified');
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

// ---------------------------------------------------------------------------------------------
// Script detection

/** Bit 1: simplified-specific; bit 2: traditional-specific (BMP); astral ones in Sets. */
let charClass: Uint8Array | undefined;
let astralSimp: Set<number> | undefined;
let astralTrad: Set<number> | undefined;

function buildCharClasses(): void {
  const d = openccDicts();
  const cls = new Uint8Array(0x10000);
  const aS = new Set<number>(), aT = new Set<number>();
  const tradValid = new Set<number>(), simpValid = new Set<number>();
  const addChars = (set: Set<number>, s: string) => { for (const ch of s) set.add(ch.codePointAt(0)!); };
  for (const dict of [d.STCharacters, d.STPhrases, d.STPhrasesGenerated]) for (const [, v] of dictEntries(dict)) addChars(tradValid, v);
  for (const dict of [d.TSCharacters, d.TSPhrases]) for (const [, v] of dictEntries(dict)) addChars(simpValid, v);
  const mark = (dict: Dict, valid: Set<number>, bit: number, astral: Set<number>) => {
    for (const [k, v] of dictEntries(dict)) {
      if (k === v) continue;
      const cp = k.codePointAt(0)!;
      if (k.length !== (cp > 0xffff ? 2 : 1) || valid.has(cp)) continue;
      if (cp > 0xffff) astral.add(cp); else cls[cp] |= bit;
    }
  };
  mark(d.STCharacters, tradValid, 1, aS);
  mark(d.TSCharacters, simpValid, 2, aT);
  // Taiwan / Hong Kong specific forms (裡, 衞 …) are traditional too
  for (const dict of [d.TWVariantsRev, d.HKVariantsRev]) mark(dict, simpValid, 2, aT);
  charClass = cls; astralSimp = aS; astralTrad = aT;
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
 */
export function detectScript(text: string): ScriptInfo {
  if (!charClass) buildCharClasses();
  const cls = charClass!;
  let han = 0, simp = 0, trad = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (isHigh(c) && i + 1 < text.length) {
      c = text.codePointAt(i)!;
      i++;
      if (!isHanCp(c)) continue;
      han++;
      if (astralSimp!.has(c)) simp++;
      else if (astralTrad!.has(c)) trad++;
      continue;
    }
    if (!isHanCp(c)) continue;
    han++;
    const k = cls[c];
    if (k & 1) simp++;
    else if (k & 2) trad++;
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
}

// Finding what stays untouched: one pass over the text, regular expressions only at candidates.
const NOT_URL = String.raw`\s\p{Script=Han}"'<>\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019`;
const LATIN = String.raw`A-Za-z0-9\u00c0-\u024f`;
const URL_RE = new RegExp(String.raw`(?:https?|ftp):\/\/[^${NOT_URL}]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^${NOT_URL}]*`, 'iuy');
const MAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const WORD_RE = new RegExp(String.raw`[${LATIN}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.,:_'’/-][${LATIN}]+)*`, 'y');
/** pinyin reading residue, as in 會(huì)議: a parenthesised syllable right after a Han character */
const RUBY_RE = /[(（][a-zü\u00e0-\u00fc\u0101-\u01dc\u01f9\u0144\u0148\u1e3f\u0300-\u036f]{1,8}[1-5]?[)）]/y;

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

function sticky(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

interface Range { start: number; end: number; soft: boolean }

/**
 * What convertText leaves alone, sorted and non-overlapping:
 * - hard ranges: URLs, e-mail addresses, Latin words and numbers, protect spans. They stay as
 *   they are and phrases do not span them;
 * - soft ranges: pinyin residue after a Han character (會(huì)議) and a single line break between
 *   two Han characters (a hard wrap). They stay as they are, but the Han text on both sides
 *   converts as one stretch, so 會(huì)議 and 头\n发 still convert as the words 會議 and 頭髮.
 */
function frozenRanges(text: string, protect: readonly Span[] | undefined): Range[] {
  const found: Range[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c < 0x3000 ? isLatinStart(c) : c >= 0xff10 && isLatinStart(c)) {
      let e = -1;
      if (c === 0x68 || c === 0x48 || c === 0x66 || c === 0x46 || c === 0x77 || c === 0x57) e = sticky(URL_RE, text, i);
      if (e < 0 && c < 0x80) {
        e = sticky(MAIL_RE, text, i);
        if (e >= 0 && text.charCodeAt(e - 1) === 0x2e) e--; // a sentence full stop after the address
      }
      if (e < 0) e = sticky(WORD_RE, text, i);
      if (e > i) { found.push({ start: i, end: e, soft: false }); i = e; continue; }
    } else if ((c === 0x28 || c === 0xff08) && hanBefore(text, i)) {
      const e = sticky(RUBY_RE, text, i);
      if (e > i) { found.push({ start: i, end: e, soft: true }); i = e; continue; }
    } else if ((c === 10 || c === 13) && hanBefore(text, i)) {
      const e = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (hanAt(text, e)) { found.push({ start: i, end: e, soft: true }); i = e; continue; }
    }
    i++;
  }
  if (!protect || protect.length === 0) return found;
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
    } else all.push({ ...r });
  }
  return all;
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
 * Convert every stretch between hard ranges. One conversion of the whole text, with each hard
 * range replaced by a sentinel character that no dictionary entry contains (so no phrase spans
 * it) and the soft ranges taken out (so phrases span them); the list of replacements that changed
 * length tells where each stretch and gap lands in the result.
 */
function convertPieces(text: string, variant: Variant, opts?: ConvertOptions): Piece[] {
  if (!HAN_OR_COMPAT.test(text)) return [];
  const e = engine(variant);
  const ranges = frozenRanges(text, opts?.protect);
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
  const map = new OutPos(dirty);

  const pieces: Piece[] = [];
  let m = 0; // offset in masked
  pos = 0;
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
  const pieces = convertPieces(text, variant, opts);
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
