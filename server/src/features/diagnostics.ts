// Diagnostics: each finding becomes a Diagnostic with a stable string code and its fix
// carried in `data` (with the document version), so code actions need no second analysis.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../analysis/types';
import type { Settings } from '../settings';
import type { Entry } from '../store';
import { message, type Locale } from './messages';

export interface FixData { v: number; edits: TextEdit[] }
export const SOURCE = 'zh-article';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export const editsOf = (doc: TextDocument, f: Pick<Finding, 'changes'>): TextEdit[] =>
  f.changes.map((c) => ({ range: { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, newText: c.text }));

export function toDiagnostics(doc: TextDocument, entry: Entry, settings: Settings, locale: Locale): Diagnostic[] {
  if (entry.tooLarge) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'file-too-large',
      message: message({ code: 'file-too-large', args: { size: entry.tooLarge.sizeMb, limit: entry.tooLarge.limitMb } }, locale) }];
  }
  const out: Diagnostic[] = [];
  // people, slogans and reports may not be computed yet: then the damage alone (all but mixed-script)
  for (const f of entry.analysis?.findings ?? entry.damage?.findings ?? []) {
    const level = settings.diagnostics[f.code];
    if (level === 'off') continue;
    const data: FixData = { v: doc.version, edits: editsOf(doc, f) };
    out.push({ range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) }, severity: SEVERITY[level], source: SOURCE, code: f.code, message: message(f, locale), data });
  }
  return out;
}
