// Commands about the file itself: treat it as a Chinese article, reopen it as GB18030.
import * as vscode from 'vscode';
import { t } from '../i18n';
import { LANG } from '../server';

export async function setLanguage(): Promise<void> {
  const e = vscode.window.activeTextEditor;
  if (e) await vscode.languages.setTextDocumentLanguage(e.document, LANG);
}

/** Reopen the file decoded as GB18030 (the usual cure for mojibake in Chinese text files). */
export async function reopenWithGb18030(uri?: string): Promise<vscode.TextDocument | undefined> {
  const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
  if (!target) return undefined;
  const open = vscode.workspace.openTextDocument as unknown as (u: vscode.Uri, o: { encoding: string }) => Thenable<vscode.TextDocument>;
  try {
    const doc = await open(target, { encoding: 'gb18030' });
    await vscode.window.showTextDocument(doc);
    return doc;
  } catch {
    // older VS Code: let the user pick the encoding
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    void vscode.window.showInformationMessage(t('Choose "Reopen with Encoding", then GB18030.', '请选择“通过编码重新打开”，再选 GB18030。'));
    return undefined;
  }
}
