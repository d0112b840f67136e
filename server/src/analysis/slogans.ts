// Slogans (提法): glossary formulations wherever they stand, quoted spans that read as
// formulations (not speech, titles or event names), and the expansion a text gives for
// a numbered one (区委"三个落实"… 穿透落实、闭环落实、担当落实). Runs on the normalised view.
import glossaryData from '../../data/glossary.json';
import type { Span } from './types';

export interface GlossaryEntry {
  canonical: string;
  variants?: string[];
  scope?: string;
  region?: string;
  category?: string;
  explanation: string;
  expansion?: string[];
  origin?: string;
  year?: number | null;
  ambiguous?: boolean;
}

export interface SloganHit extends Span {
  /** glossary canonical form, or the quoted text */
  key: string;
  /** the text as it stands in the view (quotes excluded) */
  text: string;
  source: 'glossary' | 'numbered' | 'quoted';
  entry?: GlossaryEntry;
  /** an unquoted glossary term that is ordinary policy vocabulary (高质量发展): explained on hover, not marked as a slogan */
  vocabulary?: boolean;
}

export class Glossary {
  private readonly byForm = new Map<string, GlossaryEntry>();
  /** the forms as a trie over code units, built on first use (see index()) */
  private idx: GlossaryIndex | undefined;
  constructor(entries: GlossaryEntry[]) {
    for (const e of entries) for (const f of [e.canonical, ...(e.variants || [])]) this.add(f, e);
  }
  private add(form: string, e: GlossaryEntry) {
    if (form.length < 2) return;
    this.byForm.set(form, e);
    this.idx = undefined;
  }
  /** A copy with user entries added or overriding. */
  withOverrides(entries: GlossaryEntry[]): Glossary {
    const g = new Glossary([]);
    for (const [f, e] of this.byForm) g.add(f, e);
    for (const e of entries) for (const f of [e.canonical, ...(e.variants || [])]) g.add(f, e);
    return g;
  }
  lookup(form: string): GlossaryEntry | undefined { return this.byForm.get(form); }
  /** Longest glossary form starting at i. */
  matchAt(s: string, i: number): string | undefined {
    const idx = this.index();
    if (i < 0 || i >= s.length) return undefined;
    const node = idx.first[s.charCodeAt(i)];
    if (node < 0) return undefined;
    const f = idx.longest(s, i + 1, node);
    return f < 0 ? undefined : idx.forms[f];
  }
  get size(): number { return this.byForm.size; }
  /** @internal the trie findSlogans walks */
  index(): GlossaryIndex {
    return (this.idx ??= new GlossaryIndex(this.byForm));
  }
}

const PAIR_BITS = 16;
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);

/**
 * Glossary forms as a trie over UTF-16 code units: the root's children in a typed array (one read
 * for the many characters no form starts with), deeper ones in Maps.
 */
class GlossaryIndex {
  /** node reached by the first code unit, or -1 */
  readonly first = new Int32Array(0x10000).fill(-1);
  /** 0 at pairHash(first unit, second unit) when no form starts with those two units (every form has two) */
  readonly pairs = new Uint8Array(1 << PAIR_BITS);
  private readonly kids: (Map<number, number> | undefined)[] = [];
  /** per node: index into forms of the form ending there, or -1 */
  private readonly formAt: number[] = [];
  readonly forms: string[] = [];
  readonly entries: GlossaryEntry[] = [];
  /** per form: whether the form or its entry's canonical form is numbered (三个落实) */
  readonly numbered: boolean[] = [];

