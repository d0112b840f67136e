// Outline: one symbol per report — the headline (kicker and subtitle beneath), its date
// and bylines as detail — with captions, people and slogans as children. Also folding
// ranges per report and the code lens "5 people · 7 slogans · 2 repairs".
import { FoldingRangeKind, SymbolKind, type CodeLens, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import type { Report, Span } from '../analysis/types';
import type { Locale } from './messages';

const range = (doc: TextDocument, s: Span) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

export const reportDetail = (r: Report): string =>
  [r.date, ...r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`)].filter(Boolean).join(' · ');

/** Index of the report holding offset, by binary search over report starts (reports are in order). */
export function reportIndexAt(a: Analysis, off: number): number {
  let lo = 0, hi = a.reports.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.reports[mid].start <= off) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 && off <= a.reports[found].end ? found : -1;
}

interface Contents { people: Map<number, Span>; slogans: Map<string, { count: number; span: Span; text: string }>; repairs: number }

/** What each report holds, in one pass over people, slogans and findings. */
const contentsCache = new WeakMap<Analysis, Contents[]>();
export function reportContents(a: Analysis): Contents[] {
  const hit = contentsCache.get(a);
  if (hit) return hit;
  const out: Contents[] = a.reports.map(() => ({ people: new Map(), slogans: new Map(), repairs: 0 }));
  a.people.forEach((p, pi) => { for (const m of p.mentions) { const r = reportIndexAt(a, m.start); if (r >= 0 && m.end <= a.reports[r].end && !out[r].people.has(pi)) out[r].people.set(pi, m); } });
  for (const s of a.slogans) {
    if (s.vocabulary) continue;
    const r = reportIndexAt(a, s.start);
    if (r < 0 || s.end > a.reports[r].end) continue;
    const e = out[r].slogans.get(s.key);
    if (e) e.count++; else out[r].slogans.set(s.key, { count: 1, span: s, text: s.text });
  }
  for (const f of a.findings) { const r = reportIndexAt(a, f.start); if (r >= 0) out[r].repairs++; }
  contentsCache.set(a, out);
  return out;
}

export function documentSymbols(doc: TextDocument, a: Analysis): DocumentSymbol[] {
  const contents = reportContents(a);
  return a.reports.map((r, ri) => {
    const children: DocumentSymbol[] = [];
    const sel = range(doc, r.nameSpan);
    if (r.kicker) children.push({ name: r.kicker, detail: 'kicker', kind: SymbolKind.String, range: sel, selectionRange: sel });
    if (r.subtitle) children.push({ name: r.subtitle, detail: 'subtitle', kind: SymbolKind.String, range: sel, selectionRange: sel });
    for (const c of r.captions) children.push({ name: doc.getText(range(doc, c)).slice(0, 40), detail: 'caption', kind: SymbolKind.File, range: range(doc, c), selectionRange: range(doc, c) });
    for (const [pi, m] of contents[ri].people) {
      const p = a.people[pi];
      const first = range(doc, m);
      children.push({ name: p.name, detail: p.roles.join('、') || p.kind, kind: SymbolKind.Object, range: first, selectionRange: first });
    }
    for (const [, e] of contents[ri].slogans) children.push({ name: e.count > 1 ? `${e.text} ×${e.count}` : e.text, detail: 'slogan', kind: SymbolKind.Constant, range: range(doc, e.span), selectionRange: range(doc, e.span) });
    return { name: r.name || '—', detail: reportDetail(r), kind: SymbolKind.Module, range: range(doc, r), selectionRange: sel, children };
  });
}

export function foldingRanges(doc: TextDocument, a: Analysis): FoldingRange[] {
  return a.reports.map((r) => ({ startLine: doc.positionAt(r.start).line, endLine: doc.positionAt(r.end).line, kind: FoldingRangeKind.Region }))
    .filter((f) => f.endLine > f.startLine);
}

const LENS = { en: (p: number, s: number, r: number) => `${p} people · ${s} slogans · ${r} repairs`, zh: (p: number, s: number, r: number) => `${p} 人 · ${s} 条提法 · ${r} 处修复` };

export function codeLenses(doc: TextDocument, a: Analysis, locale: Locale): CodeLens[] {
  const contents = reportContents(a);
  return a.reports.map((r, ri) => {
    const c = contents[ri];
    const at = range(doc, r.nameSpan);
    return { range: { start: at.start, end: at.start }, command: { title: LENS[locale](c.people.size, c.slogans.size, c.repairs), command: '' } };
  });
}
