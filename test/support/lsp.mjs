// A real LSP client (vscode-languageserver-protocol over stdio) for protocol tests,
// in the spirit of rust-analyzer's: spawn the server, speak the protocol, assert answers.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

/** rootUri: the workspace root (rootUri only); folder: a workspace folder on disk (rootUri and workspaceFolders);
 * initializationOptions: what the VS Code client sends (e.g. { trusted: false });
 * notifications (returned): every other notification the server sent, in order */
export async function startServer({ config = null, locale = 'en', server = resolve(ROOT, 'server/out/server.js'), rootUri = null, folder = null, initializationOptions = undefined } = {}) {
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map();
  const waiters = [];
  const applied = [];
  const logs = [];
  let settings = config;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    diagnostics.set(p.uri, p);
    for (const w of [...waiters]) if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  conn.onNotification('window/logMessage', (p) => { logs.push(p.message); });
  const notifications = [];
  conn.onNotification((method, params) => { notifications.push({ method, params }); });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('workspace/applyEdit', (p) => { applied.push(p.edit); return { applied: true }; });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: folder ? pathToFileURL(folder).href : rootUri, locale, initializationOptions,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
    capabilities: { workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
  });
  conn.sendNotification('initialized', {});
  let version = 0;
  return {
    conn, init, proc, applied, logs, notifications, get stderr() { return stderr; },
    setSettings(s) { settings = s; conn.sendNotification('workspace/didChangeConfiguration', { settings: null }); },
    diagnosticsFor(uri, v) {
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error('no diagnostics for ' + uri)), 60000);
        waiters.push({ uri, version: v, resolve: (p) => { clearTimeout(t); res(p.diagnostics); } });
      });
    },
    /** open a document: a name under /tmp/zh-article-tests, or a whole URI (any scheme) */
    async open(name, text) {
      const uri = /^[a-z][\w+.-]*:/.test(name) ? name : pathToFileURL(resolve('/tmp/zh-article-tests', name)).href;
      const v = ++version;
      const p = this.diagnosticsFor(uri, v);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: v, text } });
      return { uri, diagnostics: await p, version: v };
    },
    request: (m, p) => conn.sendRequest(m, p),
    alive: () => proc.exitCode === null && !proc.killed,
    async stop() { try { await conn.sendRequest('shutdown'); conn.sendNotification('exit'); } catch { /* gone */ } setTimeout(() => proc.kill(), 2000).unref(); conn.dispose(); },
  };
}

export function positionOf(text, needle) {
  const off = text.indexOf(needle);
  if (off < 0) throw new Error('not in text: ' + needle);
  const before = text.slice(0, off);
  return { line: before.split('\n').length - 1, character: off - (before.lastIndexOf('\n') + 1) };
}

export function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

export const han = (s) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');
export const hoverText = (h) => (h ? (typeof h.contents === 'string' ? h.contents : h.contents.value ?? h.contents.map?.((x) => x.value ?? x).join('\n')) : '');
