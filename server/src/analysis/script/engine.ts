// Running a pipeline over a string, on code units (fast) or tracking the replacements that
// change length (for convertText's pieces); the engines, built once per variant and phrase layer.
import type { ConvertPhrases, Variant } from '../convertPhrases';
import { type Pipeline, pipelineFor } from './pipelines';
import { type Dict, type FastTrie, Units, stringOf, unitsOf, unitsUnmatchedLength } from './trie';
import { SURROGATE, cpLen, isIds, sameShape, unmatchedLength } from './units';

export const VARIANTS: readonly Variant[] = ['simplified', 'traditional', 'taiwan', 'hongkong'];

export type Conv = (s: string) => string;

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
export interface Dirty { start: number; end: number; delta: number }

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
export function cpDirty(a: string, b: string, dirty: Dirty[]): void {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const la = cpLen(a, i), lb = cpLen(b, j);
    if (la !== lb) dirty.push({ start: i, end: i + la, delta: lb - la });
    i += la;
    j += lb;
  }
}

export interface Engine {
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

function buildEngine(variant: Variant, phrases: ConvertPhrases | null): Engine {
  if (!VARIANTS.includes(variant)) throw new Error(`unknown variant ${String(variant)}`);
  // opencc-js's Converter({ from: 'cn', to }) runs the configuration s2<to> when it has one, as
  // opencc-js 1.4 has for t, twp and hk: the same pipeline, here on FastTrie
  const p = pipelineFor(variant, phrases && phrases.forVariant(variant));
  const convert = (s: string) => runPipelineUnits(p, s);
  if (p.stages.every((st) => st.cpAligned) && p.normOneToOne) return oneToOneEngine(convert, pipelineTries(p));
  return { convert, oneToOne: false, tracked: (s, sentinel, dirty) => runPipeline(p, s, sentinel, dirty), tries: pipelineTries(p) };
}

/** Engines by phrase layer (BARE: OpenCC alone), then by variant: built once, kept while the layer lives. */
const BARE = {};
const engines = new WeakMap<object, Map<Variant, Engine>>();
export function engine(variant: Variant, phrases: ConvertPhrases | null = null): Engine {
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
