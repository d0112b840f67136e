// Commands that edit the article: the four conversions and Repair Document (one edit each,
// applied by the server through workspace/applyEdit).
import * as vscode from 'vscode';
import { COMMANDS, type ConvertArgs, type ConvertResult, type RepairArgs, type RepairResult, type Variant } from '../../../server/src/protocol';
import { t } from '../i18n';
import { articleEditor, languageClient, runOnServer } from '../server';

export async function convert(variant: Variant): Promise<ConvertResult | undefined> {
  const e = articleEditor();
  const client = languageClient();
  if (!e || !client) return undefined;
  const sel = e.selection.isEmpty ? undefined : client.code2ProtocolConverter.asRange(e.selection);
  const args: ConvertArgs = [e.document.uri.toString(), variant, sel];
  const work = () => runOnServer<ConvertResult>(COMMANDS.convert, args);
  if (e.document.getText().length <= 500_000) return work();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Converting…', '正在转换…') }, work);
}

/** Every safe repair as one edit; the server says what it did in the user's language. */
export async function repairDocument(): Promise<RepairResult | undefined> {
  const e = articleEditor();
  if (!e) return undefined;
  const args: RepairArgs = [e.document.uri.toString()];
  const r = await runOnServer<RepairResult>(COMMANDS.repair, args);
  if (r) void vscode.window.showInformationMessage(r.summary);
  return r;
}
