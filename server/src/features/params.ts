// Request parameters are checked before any feature reads them: a malformed request gets
// InvalidParams (-32602) with a message saying what is wrong, never a TypeError in the log.
// Positions that are well formed but past the end are not errors: TextDocument clamps them.
import type { CodeActionContext, Position, Range } from 'vscode-languageserver/node';

export class InvalidParams extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0x7fffffff;

export function isPosition(x: unknown): x is Position {
  return isObject(x) && isIndex(x.line) && isIndex(x.character);
}
export function isRange(x: unknown): x is Range {
  return isObject(x) && isPosition(x.start) && isPosition(x.end);
}

/** The document a request names: `{ textDocument: { uri: string } }`. */
export function checkTextDocument(p: unknown): asserts p is { textDocument: { uri: string } } {
  if (!isObject(p) || !isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') throw new InvalidParams('textDocument.uri (a string) is required');
}

export function checkPosition(p: Record<string, unknown>): void {
  if (!isPosition(p.position)) throw new InvalidParams('position must be { line, character } with non-negative integers');
}

/** codeAction's range and context; `only` must be an array of kinds when given. */
export function checkCodeAction(p: Record<string, unknown>): asserts p is { range: Range; context: CodeActionContext } & Record<string, unknown> {
  if (!isRange(p.range)) throw new InvalidParams('range must be { start, end } positions with non-negative integers');
  const c = p.context;
  if (!isObject(c) || !Array.isArray(c.diagnostics)) throw new InvalidParams('context.diagnostics (an array) is required');
  if (c.only !== undefined && c.only !== null && !(Array.isArray(c.only) && c.only.every((k) => typeof k === 'string'))) throw new InvalidParams('context.only must be an array of code action kinds');
}

/** A diagnostic the client sent back: only well-formed ones of ours are looked at. */
export function isDiagnosticLike(d: unknown): d is { range: Range; code?: unknown; source?: unknown; data?: unknown } {
  return isObject(d) && isRange(d.range);
}
