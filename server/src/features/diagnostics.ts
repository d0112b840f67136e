// Diagnostics: each finding becomes a Diagnostic with a stable string code and its fix
// carried in `data` (with the document version), so code actions need no second analysis.
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { firstFrom } from '../analysis/text';
import type { Finding, Span } from '../analysis/types';
import type { Level, Settings } from '../settings';
import type { Entry } from '../store';
import { linesOf, type LineIndex } from './lines';
import { message, type Locale } from './messages';

/**
 * The fix a diagnostic carries: its changes as [start, end, newText] for the version v, in
 * offsets from the start of the diagnostic's first line. Offsets, not ranges, and relative
 * ones, because a long document publishes a thousand diagnostics on every keystroke and
 * ranges or absolute offsets would make them twice as long; the code action converts them.
 */
export interface FixData { v: number; changes: [number, number, string][] }
export const SOURCE = 'zh-article';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export const editsOf = (doc: TextDocument, f: Pick<Finding, 'changes'>): TextEdit[] =>
  f.changes.map((c) => ({ range: { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, newText: c.text }));

/** The edits a diagnostic's data carries, if they were made for this version of the document. */
export function fixOf(doc: TextDocument, diagnostic: Pick<Diagnostic, 'data' | 'range'>): TextEdit[] | null {
  const d = diagnostic.data as Partial<FixData> | undefined;
  if (!d || d.v !== doc.version || !Array.isArray(d.changes) || !d.changes.length) return null;
  // the client sends data back as it got it, but it is only JSON from outside: check its shape
  const base = doc.offsetAt({ line: diagnostic.range.start.line, character: 0 }), length = doc.getText().length;
  const isOffset = (x: unknown): x is number => Number.isInteger(x) && base + (x as number) >= 0 && base + (x as number) <= length;
  const wellFormed = d.changes.every((c) => Array.isArray(c) && isOffset(c[0]) && isOffset(c[1]) && c[0] <= c[1] && typeof c[2] === 'string');
  if (!wellFormed) return null;
  return editsOf(doc, { changes: d.changes.map(([start, end, text]) => ({ start: base + start, end: base + end, text })) });
}

export function toDiagnostics(doc: TextDocument, entry: Entry, settings: Settings, locale: Locale): Diagnostic[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (entry.tooLarge) {
    return [{ range: top, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'file-too-large',
      message: message({ code: 'file-too-large', args: { size: entry.tooLarge.sizeMb, limit: entry.tooLarge.limitMb } }, locale) }];
  }
  // people, slogans and reports may not be computed yet: then the damage alone (all but mixed-script)
  const all = entry.analysis?.findings ?? entry.damage?.findings ?? [];
  const levels = settings.diagnostics;
  const shown = all.some((f) => levels[f.code] === 'off') ? all.filter((f) => levels[f.code] !== 'off') : all;
  const near = entry.damage?.edited;
  const max = settings.maxNumberOfProblems;
  const capped = max > 0 && shown.length > max;
  const notify = capped && levels['too-many-problems'] !== 'off';
  // the mojibake notice stays whatever is edited: it concerns the whole file
  const pinned = capped && shown[0]?.code === 'mojibake' ? [shown[0]] : [];
  const findings = capped ? pinned.concat(nearest(shown.slice(pinned.length), near ?? 0, max - (notify ? 1 : 0) - pinned.length)) : shown;
  const li = linesOf(entry.damage ?? { text: '' });
  const out: Diagnostic[] = [];
  if (notify) {
    const notice = { code: 'too-many-problems' as const, args: { total: shown.length, shown: findings.length, near: near === undefined ? 'top' : 'edit' } };
    out.push({ range: top, severity: SEVERITY[levels['too-many-problems'] as Exclude<Level, 'off'>], source: SOURCE, code: notice.code, message: message(notice, locale) });
  }
  for (const f of findings) {
    const range = f.code === 'hard-wrap' ? firstBreak(li, f) : li.range(f), base = li.lineStart(range.start.line);
    const data: FixData = { v: doc.version, changes: f.changes.map((c) => [c.start - base, c.end - base, c.text]) };
    out.push({ range, severity: SEVERITY[levels[f.code] as Exclude<Level, 'off'>], source: SOURCE, code: f.code, message: message(f, locale), data });
  }
  return out;
}

/**
 * Where a wrapped paragraph is flagged: on its first line break (the end of its first line to
 * the start of the second), not over the whole paragraph, so that a wrapped page is not
 * squiggled on every line and hovers on its names and slogans open with their own card.
 */
function firstBreak(li: LineIndex, f: Span): Range {
  const line = li.line(f.start);
  if (li.line(f.end) === line) return li.range(f);
  const end = { line: line + 1, character: 0 };
  return { start: li.position(li.lineStart(line + 1) - 1), end };
}

/** The `count` findings (sorted by start) around offset `at`: half before it, half from it on. */
function nearest(findings: Finding[], at: number, count: number): Finding[] {
  const lo = firstFrom(findings, at, (f) => f.start);
  const from = Math.max(0, Math.min(lo - (count >> 1), findings.length - count));
  return findings.slice(from, from + count);
}
