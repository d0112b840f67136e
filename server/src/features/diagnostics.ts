// Diagnostics: each finding becomes a Diagnostic with a stable string code and its fix
// carried in `data` (with the document version), so code actions need no second analysis.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../analysis/types';
import type { Settings } from '../settings';
import type { Entry } from '../store';
import { linesOf } from './lines';
import { message, type Locale } from './messages';

/**
 * The fix a diagnostic carries: its changes as [start, end, newText] offsets into the version
 * v. Offsets, not ranges, because a long document publishes thousands of diagnostics on
 * every keystroke and ranges would triple their size; the code action converts them.
 */
export interface FixData { v: number; changes: [number, number, string][] }
export const SOURCE = 'zh-article';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export const editsOf = (doc: TextDocument, f: Pick<Finding, 'changes'>): TextEdit[] =>
  f.changes.map((c) => ({ range: { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, newText: c.text }));

/** The edits a diagnostic's data carries, if they were made for this version of the document. */
export function fixOf(doc: TextDocument, data: unknown): TextEdit[] | null {
  const d = data as Partial<FixData> | undefined;
  if (!d || d.v !== doc.version || !Array.isArray(d.changes) || !d.changes.length) return null;
  return editsOf(doc, { changes: d.changes.map(([start, end, text]) => ({ start, end, text })) });
}

export function toDiagnostics(doc: TextDocument, entry: Entry, settings: Settings, locale: Locale): Diagnostic[] {
  if (entry.tooLarge) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'file-too-large',
      message: message({ code: 'file-too-large', args: { size: entry.tooLarge.sizeMb, limit: entry.tooLarge.limitMb } }, locale) }];
  }
  const out: Diagnostic[] = [];
  // people, slogans and reports may not be computed yet: then the damage alone (all but mixed-script)
  const findings = entry.analysis?.findings ?? entry.damage?.findings ?? [];
  const li = linesOf(entry.damage ?? { text: '' });
  for (const f of findings) {
    const level = settings.diagnostics[f.code];
    if (level === 'off') continue;
    const data: FixData = { v: doc.version, changes: f.changes.map((c) => [c.start, c.end, c.text]) };
    out.push({ range: li.range(f), severity: SEVERITY[level], source: SOURCE, code: f.code, message: message(f, locale), data });
  }
  return out;
}
