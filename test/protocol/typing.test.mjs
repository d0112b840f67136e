// Typing in a long document: VS Code asks for code lenses, semantic tokens, symbols and
// highlights after every keystroke. On a long text those wait for the user's pause (people,
// slogans and reports take a while there), so they never hold up the next edit's diagnostics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, ROOT } from '../support/lsp.mjs';

const examples = readdirSync(resolve(ROOT, 'examples')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(ROOT, 'examples', f), 'utf8'));
// about 160,000 characters: above the length where people, slogans and reports wait for a pause
const long = Array(30).fill(examples.join('\n\n')).join('\n\n');

let s;
before(async () => { s = await startServer(); });
after(async () => { await s.stop(); });

test('while typing in a long document, outline requests wait for the pause and the diagnostics do not wait for them', async () => {
  assert.ok(long.length > 100_000);
  const { uri, version } = await s.open('typing-long.txt', long);
  const order = [];
  const edit = (v, line) => s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }] });

  edit(version + 1, 3);
  const symbols = s.request('textDocument/documentSymbol', { textDocument: { uri } }).then((r) => { order.push('symbols'); return r; });
  const lenses = s.request('textDocument/codeLens', { textDocument: { uri } }).then((r) => { order.push('lenses'); return r; });
  const next = s.diagnosticsFor(uri, version + 2).then((d) => { order.push('diagnostics'); return d; });
  edit(version + 2, 5);
  const [syms, lens, diags] = await Promise.all([symbols, lenses, next]);
  assert.equal(order[0], 'diagnostics', `answered in the order ${order.join(', ')}`);
  assert.ok(diags.length > 0);
  // the answers describe the text as it is after both edits
  assert.ok(syms.length > 30, `${syms.length} reports`);
  const heads = new Set(syms.map((r) => r.selectionRange.start.line));
  assert.ok(lens.length >= syms.length / 2 && lens.every((l) => heads.has(l.range.start.line)), 'the lenses stand on the reports\' headlines');
  const text = long.split('\n').map((l, i) => (i === 3 || i === 5 ? '的' + l : l)).join('\n');
  const first = syms[0];
  const lines = text.split('\n');
  assert.ok(lines[first.selectionRange.start.line].includes(first.name.slice(0, 6)), `the first report's name "${first.name}" is where its range says`);
  const body = syms.find((r) => r.range.start.line > 3);
  assert.ok(lines[body.selectionRange.start.line].includes(body.name.slice(0, 6)), `"${body.name}" is where its range says, after the edits`);

  // once the user has paused, the same request answers from what is computed: before the
  // diagnostics of an edit sent right after it (had it waited, the edit would start a new pause)
  const after = [];
  const again = s.request('textDocument/documentSymbol', { textDocument: { uri } }).then(() => after.push('symbols'));
  const third = s.diagnosticsFor(uri, version + 3).then(() => after.push('diagnostics'));
  edit(version + 3, 7);
  await Promise.all([again, third]);
  assert.deepEqual(after, ['symbols', 'diagnostics'], 'a request after the pause does not wait again');
});