  constructor(byForm: ReadonlyMap<string, GlossaryEntry>) {
    const canonNumbered = new Map<GlossaryEntry, boolean>();
    for (const [form, entry] of byForm) {
      this.pairs[pairHash(form.charCodeAt(0), form.charCodeAt(1))] = 1;
      let node = this.first[form.charCodeAt(0)];
      if (node < 0) node = this.first[form.charCodeAt(0)] = this.newNode();
      for (let i = 1; i < form.length; i++) {
        let m = this.kids[node];
        if (!m) this.kids[node] = m = new Map();
        let next = m.get(form.charCodeAt(i));
        if (next === undefined) { next = this.newNode(); m.set(form.charCodeAt(i), next); }
        node = next;
      }
      let cn = canonNumbered.get(entry);
      if (cn === undefined) canonNumbered.set(entry, (cn = NUMBERED.test(entry.canonical)));
      this.formAt[node] = this.forms.length;
      this.forms.push(form);
      this.entries.push(entry);
      this.numbered.push(cn || NUMBERED.test(form));
    }
  }
  private newNode(): number {
    this.kids.push(undefined);
    this.formAt.push(-1);
    return this.formAt.length - 1;
  }
  /** Index of the longest form whose first unit led to `node` and whose rest starts at s[j], or -1. */
  longest(s: string, j: number, node: number): number {
    let best = this.formAt[node];
    for (const n = s.length; j < n;) {
      const m = this.kids[node];
      if (m === undefined) break;
      const next = m.get(s.charCodeAt(j++));
      if (next === undefined) break;
      node = next;
      if (this.formAt[node] >= 0) best = this.formAt[node];
    }
    return best;
  }
}

export const builtinGlossary = new Glossary((glossaryData as { entries: GlossaryEntry[] }).entries);

const NUMERAL = '[一二两三四五六七八九十百千万双]';
// 三个务必, 四不两直, 两稳一保一防, 十大战略, 新十条, 三提三效, 六最, 五城
export const NUMBERED = new RegExp(`^(?:新)?${NUMERAL}{1,2}(?:个|项|种|大|条|化|不|最|型|区|城|股|标|定|微|提|稳|新|连冠|方|张|维|全|严|实|讲|有|学|心|抓|基|带|联|字|步|线|点|轮|措|化)|${NUMERAL}[\\p{Script=Han}]${NUMERAL}[\\p{Script=Han}]`, 'u');
const SPEECH_AFTER = /^(?:[，,]?\s*(?:他|她|[\p{Script=Han}]{2,4})?(?:说|表示|介绍|告诉|坦言|感慨))/u;
const EVENT_AFTER = /^(?:主题活动|公益活动|主题党日|专题研讨班|研讨班|专项募捐|募捐|比赛|大赛|晚会|讲座|展览|论坛|仪式|演出|文艺汇演|知识竞赛|征文)/u;
const HONOUR_IN = /(?:好人|模范|标兵|楷模|先进个人|优秀党员|最美[\p{Script=Han}]{1,4}|英雄)$/u;

/** The closing mark of an opening quote (“ ‘ 「 『), or -1. */
function quoteClose(open: number): number {
  switch (open) {
    case 0x201c: return 0x201d;
    case 0x2018: return 0x2019;
    case 0x300c: return 0x300d;
    case 0x300e: return 0x300f;
    default: return -1;
  }
}

