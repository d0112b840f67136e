// The analysis store: one analysis per document version, incremental damage across versions,
// and a bounded number of documents kept in memory (the rest are analysed again on return).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { AnalysisStore, KEPT_DOCUMENTS } = require(resolve(ROOT, 'server/out/store.js'));
const { analyzeDamage } = require(resolve(ROOT, 'server/out/analysis/damage.js'));
const { TextDocument } = require(resolve(ROOT, 'node_modules/vscode-languageserver-textdocument'));

const sample = readFileSync(resolve(ROOT, 'examples/newspaper-page.txt'), 'utf8');
const docOf = (i, text = sample, v = 1) => TextDocument.create(`file:///store-${i}.txt`, 'zh-article', v, text);

test('an unchanged version is analysed once; a new version updates the damage of the last', () => {
  const store = new AnalysisStore();
  const doc = docOf(0);
  const first = store.get(doc);
  assert.equal(store.get(doc), first, 'same version: same entry');
  assert.equal(store.analysis(doc), store.analysis(doc), 'same analysis object');
  const at = sample.indexOf('。');
  TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: '的' }], 2);
  const second = store.get(doc);
  assert.notEqual(second, first);
  assert.deepEqual(second.damage.findings, analyzeDamage(doc.getText()).findings);
});

test(`only ${KEPT_DOCUMENTS} documents keep their analysis; the others are released and analysed again on return`, () => {
  const store = new AnalysisStore();
  const released = [];
  store.onRelease = (uri) => released.push(uri);
  const docs = Array.from({ length: KEPT_DOCUMENTS + 2 }, (_, i) => docOf(i));
  const firstEntry = store.get(docs[0]);
  for (const d of docs.slice(1)) store.get(d);
  assert.deepEqual(released, [docs[0].uri, docs[1].uri]);
  const again = store.get(docs[0]);
  assert.notEqual(again, firstEntry, 'released: analysed afresh');
  assert.deepEqual(again.damage.findings, firstEntry.damage.findings);
  assert.equal(released.length, 3, 'coming back released the least recently used');
});
