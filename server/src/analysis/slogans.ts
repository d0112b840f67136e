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
  private readonly byFirst = new Map<string, string[]>();
  constructor(entries: GlossaryEntry[]) {
    for (const e of entries) for (const f of [e.canonical, ...(e.variants || [])]) this.add(f, e);
  }
  private add(form: string, e: GlossaryEntry) {
    if (form.length < 2) return;
    this.byForm.set(form, e);
    const list = this.byFirst.get(form[0]) || [];
    list.push(form);
    list.sort((a, b) => b.length - a.length);
    this.byFirst.set(form[0], list);
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
    const list = this.byFirst.get(s[i]);
    if (list) for (const f of list) if (s.startsWith(f, i)) return f;
    return undefined;
  }
  get size(): number { return this.byForm.size; }
}

export const builtinGlossary = new Glossary((glossaryData as { entries: GlossaryEntry[] }).entries);

const NUMERAL = '[一二两三四五六七八九十百千万双]';
// 三个务必, 四不两直, 两稳一保一防, 十大战略, 新十条, 三提三效, 六最, 五城
export const NUMBERED = new RegExp(`^(?:新)?${NUMERAL}{1,2}(?:个|项|种|大|条|化|不|最|型|区|城|股|标|定|微|提|稳|新|连冠|方|张|维|全|严|实|讲|有|学|心|抓|基|带|联|字|步|线|点|轮|措|化)|${NUMERAL}[\\p{Script=Han}]${NUMERAL}[\\p{Script=Han}]`, 'u');
const QUOTE = /“([^“”\n]{1,60})”|‘([^‘’\n]{1,60})’|「([^「」\n]{1,60})」|『([^『』\n]{1,60})』/gu;
const SPEECH_AFTER = /^(?:[，,]?\s*(?:他|她|[\p{Script=Han}]{2,4})?(?:说|表示|介绍|告诉|坦言|感慨))/u;
const EVENT_AFTER = /^(?:主题活动|公益活动|主题党日|专题研讨班|研讨班|专项募捐|募捐|比赛|大赛|晚会|讲座|展览|论坛|仪式|演出|文艺汇演|知识竞赛|征文)/u;
const HONOUR_IN = /(?:好人|模范|标兵|楷模|先进个人|优秀党员|最美[\p{Script=Han}]{1,4}|英雄)$/u;

export function findSlogans(view: string, glossary: Glossary): SloganHit[] {
  const hits: SloganHit[] = [];
  const covered: Span[] = [];
  // quoted spans first: a formulation in quotes is one token, quotes excluded
  QUOTE.lastIndex = 0;
  for (let m; (m = QUOTE.exec(view));) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4];
    const start = m.index + 1, end = start + inner.length;
    const kind = classifyQuote(view, m.index, m.index + m[0].length, inner, glossary);
    if (kind) {
      const entry = glossary.lookup(inner);
      hits.push({ start, end, key: entry ? entry.canonical : inner, text: inner, source: kind, entry });
      covered.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  // glossary terms outside quotes: 统筹推进五位一体总体布局
  let c = 0;
  covered.sort((a, b) => a.start - b.start);
  for (let i = 0; i < view.length; i++) {
    while (c < covered.length && covered[c].end <= i) c++;
    if (c < covered.length && covered[c].start <= i) { i = covered[c].end - 1; continue; }
    const form = glossary.matchAt(view, i);
    if (!form) continue;
    const entry = glossary.lookup(form)!;
    // numbered formulations are unmistakable in running text; other glossary terms are vocabulary there
    const vocabulary = !NUMBERED.test(entry.canonical) && !NUMBERED.test(form);
    hits.push({ start: i, end: i + form.length, key: entry.canonical, text: form, source: 'glossary', entry, vocabulary });
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
  const m = new RegExp(`^(?:新)?(${NUMERAL}{1,2})(?:个|项|种|大|条)(\\p{Script=Han}{2,4})$`, 'u').exec(slogan);
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

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function chineseNumber(s: string): number {
  if (s.length === 1) return DIGITS[s] || 0;
  if (s[0] === '十') return 10 + (DIGITS[s[1]] || 0);
  if (s[1] === '十') return (DIGITS[s[0]] || 0) * 10;
  return 0;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
