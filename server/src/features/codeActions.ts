// Code actions: a quick fix per diagnostic (its edit comes from Diagnostic.data and is
// offered only while the document version still matches), "Not a person" on a name,
// and source.fixAll.zh-article — every safe fix as one edit. The light bulb (no `only`,
// asked on every cursor move) never computes that edit: it offers fix-all as the repair
// command, which computes it when chosen.
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DamageCode } from '../analysis/types';
import { COMMANDS } from '../protocol';
import type { Context } from './context';
import { editsOf, fixOf, SOURCE } from './diagnostics';
import { fixAllChanges, hasFixAll } from './fixAll';
import { findAt, mentionsOf } from './hover';
import { fixTitle, title } from './messages';
import { isDiagnosticLike } from './params';

export const FIX_ALL_KIND = 'source.fixAll.zh-article';

export async function codeActions(ctx: Context, doc: TextDocument, params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (!isDiagnosticLike(d) || d.source !== SOURCE) continue;
      const code = d.code as DamageCode;
      if (code === 'mojibake') {
        out.push({ title: fixTitle(code, ctx.locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title: fixTitle(code, ctx.locale), command: 'zhArticle.reopenWithGb18030', arguments: [doc.uri] } });
        continue;
      }
      if (code === 'too-many-problems' || code === 'file-too-large') {
        if (code === 'too-many-problems') out.push({ title: fixTitle(code, ctx.locale), kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: fixTitle(code, ctx.locale), command: 'zhArticle.repairDocument' } });
        const setting = code === 'too-many-problems' ? 'zhArticle.maxNumberOfProblems' : 'zhArticle.maxFileSize';
        out.push({ title: `${title('openSettings', ctx.locale)} (${setting})`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: title('openSettings', ctx.locale), command: 'workbench.action.openSettings', arguments: [setting] } });
        continue;
      }
      const edits = fixOf(doc, d);
      if (!edits) continue;
      out.push({ title: fixTitle(code, ctx.locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: edits } } });
    }
    // asked on every cursor move: a long text not yet analysed offers "Not a person" once it is
    const a = ctx.store.analysisIfCheap(doc);
    if (a) {
      const m = findAt(mentionsOf(a), doc.offsetAt(params.range.start));
      if (m) {
        const name = a.people[m.person].key;
        out.push({ title: title('notPerson', ctx.locale) + a.people[m.person].name, kind: CodeActionKind.QuickFix, command: { title: title('notPerson', ctx.locale), command: 'zh-article.server.notAPerson', arguments: [doc.uri, name] } });
      }
    }
  }
  // 'source.fixAll' asks for its sub-kinds too, so wants() covers it
  if (only && wants(FIX_ALL_KIND)) {
    const { changes } = await fixAllChanges(ctx, doc, token);
    if (changes.length) out.push({ title: title('fixAll', ctx.locale), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: editsOf(doc, { changes }) } } });
  } else if (!only && (await hasFixAll(ctx, doc))) {
    const t = title('fixAll', ctx.locale);
    out.push({ title: t, kind: FIX_ALL_KIND, command: { title: t, command: COMMANDS.repair, arguments: [doc.uri] } });
  }
  return out;
}

