// Incremental damage analysis (damage.ts updateDamage) must agree exactly with analysing
// the edited text afresh: same findings, lines, blocks, paragraphs, joins. Checked on the
// seeds, the practice pages (one of them in traditional script) and examples under random edits of the kinds typing makes (a character typed or
// deleted, a line break or blank line added or removed, punctuation changed, a paste).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT, SEEDS } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { analyzeDamage, updateDamage } = require(resolve(ROOT, 'server/out/analysis/damage.js'));

const load = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(resolve(dir, f), 'utf8')]) : []);
const { convertText } = require(resolve(ROOT, 'server/out/analysis/script.js'));
const practice = load(resolve(SEEDS, '..', 'practice'));
const texts = [...load(SEEDS), ...practice, ...practice.slice(0, 3).map(([f, t]) => [f + ' (traditional)', convertText(t, 'taiwan')]), ...load(resolve(ROOT, 'examples'))];

// a small deterministic generator, so a failure reproduces
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}
const INSERTS = ['。', '，', ',', '的', '\n', '\n\n', ' ', '(huì)', '记者 王明', '区长', '”', '摄', '。\n\n', '首页 > 要闻', '\n# ', '\n\n——', '（通讯员 王明 李华）', '、\n\n'];

function edit(text, rand) {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.45) { const ins = INSERTS[Math.floor(rand() * INSERTS.length)]; return text.slice(0, at) + ins + text.slice(at); }
  if (r < 0.8) { const n = 1 + Math.floor(rand() * 3); return text.slice(0, at) + text.slice(at + n); }
  // replace a stretch with another part of the text (a paste)
  const from = Math.floor(rand() * text.length), len = Math.floor(rand() * 40);
  return text.slice(0, at) + text.slice(from, from + len) + text.slice(at + Math.floor(rand() * 10));
}

// what the damage says, without the object identities incremental update may share or copy
function facts(d) {
  return {
    findings: d.findings,
    residue: d.residue,
    lines: d.layout.lines.map((l) => [l.index, l.start, l.end, l.contentStart, l.contentEnd, l.kind, l.clean, l.fold, l.width]),
    blocks: d.layout.blocks,
    wrapWidth: d.layout.wrapWidth,
    markdown: d.layout.markdown,
    paragraphs: d.reflow.paragraphs,
    joins: d.reflow.joins.map((j) => [j.start, j.end]).sort((a, b) => a[0] - b[0]),
    headlineJoins: [...d.reflow.headlineJoins].sort((a, b) => a - b),
  };
}

test('incremental damage equals a fresh analysis after random edits', { skip: !texts.length && 'no texts' }, () => {
  let checked = 0;
  for (const [name, original] of texts) {
    const rand = rng(name.length * 7919 + original.length);
    let text = original;
    let d = analyzeDamage(text);
    for (let k = 0; k < 60; k++) {
      const next = edit(text, rand);
      const inc = updateDamage(d, next);
      const fresh = analyzeDamage(next);
      assert.deepEqual(facts(inc), facts(fresh), `${name}: edit ${k} differs from a fresh analysis`);
      text = next;
      d = inc;
      checked++;
    }
  }
  assert.ok(checked >= 60);
});

test('an edit inside one paragraph of a long text re-analyses only its neighbourhood', () => {
  const [, sample] = texts.find(([n]) => n.includes('newspaper')) ?? texts[0];
  const long = Array.from({ length: 40 }, () => sample).join('\n\n');
  const d = analyzeDamage(long);
  const at = long.indexOf('。', Math.floor(long.length / 2));
  const edited = long.slice(0, at) + '的' + long.slice(at);
  const inc = updateDamage(d, edited);
  assert.deepEqual(facts(inc), facts(analyzeDamage(edited)));
  // lines before the edit are the very same objects: nothing there was recomputed
  const firstChanged = inc.layout.lines.findIndex((l, i) => l !== d.layout.lines[i]);
  assert.ok(firstChanged > inc.layout.lines.length / 3, `re-analysis started at line ${firstChanged} of ${inc.layout.lines.length}`);
});

test('incremental update from and to empty, blank and one-line texts', () => {
  const steps = ['', '\n\n', '会议', '会议召开。\n', '\n\n区长李伟光主持(huì)会议,强调\n\n要落实。\r\n', '', '　\n'];
  for (let i = 0; i < steps.length; i++) {
    for (let j = 0; j < steps.length; j++) {
      const inc = updateDamage(analyzeDamage(steps[i]), steps[j]);
      assert.deepEqual(facts(inc), facts(analyzeDamage(steps[j])), `${JSON.stringify(steps[i])} → ${JSON.stringify(steps[j])}`);
    }
  }
});
