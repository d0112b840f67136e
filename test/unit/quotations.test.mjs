// Quotations (analysis/quotations.ts): the spans the editor paints as quoted speech.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const { findQuotations } = createRequire(import.meta.url)(resolve(ROOT, 'server/out/analysis/quotations.js'));
const quoted = (text) => findQuotations(text).map((q) => text.slice(q.start, q.end));

test('speech in “…”, 「…」 and straight quotes, marks included; nested quotes stay inside', () => {
  assert.deepEqual(quoted('村民说：“今年的收成比去年好多了。”他笑了。'), ['“今年的收成比去年好多了。”']);
  assert.deepEqual(quoted('「我們會繼續努力。」他說。'), ['「我們會繼續努力。」']);
  assert.deepEqual(quoted('他说:"路修好了,心里亮堂。"'), ['"路修好了,心里亮堂。"']);
  assert.deepEqual(quoted('“推动‘三个落实’见效，‘四不两直’常态化。”'), ['“推动‘三个落实’见效，‘四不两直’常态化。”']);
  assert.deepEqual(quoted('“甲”和“乙”'), ['“甲”', '“乙”']);
});

test('a quotation runs over wrapped lines, never across a blank line; an unclosed mark quotes nothing', () => {
  assert.deepEqual(quoted('他说：“今年的收成\n比去年好多了。”'), ['“今年的收成\n比去年好多了。”']);
  assert.deepEqual(quoted('他说：“今年的收成\n\n比去年好多了。”'), []);
  assert.deepEqual(quoted('他说：“今年的收成\n\u3000\n比去年”'), []);
  assert.deepEqual(quoted('开头“没有结尾的引号'), []);
  assert.deepEqual(quoted('空的“”引号'), []);
});
