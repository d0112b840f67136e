// Server-side commands (workspace/executeCommand), so every LSP editor has them:
// repair, conversion (selection or document, one edit), the workspace's reports and
// slogans, "Not a person" and the export of the corpus's annotations. Each edit goes out as
// workspace/applyEdit.
import type { Range } from 'vscode-languageserver/node';
import { convertEdits, VARIANTS } from '../analysis/script';
import { surnameShields } from '../analysis/index';
import { fixAllChanges } from './fixAll';
import type { Context } from './context';
import { editsOf } from './diagnostics';
import { errorMessage, repairSummary, title } from './messages';
import { isRange } from './params';
import { addNotPerson, userFilePath } from './userFiles';
import { CommandError } from './commandError';
import { exportAnnotations } from './corpus';
import { COMMANDS, type ConvertResult, type ExportFormat, type NotAPersonResult, type RepairResult, type ReportsResult, type SloganOccurrencesResult, type SlogansResult, type Variant } from '../protocol';

export { COMMANDS };

export { CommandError };

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export async function executeCommand(ctx: Context, command: string, args: unknown[] = []): Promise<unknown> {
  switch (command) {
    case COMMANDS.repair: return repair(ctx, uriArg(args[0]));
    case COMMANDS.convert: {
      const range = args[2];
      if (range !== undefined && range !== null && !isRange(range)) throw new CommandError('The range must be { start, end } positions with non-negative integers, or null for the whole document.');
      return convert(ctx, uriArg(args[0]), args[1] as Variant, range ?? undefined);
    }
    case COMMANDS.reports: await ctx.index.scan(); return reports(ctx);
    case COMMANDS.slogans: await ctx.index.scan(); return slogans(ctx);
    case COMMANDS.sloganOccurrences: await ctx.index.scan(); return sloganOccurrences(ctx, String(args[0]));
    case COMMANDS.notAPerson: return notAPerson(ctx, uriArg(args[0]), nameArg(args[1]));
    case COMMANDS.exportAnnotations: return exportAnnotations(ctx, String(args[0]), args[1] as ExportFormat);
    default: throw new CommandError(`Unknown command ${command}`);
  }
}

function uriArg(x: unknown): string {
  if (typeof x !== 'string' || !x) throw new CommandError('The first argument must be the document URI (a string).');
  return x;
}

// a name as the analysis finds them: a few Chinese characters, perhaps with a middle dot
const NAME = /^[\p{Script=Han}·•・]{1,12}$/u;
function nameArg(x: unknown): string {
  const name = typeof x === 'string' ? x.trim() : '';
  if (!NAME.test(name)) throw new CommandError(`"${String(x).slice(0, 40)}" is not a name: give the name as written, in Chinese characters.`);
  return name;
}

function docOf(ctx: Context, uri: string) {
  const doc = ctx.documents.get(uri);
  if (!doc) throw new CommandError(errorMessage('notOpen', ctx.locale, uri));
  return doc;
}

async function repair(ctx: Context, uri: string): Promise<RepairResult> {
  const doc = docOf(ctx, uri);
  const { changes, applied } = await fixAllChanges(ctx, doc);
  if (changes.length) await ctx.connection.workspace.applyEdit({ label: title('repairEdit', ctx.locale), edit: { changes: { [uri]: editsOf(doc, { changes }) } } });
  return { applied, changes: changes.length, summary: repairSummary(applied, ctx.locale) };
}

async function convert(ctx: Context, uri: string, variant: Variant, range?: Range): Promise<ConvertResult> {
  if (!VARIANTS.includes(variant)) throw new CommandError(`Unknown variant "${variant}"; use one of ${VARIANTS.join(', ')}.`);
  const doc = docOf(ctx, uri);
  const text = doc.getText();
  let from = range ? doc.offsetAt(range.start) : 0, to = range ? doc.offsetAt(range.end) : text.length;
  if (from > to) [from, to] = [to, from];
  // whole characters: a range that cuts a surrogate pair takes all of it
  if (isLowSurrogate(text.charCodeAt(from)) && from > 0) from--;
  if (isLowSurrogate(text.charCodeAt(to)) && to < text.length) to++;
  const part = text.slice(from, to);
  // the surnames of the people the analysis found (user-listed names included) keep their characters
  const a = ctx.store.analysis(doc);
  const protect = surnameShields(a?.people ?? [], from, to);
  const progress = text.length > 500_000 ? await ctx.connection.window.createWorkDoneProgress() : null;
  progress?.begin(title('converting', ctx.locale), 0, undefined, false);
  const edits = convertEdits(part, variant, { protect, phrases: ctx.store.convertPhrases }).map((e) => ({ start: e.start + from, end: e.end + from, text: e.text }));
  progress?.done();
  if (edits.length) await ctx.connection.workspace.applyEdit({ label: `${title('convertEdit', ctx.locale)}: ${variant}`, edit: { changes: { [uri]: editsOf(doc, { changes: edits }) } } });
  return { changed: edits.length, protected: protect.length };
}

function reports(ctx: Context): ReportsResult {
  return ctx.index.all().flatMap((f) => f.reports.map((r) => ({ uri: f.uri, file: f.file, name: r.name, date: r.date, bylines: r.bylines, start: r.start, range: r.range })));
}

function slogans(ctx: Context): SlogansResult {
  const total = new Map<string, { count: number; files: number }>();
  for (const f of ctx.index.all()) for (const [k, at] of f.slogans) { const t = total.get(k) || { count: 0, files: 0 }; t.count += at.length; t.files++; total.set(k, t); }
  return [...total].map(([slogan, t]) => ({ slogan, ...t })).sort((a, b) => b.count - a.count);
}

function sloganOccurrences(ctx: Context, key: string): SloganOccurrencesResult {
  return ctx.index.all().flatMap((f) => (f.slogans.get(key) ?? []).map((range) => ({ uri: f.uri, range })));
}

/** Record a false positive in .zh-article/people.json; it applies at once. */
async function notAPerson(ctx: Context, uri: string, name: string): Promise<NotAPersonResult> {
  if (!ctx.trusted) throw new CommandError(errorMessage('restricted', ctx.locale));
  let written;
  if (!userFilePath(ctx.root, uri, 'people.json')) throw new CommandError(errorMessage('noFolder', ctx.locale, uri));
  try { written = await addNotPerson(ctx.root, uri, name); } catch (e) { throw new CommandError((e as Error).message); }
  ctx.store.people = { names: written.names, notPeople: written.notPeople };
  ctx.store.invalidate();
  return { file: written.file };
}
