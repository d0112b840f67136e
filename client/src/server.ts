// The language client and the one way the commands reach the server (workspace/executeCommand).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './i18n';

export const LANG = 'zh-article';
let current: LanguageClient | undefined;

export const setClient = (c: LanguageClient | undefined): void => { current = c; };
export const languageClient = (): LanguageClient | undefined => current;

/** A server command's answer, or undefined after telling the user what went wrong. */
export async function runOnServer<T>(command: string, args: unknown[]): Promise<T | undefined> {
  if (!current) return undefined;
  try {
    return await current.sendRequest<T>('workspace/executeCommand', { command, arguments: args });
  } catch (e) {
    void vscode.window.showErrorMessage(t('Chinese Article: ', '中文报道：') + (e as Error).message);
    return undefined;
  }
}

export function articleEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  if (!e) { void vscode.window.showWarningMessage(t('Open a Chinese article first.', '请先打开一篇中文报道。')); return undefined; }
  return e;
}
