// Outline: one symbol per report — the headline (kicker and subtitle beneath), its date
// and bylines as detail — with captions, people and slogans as children. Also folding
// ranges per report and the code lens "5 people · 7 slogans · 2 repairs".
import { FoldingRangeKind, SymbolKind, type CodeLens, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import type { Report, Span } from '../analysis/types';
import type { Locale } from './messages';

const range = (doc: TextDocument, s: Span) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
const inside = (r: Span, s: Span) => s.start >= r.start && s.end <= r.end;

export const reportDetail = (r: Report): string =>
  [r.date, ...r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`)].filter(Boolean).join(' · ');

export function documentSymbols(doc: TextDocument, a: Analysis): DocumentSymbol[] {
  return a.reports.map((r) => {
    const children: DocumentSymbol[] = [];
    const sel = range(doc, r.nameSpan);
    if (r.kicker) children.push({ name: r.kicker, detail: 'kicker', kind: SymbolKind.String, range: sel, selectionRange: sel });
    if (r.subtitle) children.push({ name: r.subtitle, detail: 'subtitle', kind: SymbolKind.String, range: sel, selectionRange: sel });
    for (const c of r.captions) children.push({ name: doc.getText(range(doc, c)).slice(0, 40), detail: 'caption', kind: SymbolKind.File, range: range(doc, c), selectionRange: range(doc, c) });
    for (const p of a.people) {
      const ms = p.mentions.filter((m) => inside(r, m));
      if (!ms.length) continue;
      const first = range(doc, ms[0]);
      children.push({ name: p.name, detail: p.roles.join('、') || p.kind, kind: SymbolKind.Object, range: first, selectionRange: first });
    }
    const seen = new Map<string, { count: number; span: Span; text: string }>();
    for (const s of a.slogans) if (!s.vocabulary && inside(r, s)) { const e = seen.get(s.key); if (e) e.count++; else seen.set(s.key, { count: 1, span: s, text: s.text }); }
    for (const [, e] of seen) children.push({ name: e.count > 1 ? `${e.text} ×${e.count}` : e.text, detail: 'slogan', kind: SymbolKind.Constant, range: range(doc, e.span), selectionRange: range(doc, e.span) });
    return { name: r.name || '—', detail: reportDetail(r), kind: SymbolKind.Module, range: range(doc, r), selectionRange: sel, children };
  });
}

export function foldingRanges(doc: TextDocument, a: Analysis): FoldingRange[] {
  return a.reports.map((r) => ({ startLine: doc.positionAt(r.start).line, endLine: doc.positionAt(r.end).line, kind: FoldingRangeKind.Region }))
    .filter((f) => f.endLine > f.startLine);
}

const LENS = { en: (p: number, s: number, r: number) => `${p} people · ${s} slogans · ${r} repairs`, zh: (p: number, s: number, r: number) => `${p} 人 · ${s} 条提法 · ${r} 处修复` };

export function codeLenses(doc: TextDocument, a: Analysis, locale: Locale): CodeLens[] {
  return a.reports.map((r) => {
    const people = a.people.filter((p) => p.mentions.some((m) => inside(r, m))).length;
    const slogans = new Set(a.slogans.filter((s) => !s.vocabulary && inside(r, s)).map((s) => s.key)).size;
    const repairs = a.findings.filter((f) => f.start >= r.start && f.start <= r.end).length;
    const at = range(doc, r.nameSpan);
    return { range: { start: at.start, end: at.start }, command: { title: LENS[locale](people, slogans, repairs), command: '' } };
  });
}