export function findSlogans(view: string, glossary: Glossary): SloganHit[] {
  const hits: SloganHit[] = [];
  const covered: Span[] = [];
  const n = view.length;
  // quoted spans first: a formulation in quotes is one token, quotes excluded
  // (what /“([^“”\n]{1,60})”|‘…’|「…」|『…』/g finds, scanned by hand)
  for (let q = 0; q < n; q++) {
    const open = view.charCodeAt(q);
    if (open < 0x2018) continue;
    const close = quoteClose(open);
    if (close < 0) continue;
    // 1 to 60 code points, then the closing mark
    let e = q + 1, k = 0;
    while (e < n) {
      const c = view.charCodeAt(e);
      if (c === close || c === open || c === 10 || ++k > 60) break;
      e += c >= 0xd800 && c <= 0xdbff && e + 1 < n && (view.charCodeAt(e + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    if (k === 0 || k > 60 || e >= n || view.charCodeAt(e) !== close) continue;
    const inner = view.slice(q + 1, e);
    const kind = classifyQuote(view, q, e + 1, inner, glossary);
    if (kind) {
      const entry = glossary.lookup(inner);
      hits.push({ start: q + 1, end: e, key: entry ? entry.canonical : inner, text: inner, source: kind, entry });
      covered.push({ start: q, end: e + 1 });
    }
    q = e; // the regex resumes after a match
  }
  // glossary terms outside quotes: 统筹推进五位一体总体布局
  const idx = glossary.index();
  const { first, pairs } = idx;
  let c = 0;
  let nextCovered = covered.length ? covered[0].start : n; // covered spans are in order and disjoint
  for (let i = 0; i < n; i++) {
    if (i >= nextCovered) {
      while (c < covered.length && covered[c].end <= i) c++;
      if (c < covered.length && covered[c].start <= i) { i = covered[c].end - 1; continue; }
      nextCovered = c < covered.length ? covered[c].start : n;
    }
    const c0 = view.charCodeAt(i);
    const node = first[c0];
    if (node < 0 || pairs[pairHash(c0, view.charCodeAt(i + 1))] === 0) continue;
    const f = idx.longest(view, i + 1, node);
    if (f < 0) continue;
    const form = idx.forms[f];
    const entry = idx.entries[f];
    // numbered formulations are unmistakable in running text; other glossary terms are vocabulary there
    hits.push({ start: i, end: i + form.length, key: entry.canonical, text: form, source: 'glossary', entry, vocabulary: !idx.numbered[f] });
    i += form.length - 1;
  }
  return hits.sort((a, b) => a.start - b.start);
}

function classifyQuote(view: string, qStart: number, qEnd: number, inner: string, glossary: Glossary): SloganHit['source'] | null {
  const t = inner.trim();
  if (glossary.lookup(t)) return 'glossary';
  if (/[。！？!?]/u.test(t)) return null;                           // speech
  const after = view.slice(qEnd, qEnd + 8);
  const lineStart = view.lastIndexOf('\n', qStart - 1) + 1;
  if (qStart === lineStart && SPEECH_AFTER.test(after)) return null;  // speech opening a paragraph
  if (EVENT_AFTER.test(after)) return null;                            // an event's name
  if (HONOUR_IN.test(t)) return null;                                  // an honour: "中国好人"
  if (/^[A-Za-z0-9\s.\-_/:]+$/u.test(t)) return null;                  // Latin text in quotes
  if (NUMBERED.test(t) && t.length <= 12) return 'numbered';
  const clauses = t.split(/[、，,；;]/u).filter(Boolean);
  if (clauses.length >= 2) {
    // parallel formulations have short clauses: 生态优、文化兴、创新强
    if (clauses.length > 4) return null;
    const lens = clauses.map((x) => x.length);
    return Math.max(...lens) <= 9 && Math.min(...lens) <= 6 ? 'quoted' : null;
  }
  return t.length >= 2 && t.length <= 10 ? 'quoted' : null;
}

/**
 * The text's own expansion of a numbered formulation: for 三个落实, an enumeration of
 * three items each ending like the formulation (穿透落实、闭环落实、担当落实).
 */
export function findExpansion(view: string, slogan: string): string[] | null {
  const m = NUMBERED_KEY.exec(slogan);
  if (!m) return null;
  const n = chineseNumber(m[1]);
  const tail = m[2].slice(-2);
  if (!n || n < 2 || n > 12) return null;
  const item = `[\\p{Script=Han}]{1,6}${escape(tail)}`;
  const re = new RegExp(`(?:${item})(?:、${item}){${n - 1}}(?![\\p{Script=Han}]*、)`, 'u');
  // look only around "…落实、" enumerations, never across the whole text
  let seen = 0;
  for (let i = view.indexOf(tail + '、'); i >= 0 && seen < 200; i = view.indexOf(tail + '、', i + 1), seen++) {
    const from = Math.max(0, i - 8), to = Math.min(view.length, i + n * 10);
    const hit = re.exec(view.slice(from, to));
    if (!hit) continue;
    const items = hit[0].split('、');
    if (items.length !== n || items.some((x) => x.includes(slogan))) continue;
    // drop a leading verb shared by the first item: 坚持穿透落实 → 穿透落实
    const width = Math.min(...items.slice(1).map((x) => x.length));
    return items.map((x, k) => (k === 0 && x.length > width ? x.slice(x.length - width) : x));
  }
  return null;
}

const NUMBERED_KEY = new RegExp(`^(?:新)?(${NUMERAL}{1,2})(?:个|项|种|大|条)(\\p{Script=Han}{2,4})$`, 'u');

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function chineseNumber(s: string): number {
  if (s.length === 1) return DIGITS[s] || 0;
  if (s[0] === '十') return 10 + (DIGITS[s[1]] || 0);
  if (s[1] === '十') return (DIGITS[s[0]] || 0) * 10;
  return 0;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
