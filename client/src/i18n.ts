// The client's few messages in the user's language: English, or Chinese when VS Code runs in Chinese.
import * as vscode from 'vscode';

export const zh = vscode.env.language.toLowerCase().startsWith('zh');
export const t = (en: string, cn: string): string => (zh ? cn : en);
