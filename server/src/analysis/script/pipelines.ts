// OpenCC configurations as pipelines (normalisation, segmentation, conversion stages), the
// way opencc-js's ConverterBuilder runs them, from opencc-js's own dictionaries; the
// 'simplified' pipeline zh-article builds itself; and the phrase layer put in front of them.
import * as OpenCC from 'opencc-js';
import type { Variant, VariantPhrases } from '../convertPhrases';
import { type Dict, type FastTrie, type Pair, forEachEntry, trie } from './trie';
import { cpCount } from './units';

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
export interface Pipeline {
  norm: FastTrie[];
  normOneToOne: boolean;
  seg: FastTrie | null;
  stages: Stage[];
}

const dictCpAligned = (d: Dict) => {
  let aligned = true;
  forEachEntry(d, (k, v) => (aligned = k.length === v.length || cpCount(k) === cpCount(v)), true);
  return aligned;
};
const stage = (dicts: readonly Dict[]): Stage => ({ trie: trie(dicts), cpAligned: dicts.every(dictCpAligned) });

/** The dictionaries of a pipeline, a group per trie, before its tries are built. */
interface PipelineDicts {
  norm: readonly (readonly Dict[])[];
  seg: readonly Dict[] | null;
  stages: readonly (readonly Dict[])[];
}

const build = ({ norm, seg, stages }: PipelineDicts): Pipeline => ({
  norm: norm.map((g) => trie(g)),
  normOneToOne: norm.every((g) => g.every(dictCpAligned)),
  seg: seg && trie(seg),
  stages: stages.map(stage),
});

function configDicts(name: string): PipelineDicts {
  const c = config(name);
  const sd = c.segmentation;
  // as opencc-js: a list of serialised dictionaries is a group, anything else one dictionary
  const seg = !sd ? null : Array.isArray(sd) && sd.every((x) => typeof x === 'string') ? (sd as readonly Dict[]) : [sd as Dict];
  return { norm: c.normalizationChain ?? [], seg, stages: c.conversionChain };
}

function simplifiedDicts(): PipelineDicts {
  const d = openccDicts();
  // t2s's conversion stage; on the phrases below it gives what the whole t2s configuration gives
  const t2s = [d.TSPhrases, d.TSCharacters];
  const t2sTrie = trie(t2s);
  // Folding Taiwan / Hong Kong variants also runs over simplified text (the analyser folds every
  // document). tw2t turns 著→着 and 么→幺 except in listed phrases, and those phrases are keyed by
  // their traditional spelling: add their simplified spelling (显著, 著称 …) as identity entries
  // so that already-simplified text keeps its 著 / 么 there too.
  const keys = new Set<string>();
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) forEachEntry(dict, (k) => { keys.add(k); });
  const shadows: Pair[] = [];
  for (const dict of [d.HKVariantsRevPhrases, d.TWVariantsRevPhrases]) {
    forEachEntry(dict, (k) => {
      const s = t2sTrie.convert(k);
      if (s !== k && !keys.has(s)) { keys.add(s); shadows.push([s, s]); }
    });
  }
  for (const w of ZHU_WORDS) if (!keys.has(w)) { keys.add(w); shadows.push([w, w]); }
  return {
    norm: config('t2s').normalizationChain ?? [],
    seg: [d.TSPhrases], // as OpenCC tw2s / hk2s
    stages: [[d.HKVariantsRevPhrases, d.TWVariantsRevPhrases, shadows, d.HKVariantsRev, d.TWVariantsRev], t2s],
  };
}

let simplified: Pipeline | undefined;
/** The simplified pipeline without a phrase layer (the analysis folds with it), built once. */
export const simplifiedPipeline = () => (simplified ??= build(simplifiedDicts()));

/** OpenCC configuration behind each variant. */
export const VARIANT_CONFIG: Readonly<Record<Variant, string>> = {
  simplified: 'hk2t+tw2t+t2s', traditional: 's2t', taiwan: 's2twp', hongkong: 's2hk',
};

/** A variant's pipeline, with the phrase layer's pairs when given; every trie built once. */
export function pipelineFor(variant: Variant, layer: VariantPhrases | null): Pipeline {
  if (variant === 'simplified' && !layer) return simplifiedPipeline();
  const dicts = variant === 'simplified' ? simplifiedDicts() : configDicts(VARIANT_CONFIG[variant]);
  return build(layer ? withPhrases(dicts, layer) : dicts);
}

