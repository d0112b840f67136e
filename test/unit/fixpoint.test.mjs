// Fix-all reaches a fixed point in one pass: applied to its own output it changes nothing, and it
// never loses or gains a Chinese character. Over every text we have (both scripts), over
// generated damage (seeded; a failure prints its seed), and the CLI's `fix` gives the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { baseTexts, damagedCase, hanOf } from '../support/damage.mjs';

const require = createRequire(import.meta.url);
const { repairDocument, analyzeDamage } = require('../../server/out/analysis/index.js');
const { DEFAULT_FIX_ALL } = require('../../server/out/settings.js');
const OpenCC = require('opencc-js');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const CLI = path.resolve(import.meta.dirname, '../../bin/zh-article.js');

const fixAll = (t) => repairDocument(t, DEFAULT_FIX_ALL).text;

/** The invariants; returns what is wrong, or null. */
function check(text) {
  const once = fixAll(text);
  if (hanOf(once) !== hanOf(text)) return { why: 'Han characters changed', once };
  if ((once.match(/\ufffd/g) || []).length > (text.match(/\ufffd/g) || []).length) return { why: 'U+FFFD introduced', once };
  const twice = fixAll(once);
  if (twice !== once) return { why: 'not idempotent', once, twice };
  return null;
}

test('fix-all is idempotent and keeps the Han characters on every text we have, simplified and traditional', () => {
  const texts = baseTexts();
  assert.ok(texts.length >= 6, 'the examples at least');
  for (const { name, text } of texts) {
    for (const [label, t] of [[name, text], [name + ' (traditional)', toTraditional(text)]]) {
      const bad = check(t);
      assert.equal(bad, null, `${label}: ${bad?.why}`);
    }
  }
});

test('fix-all is idempotent on generated damage (seeded property test)', () => {
  const texts = baseTexts();
  const first = Number(process.env.ZH_SEED) || 20261204;
  for (let seed = first; seed < first + 120; seed++) {
    const text = damagedCase(seed, texts);
    const bad = check(text);
    assert.equal(bad, null, `seed ${seed} (replay: ZH_SEED=${seed}): ${bad?.why}\n${JSON.stringify(text.slice(0, 400))}`);
  }
});

test('two captions dropped into one sentence each move whole, once, in order', () => {
  const text = '全县上下要坚定信心，\n\n区委书记周文澜在会上讲话。陈予川 摄\n\n真抓实干，\n\n志愿者为居民讲解政策。许廷合 摄\n\n奋力完成全年目标任务。';
  const out = fixAll(text);
  assert.equal(out, '全县上下要坚定信心，真抓实干，奋力完成全年目标任务。\n\n区委书记周文澜在会上讲话。陈予川 摄\n\n志愿者为居民讲解政策。许廷合 摄');
  assert.equal(fixAll(out), out);
  const moves = analyzeDamage(text).findings.filter((f) => f.code === 'caption-interrupts');
  assert.equal(moves.length, 2, 'one finding per interruption');
});

test('half-width brackets convert by nesting, once for all', () => {
  for (const [text, want] of [
    ['会议((强调))要求', '会议（（强调））要求'],
    ['((((鰑))))', '（（（（鰑））））'],
    ['（记者(甲)乙)', '（记者（甲）乙)'],
    ['会议(CCD)(强调),要求', '会议(CCD)（强调），要求'],
    ['中,,', '中，，'],
    [',,中', '，，中'],
  ]) {
    assert.equal(fixAll(text), want, text);
    assert.equal(fixAll(want), want, want);
  }
});

test('the CLI fix gives the server fix-all text, and a second fix changes nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-fixpoint-'));
  try {
    const texts = baseTexts();
    for (const seed of [7, 11, 23, 42]) {
      const text = damagedCase(seed, texts);
      const file = path.join(dir, `case-${seed}.txt`);
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, [CLI, 'fix', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, fixAll(text.replace(/^\ufeff/, '')), `seed ${seed}`);
      fs.writeFileSync(file, r.stdout);
      assert.equal(spawnSync(process.execPath, [CLI, 'fix', file], { encoding: 'utf8' }).stdout, r.stdout, `seed ${seed}: second fix`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
