// The conversion phrase layer: phrases of official texts that OpenCC's dictionaries convert
// wrongly (新征程 → 新徵程, 对标对表 → 對標對錶, Taiwan's 社区 → 社群), with the form
// traditional-script government and press texts write. The built-in list lives in
// server/data/convert-phrases.json (evidence per entry, convert-phrases.SOURCES.md); users add
// or override entries in .zh-article/convert.json. The list also names words of official texts
// that win over an OpenCC phrase taking their first character (发展 in 治理发展, not 理发).
// script/pipelines.ts puts a variant's pairs in front of OpenCC's dictionaries, so they take
// part in its longest-match segmentation.
// Pure module: no LSP / VS Code imports.
import data from '../../data/convert-phrases.json';

export type Variant = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';
const VARIANT_NAMES: readonly Variant[] = ['simplified', 'traditional', 'taiwan', 'hongkong'];
const TARGETS = ['traditional', 'taiwan', 'hongkong'] as const;

/** One phrase: its simplified form and how each variant writes it. */
export interface PhraseEntry {
  simplified: string;
  /** OpenCC standard traditional; also Taiwan's and Hong Kong's unless they are given */
  traditional?: string;
  taiwan?: string;
  hongkong?: string;
  /**
   * The variants the entry applies to; by default every traditional variant with a form.
   * 'simplified' reads the entry backwards: its traditional forms convert to `simplified`.
   */
  variants?: Variant[];
}

type Pair = readonly [string, string];

/** What a variant's conversion does with the layer (see script/pipelines.ts, withPhrases). */
export interface VariantPhrases {
  /** key → form, ahead of OpenCC's first conversion stage */
  first: Pair[];
  /** key → form given for this very variant: later stages turn the key's OpenCC form into it, and keep it */
  keep: Pair[];
  /** words that win over an OpenCC phrase taking their first character (治理发展: not 理发) */
  words: string[];
}

const MAX_LENGTH = 32;
const isPhrase = (s: unknown): s is string => typeof s === 'string' && s.length > 0 && s.length <= MAX_LENGTH && !/[\s\p{P}]/u.test(s);

/**
 * The entries of a JSON value (an array, or an object with `phrases` and optional `words`: strings,
 * or objects with `word`), and what is wrong with the others.
 */
export function parsePhraseEntries(json: unknown): { entries: PhraseEntry[]; words: string[]; problems: string[] } {
  const list = Array.isArray(json) ? json : (json as { phrases?: unknown } | null)?.phrases;
  const words: string[] = [], problems: string[] = [];
  const wordList = Array.isArray(json) ? [] : (json as { words?: unknown } | null)?.words ?? [];
  if (!Array.isArray(wordList)) problems.push('"words" must be a list');
  else {
    for (const w of wordList) {
      const word = typeof w === 'string' ? w : (w as { word?: unknown } | null)?.word;
      if (isPhrase(word) && word.length >= 2) words.push(word);
      else problems.push(`word ${JSON.stringify(word)}: a word of 2–${MAX_LENGTH} characters without spaces or punctuation`);
    }
  }
  if (!Array.isArray(list)) return { entries: [], words, problems: [...problems, 'expected {"phrases": [...]}'] };
  const entries: PhraseEntry[] = [];
  list.forEach((e: Record<string, unknown>, i) => {
    const why = entryProblem(e);
    if (why) { problems.push(`phrase ${i + 1}: ${why}`); return; }
    const out: PhraseEntry = { simplified: e.simplified as string };
    for (const t of TARGETS) if (e[t] !== undefined) out[t] = e[t] as string;
    if (e.variants !== undefined) out.variants = e.variants as Variant[];
    entries.push(out);
  });
  return { entries, words, problems };
}

function entryProblem(e: Record<string, unknown> | null): string | null {
  if (!e || typeof e !== 'object') return 'not an object';
  if (!isPhrase(e.simplified)) return `"simplified" must be a phrase of 1–${MAX_LENGTH} characters without spaces or punctuation`;
  for (const t of TARGETS) if (e[t] !== undefined && !isPhrase(e[t])) return `"${t}" must be a phrase like "simplified"`;
  if (!TARGETS.some((t) => e[t] !== undefined)) return 'give at least one of "traditional", "taiwan", "hongkong"';
  const v = e.variants;
  if (v !== undefined && !(Array.isArray(v) && v.length > 0 && v.every((x) => VARIANT_NAMES.includes(x)))) return `"variants" must list some of ${VARIANT_NAMES.join(', ')}`;
  return null;
}

/** The form of an entry in a traditional variant, if the entry applies there. */
function formIn(e: PhraseEntry, v: Exclude<Variant, 'simplified'>): string | undefined {
  const form = e[v] ?? e.traditional;
  return form !== undefined && (e.variants ?? TARGETS).includes(v) ? form : undefined;
}

/**
 * A set of phrase entries (later entries win on the same key) and of words that win over an
 * OpenCC phrase taking their first character, in the traditional variants. Immutable: the
 * engines are cached per set.
 */
export class ConvertPhrases {
  private readonly cache = new Map<Variant, VariantPhrases>();
  constructor(readonly entries: readonly PhraseEntry[], readonly words: readonly string[] = []) {}

  /** These entries followed by `more` (which win on the same phrase), and these words with `moreWords`. */
  with(more: readonly PhraseEntry[], moreWords: readonly string[] = []): ConvertPhrases {
    if (!more.length && !moreWords.length) return this;
    return new ConvertPhrases([...this.entries, ...more], [...new Set([...this.words, ...moreWords])]);
  }

  forVariant(v: Variant): VariantPhrases {
    let out = this.cache.get(v);
    if (out) return out;
    const first = new Map<string, string>(), keep = new Map<string, string>();
    for (const e of this.entries) {
      if (v === 'simplified') {
        if (!e.variants?.includes('simplified')) continue;
        // t2s leaves simplified text as it is: the first stage alone decides
        for (const t of TARGETS) if (e[t] !== undefined) first.set(e[t]!, e.simplified);
        continue;
      }
      const form = formIn(e, v);
      if (form === undefined) continue;
      first.set(e.simplified, form);
      if (e[v] !== undefined) keep.set(e.simplified, form);
    }
    out = { first: [...first], keep: [...keep], words: v === 'simplified' ? [] : this.words.slice() };
    this.cache.set(v, out);
    return out;
  }
}

/** The built-in list (server/data/convert-phrases.json). */
export const builtinPhrases = parseBuiltin();

function parseBuiltin(): ConvertPhrases {
  const { entries, words, problems } = parsePhraseEntries(data);
  if (problems.length) throw new Error(`server/data/convert-phrases.json: ${problems.join('; ')}`);
  return new ConvertPhrases(entries, words);
}
