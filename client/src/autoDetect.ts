// Zero configuration: a .txt that is mostly Chinese becomes a Chinese article.
import * as vscode from 'vscode';
import { LANG } from './server';

/** ≥30% Han in the first 4 KB (not counting white space). */
function hanShare(text: string): number {
  const sample = text.slice(0, 4096).replace(/\s+/gu, '');
  if (!sample) return 0;
  return (sample.match(/\p{Script=Han}/gu) || []).length / [...sample].length;
}

export async function autoDetect(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || !/\.txt$/iu.test(doc.fileName)) return;
  if (!vscode.workspace.getConfiguration('zhArticle', doc).get<boolean>('autoDetect', true)) return;
  if (hanShare(doc.getText()) >= 0.3) await vscode.languages.setTextDocumentLanguage(doc, LANG);
}

export function watchOpenedDocuments(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void autoDetect(d)));
  for (const d of vscode.workspace.textDocuments) void autoDetect(d);
}
