// What each repair protects, shown on invented sentences: numbers, URLs, Latin text, captions,
// credits and bylines come out of fix-all as they went in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { repairDocument } = require('../../server/out/analysis/index.js');
const { DEFAULT_FIX_ALL } = require('../../server/out/settings.js');
const fixAll = (t) => repairDocument(t, DEFAULT_FIX_ALL).text;

test('half-width punctuation: numbers, times and ratios keep theirs', () => {
  const out = fixAll('会议于10:30召开,共有1,700人参加,占比3.5%。');
  assert.match(out, /10:30/);
  assert.match(out, /1,700/);
  assert.match(out, /3\.5%/);
  assert.match(out, /召开，共有/, 'the comma between Chinese clauses is converted');
});

test('half-width punctuation: URLs, e-mail addresses and Latin text keep theirs', () => {
  const out = fixAll('详见http://example.gov.cn/?a=1,b=(2);来信请寄office@example.cn;英文名(CCD)不变,谢谢。');
  assert.match(out, /http:\/\/example\.gov\.cn\/\?a=1,b=\(2\);/);
  assert.match(out, /office@example\.cn/);
  assert.match(out, /\(CCD\)/, 'brackets holding no Chinese stay');
  assert.match(out, /不变，谢谢/);
});

test('half-width punctuation: a ? standing for a lost character is left alone, a question mark is converted', () => {
  assert.equal(fixAll('区委召开常委?会议。'), '区委召开常委?会议。');
  assert.equal(fixAll('他问为什么?大家都笑了。'), '他问为什么？大家都笑了。');
});

test('caption move: the caption moves whole, credit and all, and the sentence joins without it', () => {
  const out = fixAll('全县上下要坚定信心，\n\n区委书记周文澜在会上讲话。陈予川 摄\n\n奋力完成全年目标任务。');
  assert.equal(out, '全县上下要坚定信心，奋力完成全年目标任务。\n\n区委书记周文澜在会上讲话。陈予川 摄');
});

test('credits and bylines keep the spaces that separate their names', () => {
  const lead = '本报讯（记者 林晓岑 通讯员 郑一鸣）10月26日上午，区委召开会议。';
  assert.equal(fixAll(lead), lead);
  const credits = '区委召开会议，研究部署全区工作。\n记者 程一帆\n通讯员 郑一鸣';
  assert.equal(fixAll(credits), credits);
});

test('pinyin residue: only the readings go, the characters stay', () => {
  assert.equal(fixAll('區(qū)委召開會(huì)議(yì)。'), '區委召開會議。');
});
