// The server answers whatever it is sent as LSP says: lifecycle errors, InvalidParams for
// malformed requests, null for documents it does not have, and the light bulb never computes
// the whole fix-all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { ROOT, startServer } from '../support/lsp.mjs';

const TEXT = '区委召开常委会会议,研究部署工作。\n\n会议强调，要坚定信心\n\n奋力完成全年目标任务。\n';
const pos = (line, character) => ({ line, character });

test('requests before initialize get -32002, after shutdown -32600', async () => {
  const proc = spawn(process.execPath, [resolve(ROOT, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.listen();
  try {
    await assert.rejects(conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///a.txt' }, position: pos(0, 0) }), (e) => e.code === -32002);
    await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    conn.sendNotification('initialized', {});
    assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///a.txt' }, position: pos(0, 0) }), null, 'unknown document: null');
    await conn.sendRequest('shutdown');
    await assert.rejects(conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///a.txt' } }), (e) => e.code === -32600);
  } finally {
    conn.dispose();
    proc.kill();
  }
});

test('malformed parameters get InvalidParams (-32602), and nothing is logged as a failure', async () => {
  const s = await startServer();
  const logged = [];
  s.conn.onNotification('window/logMessage', (m) => { if (m.type === 1) logged.push(m.message); });
  try {
    const { uri } = await s.open('malformed.txt', TEXT);
    const invalid = (e) => e.code === -32602;
    await assert.rejects(s.request('textDocument/hover', { textDocument: { uri }, position: { line: 'a', character: 0 } }), invalid);
    await assert.rejects(s.request('textDocument/hover', { textDocument: { uri }, position: pos(-1, 0) }), invalid);
    await assert.rejects(s.request('textDocument/documentSymbol', { textDocument: null }), invalid);
    await assert.rejects(s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos(0, 0), end: pos(0, 1) } }), invalid);
    await assert.rejects(s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos(0, 0), end: pos(0, 1) }, context: { diagnostics: [], only: 'quickfix' } }), invalid);
    await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.repair', arguments: [42] }), invalid);
    await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.convert', arguments: [uri, 'traditional', { start: pos(0, 0) }] }), invalid);
    for (const name of [12345, null, '', 'x'.repeat(30), 'abc']) {
      await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.notAPerson', arguments: [uri, name] }), invalid, `notAPerson ${name}`);
    }
    // forged fix data in a diagnostic sent back: no quick fix from it, no failure
    const forged = { range: { start: pos(0, 0), end: pos(0, 1) }, source: 'zh-article', code: 'halfwidth-punct', data: { v: 1, changes: [[-5, 1e9, 'x']] } };
    assert.deepEqual(await s.request('textDocument/codeAction', { textDocument: { uri }, range: forged.range, context: { diagnostics: [forged, 7], only: ['quickfix'] } }), []);
    // a position past the end is clamped, not an error
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: pos(999, 999) }), null);
    assert.deepEqual(logged, []);
  } finally {
    await s.stop();
  }
});

test('the light bulb offers fix-all as a command; source.fixAll gives the edit', async () => {
  const s = await startServer();
  try {
    const { uri } = await s.open('lightbulb.txt', TEXT);
    const bulb = await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [] } });
    const offer = bulb.find((a) => a.kind === 'source.fixAll.zh-article');
    assert.ok(offer, 'fix-all is offered');
    assert.equal(offer.edit, undefined, 'without computing its edit');
    assert.deepEqual(offer.command.arguments, [uri]);
    const fix = await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(fix[0].edit.changes[uri].length > 0);
  } finally {
    await s.stop();
  }
});

test('a version number reused with other text, or a second didOpen, is analysed afresh', async () => {
  const s = await startServer();
  try {
    const { uri } = await s.open('reused.txt', TEXT);
    const clean = '区委召开常委会会议，研究部署工作。\n';
    // the server may publish version 1 again meanwhile (user files loaded): wait for the one that fits
    const publishedFor = async (fits) => { for (;;) { const d = await s.diagnosticsFor(uri, 1); if (fits(d)) return d; } };
    const p = publishedFor((d) => d.length === 0);
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text: clean } });
    await p; // the second text has no damage (a version-only cache would keep the first text's)
    const q = publishedFor((d) => d.length > 0);
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: TEXT }] });
    await q; // the reused version holds the damaged text again
    s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 0) }), null, 'closed: null');
  } finally {
    await s.stop();
  }
});
