// Every feature works the same on traditional text. The seeds, the practice pages and the
// examples converted by OpenCC (cn→tw and cn→hk, as a user's converter would) must give the
// same reports (where they start and what kind), paragraphs after fix-all, people (by their
// folded key) and diagnostic codes (by line) as the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT, SEEDS } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js');
const { analyzeDocument, repairDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));
const { DEFAULT_FIX_ALL } = require(resolve(ROOT, 'server/out/settings.js'));

const load = (dir, skip = []) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt') && !skip.includes(f)).map((f) => [f, readFileSync(resolve(dir, f), 'utf8')]) : []);
// the mojibake example is not Chinese text until it is decoded; converting it means nothing
const texts = [...load(SEEDS), ...load(resolve(SEEDS, '..', 'practice')), ...load(resolve(ROOT, 'examples'), ['gbk-mojibake.txt'])];
const converters = { tw: OpenCC.Converter({ from: 'cn', to: 'tw' }), hk: OpenCC.Converter({ from: 'cn', to: 'hk' }) };

/** 0-based line of each offset, by a running count of line breaks. */
function lineOf(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (off) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= off) lo = m; else hi = m - 1; } return lo; };
}

function structure(text) {
  const a = analyzeDocument(text);
  const line = lineOf(text);
  const fixed = repairDocument(text, DEFAULT_FIX_ALL).text;
  return {
    reports: a.reports.map((r) => `${line(r.start)} ${r.kind} ${r.bylines.map((b) => b.names.length).join('+')}`),
    // paragraphs: how many, and where each begins and ends in the fixed text's lines
    paragraphs: fixed.split('\n').map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0),
    people: a.people.map((p) => p.key).sort(),
    diagnostics: a.findings.map((f) => `${line(f.start)} ${f.code}`).sort(),
  };
}

test('seeds, practice pages and examples read the same in traditional script (OpenCC cn→tw, cn→hk)', { skip: !texts.length && 'no texts' }, () => {
  assert.ok(texts.length >= 5);
  for (const [name, text] of texts) {
    const want = structure(text);
    for (const [variant, convert] of Object.entries(converters)) {
      const got = structure(convert(text));
      for (const key of Object.keys(want)) assert.deepEqual(got[key], want[key], `${name} (${variant}): ${key} differ`);
    }
  }
});
