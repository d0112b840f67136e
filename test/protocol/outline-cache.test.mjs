// Outline, folding, code lenses and semantic tokens over LSP: a repeated request on an unchanged
// document answers the same (the server keeps the result with the document's analysis), and an
// edit is seen at once (the kept result belongs to the old version and is not served again).
// That nothing is recomputed is asserted at the function level in test/unit/feature-cache.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, ROOT } from '../support/lsp.mjs';

const EXAMPLES = resolve(ROOT, 'examples');
const page = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(EXAMPLES, f), 'utf8')).join('\n\n');
const METHODS = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens', 'textDocument/semanticTokens/full'];

let s;
before(async () => { s = await startServer(); });
after(async () => { await s.stop(); });

test('repeated requests on an unchanged document answer the same; an edit changes the answer', async () => {
  const { uri, version } = await s.open('outline-cache.txt', page);
  const ask = () => Promise.all(METHODS.map((m) => s.request(m, { textDocument: { uri } })));
  const first = await ask();
  const [symbols, folds, lenses, tokens] = first;
  assert.ok(symbols.length > 3, 'several reports');
  assert.ok(folds.length > 0 && lenses.length > 0 && tokens.data.length > 0);
  // the lenses (people | slogans | repairs) stand on the reports' headlines
  const heads = new Set(symbols.map((x) => x.selectionRange.start.line));
  assert.ok(lenses.every((l) => heads.has(l.range.start.line)));
  for (let i = 0; i < 2; i++) assert.deepEqual(await ask(), first);

  // two lines inserted at the top: every report moves down by two lines
  const v2 = version + 1;
  const diagnostics = s.diagnosticsFor(uri, v2);
  s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }] });
  await diagnostics;
  const [symbols2, folds2, lenses2, tokens2] = await ask();
  assert.deepEqual(symbols2.map((x) => x.name), symbols.map((x) => x.name));
  assert.deepEqual(symbols2.map((x) => x.range.start.line), symbols.map((x) => x.range.start.line + 2));
  assert.deepEqual(symbols2.map((x) => x.children.map((c) => c.range.end.line)), symbols.map((x) => x.children.map((c) => c.range.end.line + 2)));
  assert.deepEqual(folds2.map((f) => f.startLine), folds.map((f) => f.startLine + 2));
  assert.deepEqual(lenses2.map((l) => l.range.start.line), lenses.map((l) => l.range.start.line + 2));
  assert.equal(tokens2.data[0], tokens.data[0] + 2, 'the first token moved down two lines');
  assert.deepEqual(tokens2.data.slice(1), tokens.data.slice(1));
  assert.deepEqual(await ask(), [symbols2, folds2, lenses2, tokens2]);
});
