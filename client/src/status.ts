// The language status item: which script the article is in (繁 / 简 / 混合), from the server's
// status notification.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { t } from './i18n';
import { LANG } from './server';

const scripts = new Map<string, StatusParams>();
let item: vscode.LanguageStatusItem | undefined;

export function createStatus(context: vscode.ExtensionContext): (s: StatusParams) => void {
  item = vscode.languages.createLanguageStatusItem('zhArticle.script', { language: LANG });
  item.name = t('Chinese script', '文字');
  context.subscriptions.push(item, vscode.window.onDidChangeActiveTextEditor(update));
  return (s) => { scripts.set(s.uri, s); update(); };
}

function update(): void {
  const e = vscode.window.activeTextEditor;
  if (!item || !e) return;
  const s = scripts.get(e.document.uri.toString());
  if (!s) return;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  item.text = s.script === 'traditional' ? '繁' : s.script === 'simplified' ? '简' : s.script === 'mixed' ? `混合 繁${pct(s.traditionalShare)}` : '—';
  item.detail = t(`traditional ${pct(s.traditionalShare)} · simplified ${pct(s.simplifiedShare)}`, `繁体 ${pct(s.traditionalShare)} · 简体 ${pct(s.simplifiedShare)}`);
  item.severity = s.script === 'mixed' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = { title: t('Convert…', '转换…'), command: 'workbench.action.quickOpen', arguments: [t('>Chinese Article: Convert', '>中文报道: 转为')] };
}
