// The zh-article extension: a thin client (as vscode-eslint's is). It starts the
// language server over IPC, switches mostly-Chinese .txt files to zh-article, and maps
// palette commands onto the server's commands. All analysis lives in the server.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  COMMANDS, STATUS_NOTIFICATION, type ConvertArgs, type ConvertResult, type RepairArgs, type RepairResult, type ReportsResult,
  type SlogansResult, type StatusParams, type Variant,
} from '../../server/src/protocol';

const LANG = 'zh-article';
let client: LanguageClient | undefined;
let status: vscode.LanguageStatusItem | undefined;
const scripts = new Map<string, StatusParams>();
const zh = vscode.env.language.toLowerCase().startsWith('zh');
const t = (en: string, cn: string) => (zh ? cn : en);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // the packaged extension ships a bundled server in dist/; the source tree runs server/out
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANG, scheme: 'file' }, { language: LANG, scheme: 'untitled' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.zh-article/*.json') },
    outputChannelName: 'Chinese Article',
  };
  client = new LanguageClient('zhArticle', t('Chinese Article', '中文报道'), serverOptions, clientOptions);

  status = vscode.languages.createLanguageStatusItem('zhArticle.script', { language: LANG });
  status.name = t('Chinese script', '文字');
  context.subscriptions.push(status);

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  for (const [id, variant] of [['zhArticle.convertToSimplified', 'simplified'], ['zhArticle.convertToTraditional', 'traditional'], ['zhArticle.convertToTaiwan', 'taiwan'], ['zhArticle.convertToHongKong', 'hongkong']] as const) {
    register(id, () => convert(variant));
  }
  register('zhArticle.repairDocument', repairDocument);
  register('zhArticle.setLanguage', async () => { const e = vscode.window.activeTextEditor; if (e) await vscode.languages.setTextDocumentLanguage(e.document, LANG); });
  register('zhArticle.goToReport', goToReport);
  register('zhArticle.listSlogans', listSlogans);
  register('zhArticle.reopenWithGb18030', reopenWithGb18030);
  register('zhArticle.restartServer', async () => { await client?.restart(); });

  // zero configuration: a .txt that is mostly Chinese becomes a Chinese article
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void autoDetect(d)));
  for (const d of vscode.workspace.textDocuments) void autoDetect(d);
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateStatus));

  await client.start();
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
    scripts.set(s.uri, s);
    updateStatus();
  }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** ≥30% Han in the first 4 KB (not counting white space). */
function hanShare(text: string): number {
  const sample = text.slice(0, 4096).replace(/\s+/gu, '');
  if (!sample) return 0;
  return (sample.match(/\p{Script=Han}/gu) || []).length / [...sample].length;
}

async function autoDetect(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || !/\.txt$/iu.test(doc.fileName)) return;
  if (!vscode.workspace.getConfiguration('zhArticle', doc).get<boolean>('autoDetect', true)) return;
  if (hanShare(doc.getText()) >= 0.3) await vscode.languages.setTextDocumentLanguage(doc, LANG);
}

function updateStatus(): void {
  const e = vscode.window.activeTextEditor;
  if (!status || !e) return;
  const s = scripts.get(e.document.uri.toString());
  if (!s) return;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  status.text = s.script === 'traditional' ? '繁' : s.script === 'simplified' ? '简' : s.script === 'mixed' ? `混合 繁${pct(s.traditionalShare)}` : '—';
  status.detail = t(`traditional ${pct(s.traditionalShare)} · simplified ${pct(s.simplifiedShare)}`, `繁体 ${pct(s.traditionalShare)} · 简体 ${pct(s.simplifiedShare)}`);
  status.severity = s.script === 'mixed' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  status.command = { title: t('Convert…', '转换…'), command: 'workbench.action.quickOpen', arguments: ['>Chinese Article: Convert'] };
}

async function run<T>(command: string, args: unknown[]): Promise<T | undefined> {
  if (!client) return undefined;
  try {
    return await client.sendRequest<T>('workspace/executeCommand', { command, arguments: args });
  } catch (e) {
    void vscode.window.showErrorMessage(t('Chinese Article: ', '中文报道：') + (e as Error).message);
    return undefined;
  }
}

function articleEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  if (!e) { void vscode.window.showWarningMessage(t('Open a Chinese article first.', '请先打开一篇中文报道。')); return undefined; }
  return e;
}

async function convert(variant: Variant): Promise<void> {
  const e = articleEditor();
  if (!e) return;
  const sel = e.selection.isEmpty ? undefined : client!.code2ProtocolConverter.asRange(e.selection);
  const big = e.document.getText().length > 500_000;
  const args: ConvertArgs = [e.document.uri.toString(), variant, sel];
  const work = () => run<ConvertResult>(COMMANDS.convert, args);
  if (big) await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Converting…', '正在转换…') }, work);
  else await work();
}

async function repairDocument(): Promise<void> {
  const e = articleEditor();
  if (!e) return;
  const args: RepairArgs = [e.document.uri.toString()];
  const r = await run<RepairResult>(COMMANDS.repair, args);
  if (!r) return;
  const parts = Object.entries(r.applied).map(([code, n]) => `${code} ×${n}`);
  void vscode.window.showInformationMessage(parts.length ? t('Repaired: ', '已修复：') + parts.join(', ') : t('Nothing to repair.', '没有需要修复的地方。'));
}

async function goToReport(): Promise<void> {
  const reports = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Indexing reports…', '正在索引报道…') },
    () => run<ReportsResult>(COMMANDS.reports, []));
  if (!reports?.length) { void vscode.window.showInformationMessage(t('No reports found in the workspace.', '工作区中没有找到报道。')); return; }
  const pick = await vscode.window.showQuickPick(reports.map((r) => ({
    label: r.name, description: [r.date, r.bylines.map((b) => `${b.role} ${b.names.join(' ')}`).join(' ')].filter(Boolean).join(' · '), detail: r.file, r,
  })), { placeHolder: t('Go to report', '转到报道'), matchOnDescription: true, matchOnDetail: true });
  if (!pick) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(pick.r.uri));
  const pos = doc.positionAt(pick.r.start);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}

async function listSlogans(): Promise<void> {
  const list = await run<SlogansResult>(COMMANDS.slogans, []);
  if (!list?.length) { void vscode.window.showInformationMessage(t('No slogans found in the workspace.', '工作区中没有找到提法。')); return; }
  await vscode.window.showQuickPick(list.map((s) => ({ label: s.slogan, description: t(`${s.count}× in ${s.files} file(s)`, `${s.count} 次 · ${s.files} 个文件`) })), { placeHolder: t('Slogans by frequency', '提法（按出现次数）') });
}

/** Reopen the file decoded as GB18030 (the usual cure for mojibake in Chinese text files). */
async function reopenWithGb18030(uri?: string): Promise<void> {
  const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
  if (!target) return;
  const open = vscode.workspace.openTextDocument as unknown as (u: vscode.Uri, o: { encoding: string }) => Thenable<vscode.TextDocument>;
  try {
    const doc = await open(target, { encoding: 'gb18030' });
    await vscode.window.showTextDocument(doc);
  } catch {
    // older VS Code: let the user pick the encoding
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    void vscode.window.showInformationMessage(t('Choose "Reopen with Encoding", then GB18030.', '请选择“通过编码重新打开”，再选 GB18030。'));
  }
}
