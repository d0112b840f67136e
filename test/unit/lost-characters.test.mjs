// lost-characters: Chinese characters lost to ?, ？ or U+FFFD inside Chinese text are flagged,
// never "fixed" into punctuation; real question marks are not flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyzeDamage, repairDocument } = require('../../server/out/analysis/index.js');
const { DEFAULT_FIX_ALL } = require('../../server/out/settings.js');
const OpenCC = require('opencc-js');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const lost = (t) => analyzeDamage(t).findings.filter((f) => f.code === 'lost-characters');

test('?, ？ and U+FFFD between Chinese characters are lost characters, in both scripts', () => {
  for (const simplified of ['区委召开常委?会议，研究部署工作。', '区委召开常委？？会议，研究部署工作。', '区委召开常委\ufffd会议，研究部署工作。']) {
    for (const t of [simplified, toTraditional(simplified)]) {
      const f = lost(t);
      assert.equal(f.length, 1, t);
      assert.equal(t.slice(f[0].start, f[0].end).replace(/[?？\ufffd]/g, ''), '', 'the range is the lost marks');
      assert.deepEqual(f[0].changes, [], 'no fix: the characters are gone');
    }
  }
  assert.equal(lost('会上?议定了，代表们?表示支持。')[0].args.count, 2, 'one finding per line, counting each');
  assert.equal(lost('这是𠮷?𠮷。').length, 1, 'astral Han counts as Chinese');
});

test('real question marks and ? outside Chinese are not lost characters', () => {
  for (const t of ['他问：为什么？大家都笑了。', '他问为什么?大家都笑了。', '你去吗?我去。', '你來嗎？我去。', '是否?', 'What?', '网址 http://x.cn/?a=1', '问题在哪?怎么办']) {
    assert.deepEqual(lost(t), [], t);
  }
});

test('fix-all never turns a lost character into punctuation, and keeps the finding', () => {
  const t = '区委召开常委?会议,研究部署工作。';
  const out = repairDocument(t, DEFAULT_FIX_ALL).text;
  assert.equal(out, '区委召开常委?会议，研究部署工作。');
  assert.equal(lost(out).length, 1);
});
