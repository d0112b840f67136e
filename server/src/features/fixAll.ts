// Fix-all: every fix the settings call safe, as changes to the current text, repaired to a
// fixed point (source.fixAll, the Repair Document command, and the light bulb's offer).
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { repairDocument } from '../analysis/index';
import type { DamageCode, TextChange } from '../analysis/types';
import type { Settings } from '../settings';
import type { Context } from './context';

/** Is there anything for fix-all to do? Cheap: the damage of this version is already analysed. */
export async function hasFixAll(ctx: Context, doc: TextDocument): Promise<boolean> {
  const codes = new Set(fixAllCodes(await ctx.settings(doc.uri)));
  const findings = ctx.store.get(doc).damage?.findings ?? [];
  return findings.some((f) => codes.has(f.code) && f.changes.length > 0);
}

const fixAllCodes = (settings: Settings) => settings.fixAll.filter((c) => settings.diagnostics[c] !== 'off');

/** Every fix the settings call safe, as changes to the current text (fix-all and the Repair Document command). */
export async function fixAllChanges(ctx: Context, doc: TextDocument, token?: CancellationToken): Promise<{ changes: TextChange[]; applied: Partial<Record<DamageCode, number>> }> {
  const codes = fixAllCodes(await ctx.settings(doc.uri));
  // let a $/cancelRequest that came meanwhile be read before the long part
  await new Promise((resolve) => setImmediate(resolve));
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  // the damage suffices unless a half-converted report is to be unified
  const first = codes.includes('mixed-script') ? ctx.store.analysis(doc) : ctx.store.get(doc).damage;
  if (!first) return { changes: [], applied: {} };
  const { changes, applied } = repairDocument(first.text, codes, { glossary: ctx.store.glossary, people: ctx.store.people, convertPhrases: ctx.store.convertPhrases }, first);
  return { changes, applied };
}
