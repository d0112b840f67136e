// The zh-article extension: a thin client (as vscode-eslint's is). It starts the language
// server over IPC with an output channel that shows the server from its first line, switches
// mostly-Chinese .txt files to zh-article, and maps palette commands and code lenses onto the
// server's commands. All analysis lives in the server; each concern of the client has its module.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from '../../server/src/protocol';
import { watchOpenedDocuments } from './autoDetect';
import { convert, repairDocument } from './commands/edit';
import { reopenWithGb18030, setLanguage } from './commands/file';
import { goToReport, listSlogans, showLocations } from './commands/navigate';
import { t } from './i18n';
import { LANG, languageClient, setClient } from './server';
import { createStatus } from './status';
import { registerCorpusViews } from './views/corpusViews';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // the packaged extension ships a bundled server in dist/; the source tree runs server/out
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const output = vscode.window.createOutputChannel(t('Chinese Article', '中文报道'));
  context.subscriptions.push(output);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  output.appendLine(`zh-article ${version} · VS Code ${vscode.version} (${vscode.env.language}) · server ${module}` +
    (vscode.workspace.isTrusted ? '' : ` · ${t('restricted mode', '受限模式')}`));

  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    // every scheme: files, untitled documents and virtual workspaces (vscode-vfs://…) alike
    documentSelector: [{ language: LANG }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.zh-article/*.json') },
    outputChannel: output,
    initializationOptions,
  };
  const client = new LanguageClient('zhArticle', t('Chinese Article', '中文报道'), serverOptions, clientOptions);
  setClient(client);
  const onStatus = createStatus(context);

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  for (const [id, variant] of [['zhArticle.convertToSimplified', 'simplified'], ['zhArticle.convertToTraditional', 'traditional'], ['zhArticle.convertToTaiwan', 'taiwan'], ['zhArticle.convertToHongKong', 'hongkong']] as const) {
    register(id, () => convert(variant));
  }
  register('zhArticle.repairDocument', repairDocument);
  register('zhArticle.setLanguage', setLanguage);
  register('zhArticle.goToReport', goToReport);
  register('zhArticle.listSlogans', listSlogans);
  register('zhArticle.reopenWithGb18030', reopenWithGb18030);
  register('zhArticle.restartServer', async () => { await languageClient()?.restart(); });
  register(CLIENT_COMMANDS.showLocations, showLocations);

  watchOpenedDocuments(context);
  // trusting the workspace lifts restricted mode: the server starts again and reads .zh-article/
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    initializationOptions.trusted = true;
    output.appendLine(t('Workspace trusted: restarting the server.', '已信任工作区：重启语言服务器。'));
    void languageClient()?.restart();
  }));

  await client.start();
  registerCorpusViews(context, client);
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => onStatus(s)));
}

export async function deactivate(): Promise<void> {
  await languageClient()?.stop();
}
