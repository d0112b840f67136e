// Quick fixes as an editor gets them: each diagnostic's own code action, built from the fix
// its data carries, must make exactly the change the analysis found (offsets mapped through
// CRLF, astral characters and pinyin residue) and keep every Chinese character. And a file
// with more problems than zhArticle.maxNumberOfProblems publishes the ones nearest the edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, applyEdits, han, ROOT } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { analyzeDamage } = require(resolve(ROOT, 'server/out/analysis/damage.js'));
const examples = Object.fromEntries(readdirSync(resolve(ROOT, 'examples')).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(resolve(ROOT, 'examples', f), 'utf8')]));
const sortedHan = (t) => [...han(t)].sort().join('');
const applyChanges = (text, changes) => [...changes].sort((a, b) => b.start - a.start || b.end - a.end).reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);

let s;
before(async () => { s = await startServer(); });
after(async () => { await s.stop(); });

const variants = {
  ...examples,
  // the same damage with Windows line ends, and with characters outside the BMP before it on every line
  'newspaper-page (CRLF)': examples['newspaper-page.txt'].replace(/\n/g, '\r\n'),
  'traditional-ruby (CRLF)': examples['traditional-ruby.txt'].replace(/\n/g, '\r\n'),
  'wrapped-column (astral)': examples['wrapped-column.txt'].replace(/^(?=.)/gm, '𠀀'),
};

test('every quick fix makes exactly the analysis\'s change and keeps every Chinese character', async () => {
  let checked = 0;
  for (const [name, text] of Object.entries(variants)) {
    const { uri, diagnostics } = await s.open(`qf-${name}.txt`, text);
    const findings = analyzeDamage(text).findings;
    for (const d of diagnostics.filter((x) => x.data?.changes?.length)) {
      const [action] = (await s.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } }))
        .filter((a) => a.edit && a.diagnostics?.[0]?.code === d.code);
      assert.ok(action, `${name}: no quick fix for ${d.code} at line ${d.range.start.line}`);
      const fixed = applyEdits(text, action.edit.changes[uri]);
      const same = findings.filter((f) => f.code === d.code).map((f) => applyChanges(text, f.changes));
      assert.ok(same.includes(fixed), `${name}: the ${d.code} fix at line ${d.range.start.line} is not the analysis's change`);
      // deleting furniture removes what is not article text; every other fix keeps the characters
      if (d.code !== 'page-furniture') assert.equal(sortedHan(fixed), sortedHan(text), `${name}: the ${d.code} fix changed Chinese characters`);
      checked++;
    }
  }
  assert.ok(checked > 40, `only ${checked} quick fixes checked`);
});

// ~1,400 problems: the examples thirty times over
const many = Array(30).fill(Object.values(examples).join('\n\n')).join('\n\n');

test('a file with more problems than the limit publishes those nearest the last edit, and says so at the top', async () => {
  const total = analyzeDamage(many).findings.length;
  assert.ok(total > 1000, `only ${total} problems`);
  const { uri, diagnostics, version } = await s.open('many.txt', many);
  assert.equal(diagnostics.length, 1000);
  assert.equal(diagnostics[0].code, 'too-many-problems');
  assert.match(diagnostics[0].message, new RegExp(`^${total} problems in this file; showing the first 999 `));
  const lineOf = (t, off) => t.slice(0, off).split('\n').length - 1;
  const key = (t) => (f) => `${f.code}@${lineOf(t, f.start)}`;
  const findings = analyzeDamage(many).findings;
  // before any edit, the first ones (the mojibake notice concerns the whole file: it stays)
  assert.deepEqual(diagnostics.slice(1).map((d) => `${d.code}@${d.range.start.line}`), findings.slice(0, 999).map(key(many)));
  const lastLine = many.split('\n').length - 1;

  // an edit near the end: the published ones move there
  const editLine = lastLine - 3;
  const wait = s.diagnosticsFor(uri, version + 1);
  s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 1 }, contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: '的' }] });
  const after = await wait;
  assert.equal(after.length, 1000);
  assert.match(after[0].message, /nearest the last edit/);
  const edited = many.split('\n').map((l, i) => (i === editLine ? '的' + l : l)).join('\n');
  const now = analyzeDamage(edited).findings.map(key(edited));
  const shown = after.slice(1).map((d) => `${d.code}@${d.range.start.line}`);
  assert.equal(shown[0], 'mojibake@0');
  assert.deepEqual(shown.slice(1), now.slice(now.length - 998), 'after an edit near the end, the last ones');

  // the notice offers Repair Document and the setting
  const acts = await s.request('textDocument/codeAction', { textDocument: { uri }, range: after[0].range, context: { diagnostics: [after[0]], only: ['quickfix'] } });
  assert.deepEqual(acts.map((a) => a.command?.command), ['zhArticle.repairDocument', 'workbench.action.openSettings']);
  assert.deepEqual(acts[1].command.arguments, ['zhArticle.maxNumberOfProblems']);
});

test('zhArticle.maxNumberOfProblems 0 publishes every problem', async () => {
  const t = await startServer({ config: { maxNumberOfProblems: 0 } });
  try {
    const { diagnostics } = await t.open('many-all.txt', many);
    assert.equal(diagnostics.length, analyzeDamage(many).findings.length);
    assert.ok(!diagnostics.some((d) => d.code === 'too-many-problems'));
  } finally { await t.stop(); }
});