/**
 * What a group of dictionaries converts `strings` to, from a trie of only the entries that can
 * match inside them (the group's precedence kept): the whole group's trie would take longer to build.
 */
function convertWith(group: readonly Dict[], strings: readonly string[]): (s: string) => string {
  const inside = new Set<string>();
  for (const s of strings) for (let i = 0; i < s.length; i++) for (let j = i + 1; j <= s.length; j++) inside.add(s.slice(i, j));
  const small = group.map((d) => {
    const pairs: Pair[] = [];
    forEachEntry(d, (k, v) => { if (inside.has(k)) pairs.push([k, v]); });
    return pairs;
  });
  const t = trie(small);
  return (s) => t.convert(s);
}

/**
 * Pairs by which each of `words` wins over a two-character key of the group that would take its
 * first character (理发→理髮 in 治理发展, 定制→定製 in 规定制度, 人参→人蔘 in 人参加): for every such
 * key A+W[0] whose conversion of W[0] differs from the word's, A+W converts as A alone, then W.
 * Keys the group already has (A+W itself) keep OpenCC's reading, and so do keys that convert to
 * themselves.
 */
function wordsFirst(group: readonly Dict[], words: readonly string[]): Pair[] {
  if (words.length === 0) return [];
  const starts = new Set(words.map((w) => w[0]));
  const byLast = new Map<string, Pair[]>(); // a word's first character → two-character keys ending in it
  const long = new Set<string>(); // keys of three characters and more
  for (let g = group.length - 1; g >= 0; g--) {
    forEachEntry(group[g], (k, v) => {
      if (k.length > 2) { long.add(k); return; }
      // (a key kept as it is guards a reading on purpose: 若干 in 若干部门, 风采, 茶几)
      if (k.length !== 2 || v.length !== 2 || k === v || !starts.has(k[1])) return;
      let list = byLast.get(k[1]);
      if (!list) byLast.set(k[1], (list = []));
      list.push([k, v]);
    });
  }
  const chars = [...new Set([...byLast.values()].flat().map(([k]) => k[0]))];
  const convert = convertWith(group, [...words, ...chars]);
  const out = new Map<string, string>();
  for (const w of words) {
    const form = convert(w);
    for (const [k, v] of byLast.get(w[0]) ?? []) {
      const key = k[0] + w;
      if (v[1] === form[0] || out.has(key) || long.has(key)) continue;
      out.set(key, convert(k[0]) + form);
    }
  }
  return [...out];
}

/**
 * The dictionaries with a phrase layer (convertPhrases.ts) in front of OpenCC's: its keys join
 * the segmentation dictionaries (so a segment never cuts one), its pairs go first in the first
 * conversion stage (winning on equal keys, and longest match still deciding between keys), and
 * so do the pairs that let its words win (wordsFirst). The layer's phrase forms are final words:
 * a later stage (Taiwan's or Hong Kong's) gives them only its character forms, so its phrases can
 * neither rewrite them (社區 → 社群) nor match across their ends (領導出席 → 領匯出席). A form
 * given for this very variant also replaces the key's OpenCC form where a longer OpenCC phrase
 * took the key in the first stage (新闻发布会 → 新聞發佈會 → 新聞發布會).
 */
function withPhrases(p: PipelineDicts, { first, keep, words }: VariantPhrases): PipelineDicts {
  if (first.length === 0 && words.length === 0) return p;
  const context = wordsFirst(p.stages[0], words);
  const opencc = convertWith(p.stages[0], keep.map(([key]) => key));
  const later = (group: readonly Dict[]): readonly Dict[] => {
    // the group's character dictionaries alone: the glyph forms it gives a final word
    const glyphs = trie(group.filter((d) => { let chars = true; forEachEntry(d, (k) => (chars = cpCount(k) === 1)); return chars; }));
    const final = new Map<string, string>();
    for (const [, form] of first) final.set(form, glyphs.convert(form));
    for (const [key, form] of keep) final.set(opencc(key), glyphs.convert(form));
    return final.size ? [[...final], ...group] : group;
  };
  return {
    norm: p.norm,
    seg: p.seg && [first, context, ...p.seg],
    stages: p.stages.map((group, i) => (i === 0 ? [first, context, ...group] : later(group))),
  };
}
