// Outline: one symbol per report — the headline (kicker and subtitle beneath), its date
// and bylines as detail — with captions, people and slogans as children. Also folding
// ranges per report and the code lenses "5 people | 7 slogans | 2 repairs" that peek at each.
import { FoldingRangeKind, SymbolKind, type CodeLens, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import type { Report, Span } from '../analysis/types';
import { linesOf } from './lines';
import type { Locale } from './messages';
import { CLIENT_COMMANDS, type ShowLocationsArgs } from '../protocol';

/**
 * What a feature computes from an analysis alone, kept with that analysis: the store gives the
 * same Analysis object until the document changes, so a repeated request costs nothing. The
 * counter says how many times each was computed (tests read it).
 */
export const computed = { documentSymbols: 0, foldingRanges: 0, codeLenses: 0 };
function cached<T>(cache: WeakMap<Analysis, T>, a: Analysis, make: () => T): T {
  let v = cache.get(a);
  if (v === undefined) { v = make(); cache.set(a, v); }
  return v;
}

/** What kind of report it is (a plain report says nothing), its date, every credited name by role, the page's source. */
export const reportDetail = (r: Report, locale: Locale = 'en'): string => {
  const d = DETAIL[locale];
  const kind = r.kind === 'photo' ? d.photo : r.kind === 'brief' ? d.brief : undefined;
  return [kind, r.date, ...r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`.trim()), r.meta?.source && `${d.source} ${r.meta.source}`].filter(Boolean).join(' · ');
};

/** Index of the report holding offset, by binary search over report starts (reports are in order). */
export function reportIndexAt(a: Analysis, off: number): number {
  let lo = 0, hi = a.reports.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.reports[mid].start <= off) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 && off <= a.reports[found].end ? found : -1;
}

interface Contents { people: Map<number, Span>; slogans: Map<string, { count: number; span: Span; text: string }>; repairs: number; findings: Span[] }

/** What each report holds, in one pass over people, slogans and findings. */
const contentsCache = new WeakMap<Analysis, Contents[]>();
export function reportContents(a: Analysis): Contents[] {
  const hit = contentsCache.get(a);
  if (hit) return hit;
  const out: Contents[] = a.reports.map(() => ({ people: new Map(), slogans: new Map(), repairs: 0, findings: [] }));
  a.people.forEach((p, pi) => { for (const m of p.mentions) { const r = reportIndexAt(a, m.start); if (r >= 0 && m.end <= a.reports[r].end && !out[r].people.has(pi)) out[r].people.set(pi, m); } });
  for (const s of a.slogans) {
    if (s.vocabulary) continue;
    const r = reportIndexAt(a, s.start);
    if (r < 0 || s.end > a.reports[r].end) continue;
    const e = out[r].slogans.get(s.key);
    if (e) e.count++; else out[r].slogans.set(s.key, { count: 1, span: s, text: s.text });
  }
  for (const f of a.findings) { const r = reportIndexAt(a, f.start); if (r >= 0) { out[r].repairs++; out[r].findings.push(f); } }
  contentsCache.set(a, out);
  return out;
}

/** what each child of a report is (and each kind of person), in the user's language */
export const DETAIL = {
  en: { kicker: 'kicker', subtitle: 'subtitle', caption: 'caption', slogan: 'slogan', official: 'official', reporter: 'reporter', photographer: 'photographer', other: 'person', photo: 'photo news', brief: 'brief', source: 'source' },
  zh: { kicker: '引题', subtitle: '副题', caption: '图片说明', slogan: '提法', official: '官员', reporter: '记者/通讯员', photographer: '摄影', other: '人物', photo: '图片新闻', brief: '简讯', source: '来源' },
};

const symbolCache = new WeakMap<Analysis, Partial<Record<Locale, DocumentSymbol[]>>>();
/** The outline (computed once per analysis and locale; the same array while the document is unchanged). */
export function documentSymbols(_doc: TextDocument, a: Analysis, locale: Locale = 'en'): DocumentSymbol[] {
  const byLocale = cached<Partial<Record<Locale, DocumentSymbol[]>>>(symbolCache, a, () => ({}));
  return (byLocale[locale] ??= (() => {
    computed.documentSymbols++;
    const d = DETAIL[locale];
    const contents = reportContents(a);
    const li = linesOf(a);
    return a.reports.map((r, ri) => {
      const children: DocumentSymbol[] = [];
      const whole = li.range(r);
      const sel = li.range(r.nameSpan);
      if (r.kicker) children.push({ name: r.kicker, detail: d.kicker, kind: SymbolKind.String, range: sel, selectionRange: sel });
      if (r.subtitle) children.push({ name: r.subtitle, detail: d.subtitle, kind: SymbolKind.String, range: sel, selectionRange: sel });
      for (const c of r.captions) {
        const at = li.range(c);
        children.push({ name: a.text.slice(c.start, Math.min(c.end, c.start + 40)), detail: d.caption, kind: SymbolKind.File, range: at, selectionRange: at });
      }
      for (const [pi, m] of contents[ri].people) {
        const p = a.people[pi];
        const first = li.range(m);
        children.push({ name: p.name, detail: p.roles.join('、') || d[p.kind], kind: SymbolKind.Object, range: first, selectionRange: first });
      }
      for (const [, e] of contents[ri].slogans) {
        const at = li.range(e.span);
        children.push({ name: e.count > 1 ? `${e.text} ×${e.count}` : e.text, detail: d.slogan, kind: SymbolKind.Constant, range: at, selectionRange: at });
      }
      return { name: r.name || '—', detail: reportDetail(r, locale), kind: SymbolKind.Module, range: whole, selectionRange: sel, children };
    });
  })());
}

const foldCache = new WeakMap<Analysis, FoldingRange[]>();
export function foldingRanges(_doc: TextDocument, a: Analysis): FoldingRange[] {
  return cached(foldCache, a, () => {
    computed.foldingRanges++;
    const li = linesOf(a);
    return a.reports.map((r) => ({ startLine: li.line(r.start), endLine: li.line(r.end), kind: FoldingRangeKind.Region }))
      .filter((f) => f.endLine > f.startLine);
  });
}

const LENS = {
  en: { people: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`, slogans: (n: number) => `${n} ${n === 1 ? 'slogan' : 'slogans'}`, repairs: (n: number) => `${n} ${n === 1 ? 'repair' : 'repairs'}` },
  zh: { people: (n: number) => `${n} 人`, slogans: (n: number) => `${n} 条提法`, repairs: (n: number) => `${n} 处修复` },
};

const lensCache = new WeakMap<Analysis, Partial<Record<Locale, CodeLens[]>>>();
/**
 * Above each report: "5 people | 7 slogans | 2 repairs", each a lens that peeks at what it
 * counts (the people's first mentions, the slogans' first occurrences, the damage).
 */
export function codeLenses(doc: TextDocument, a: Analysis, locale: Locale): CodeLens[] {
  const byLocale = cached<Partial<Record<Locale, CodeLens[]>>>(lensCache, a, () => ({}));
  return (byLocale[locale] ??= (() => {
    computed.codeLenses++;
    const contents = reportContents(a);
    const li = linesOf(a);
    // whole characters (range() never cuts a surrogate pair), on the span's first line
    const onFirstLine = (s: Span): Range => li.range({ start: s.start, end: Math.min(s.end, li.lineStart(li.position(s.start).line + 1) - 1) });
    return a.reports.flatMap((r, ri) => {
      const c = contents[ri];
      const at = li.position(r.nameSpan.start);
      const range = { start: at, end: at };
      const groups: [keyof typeof LENS.en, Span[]][] = [
        ['people', [...c.people.values()]],
        ['slogans', [...c.slogans.values()].map((e) => e.span)],
        ['repairs', c.findings],
      ];
      return groups.filter(([, spans]) => spans.length).map(([what, spans]): CodeLens => {
        const title = LENS[locale][what](what === 'repairs' ? c.repairs : spans.length);
        const args: ShowLocationsArgs = [doc.uri, at, spans.map((s) => ({ uri: doc.uri, range: onFirstLine(s) }))];
        return { range, command: { title, command: CLIENT_COMMANDS.showLocations, arguments: args } };
      });
    });
  })());
}
