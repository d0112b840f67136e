// jieba confirms the boundaries of weakly evidenced person mentions (people.ts): a bare mention
// of a name found elsewhere is dropped when a dictionary word crosses it (高山 in 高山流水),
// names the title rules find are kept whatever jieba reads (县长王立成就《…》), and without a
// loaded segmenter the rules alone decide. Run with both segmenters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { findPeople, segmenterReady } = require(resolve(ROOT, 'server/out/analysis/people.js'));
const { loadSegmenter } = require(resolve(ROOT, 'server/out/analysis/segmenter.js'));
const { analyzeDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));

/** name@start(roles) for each hit */
const show = (hits) => hits.map((h) => `${h.name}@${h.start}${h.roles.length ? `(${h.roles.join('、')})` : ''}`);
const mentions = (hits, name) => hits.filter((h) => h.name === name).map((h) => h.start);
/** A segmenter that counts its cuts. */
const counting = (seg) => { const c = { name: seg.name, cuts: 0, tag: seg.tag, cut: (s, hmm) => { c.cuts++; return seg.cut(s, hmm); } }; return c; };

const FALSE_MENTIONS = [
  // [text, name, starts the rules alone find, starts kept with jieba]
  ['副县长高山出席开幕式。晚会上，一曲高山流水赢得掌声。高山表示，要办好群众身边的文化活动。', '高山', [3, 17, 26], [3, 26]],
  ['副镇长张清主持会议。会议要求建立一张清单、一套台账。张清指出，要对账销号。', '张清', [3, 17, 26], [3, 26]],
  ['副区长任清汇报工作。要压实责任清单，任清强调。', '任清', [3, 14, 18], [3, 18]],
  ['副区长高峰出席。要坚持高峰期错峰出行。高峰强调，要保障畅通。', '高峰', [3, 11, 19], [3, 19]],
  // a photographer's name, and 乱石|磊磊 around it
  ['记者 石磊 摄\n村口河滩上乱石磊磊，石磊说，这里要建公园。', '石磊', [3, 14, 18], [3, 18]],
];
const TRUE_NAMES = [
  // a title chain, then bare mentions; jieba splitting inside the name (孙|春节) is fine
  ['副区长江海出席会议并讲话。会上，江海强调，要抓好落实。', '江海', [3, 16], '副区长'],
  ['区委书记孙春节主持会议。春节前夕，孙春节带队走访慰问困难群众。', '孙春节', [4, 17], '区委书记'],
  ['副县长石磊出席活动。石磊强调，要守牢安全底线。记者 石磊 摄', '石磊', [3, 10, 26], '副县长'],
  // after a title and before a cue the rules settle both ends: jieba's 成就 and 文汇报 are wrong here
  ['县委副书记、县长王立成就《政府工作报告》作说明。', '王立成', [8], '县长'],
  ['区委常委、常务副区长赵一文汇报工作。', '赵一文', [10], '常务副区长'],
];

test('rules alone while no segmenter is loaded; segmenterReady() tells when that changes', () => {
  // nothing in this process has loaded the shared segmenter yet (loadSegmenter(which) does not)
  assert.equal(segmenterReady(), false);
  for (const [text, name, rules] of FALSE_MENTIONS) assert.deepEqual(mentions(findPeople(text), name), rules, text);
  loadSegmenter();
  assert.equal(segmenterReady(), true);
  // the default now checks boundaries, also through analyzeDocument
  const [text, name, , kept] = FALSE_MENTIONS[0];
  assert.deepEqual(mentions(findPeople(text), name), kept);
  const person = analyzeDocument(text).people.find((p) => p.key === name);
  assert.equal(person.mentions.length, kept.length);
});

for (const which of ['nodejieba', 'jieba-wasm']) {
  const seg = loadSegmenter(which);
  const run = (text) => findPeople(text, {}, { segmenter: seg });

  test(`${which}: a bare mention inside a word is dropped`, () => {
    for (const [text, name, rules, kept] of FALSE_MENTIONS) {
      assert.deepEqual(mentions(findPeople(text, {}, { segmenter: null }), name), rules, `rules: ${text}`);
      assert.deepEqual(mentions(run(text), name), kept, `${which}: ${show(run(text))}`);
    }
  });

  test(`${which}: true names keep every mention and their roles`, () => {
    for (const [text, name, starts, role] of TRUE_NAMES) {
      const hits = run(text);
      assert.deepEqual(mentions(hits, name), starts, `${which}: ${show(hits)}`);
      assert.ok(hits.find((h) => h.name === name).roles.some((r) => r.endsWith(role)), show(hits).join(' '));
      assert.deepEqual(show(hits), show(findPeople(text, {}, { segmenter: null })), 'jieba changes nothing here');
    }
    // names that follow an honour are not cut either: jieba knows neither name at their junction
    assert.deepEqual(show(run('给“时代楷模”张大山王秋实回信。')), ['张大山@7', '王秋实@10']);
  });

  test(`${which}: when the longest known name is crossed, a shorter one may stand`, () => {
    // 周文强 from the title, 周文 from the byline; 周文强调 is 周文 + 强调
    const text = '副县长周文强出席会议。记者 周文\n会上，周文强调，要抓好落实。';
    const hits = run(text);
    const at = text.indexOf('周文强调');
    assert.equal(hits.find((h) => h.start === at)?.name, '周文', show(hits).join(' '));
    assert.equal(findPeople(text, {}, { segmenter: null }).find((h) => h.start === at)?.name, '周文强');
  });

  test(`${which}: the cuts are bounded by open candidates, not by the text`, () => {
    const para = '副县长高山出席开幕式。晚会上，一曲高山流水赢得掌声。高山表示，要办好群众身边的文化活动。\n';
    const c = counting(seg);
    const hits = findPeople(para.repeat(5000), {}, { segmenter: c });
    assert.equal(hits.length, 2 * 5000);
    // one window around 曲高山流水, cut once and then cached; the settled mentions are never cut
    assert.equal(c.cuts, 1);
    const none = counting(seg);
    findPeople('副区长江海出席会议。江海强调，要抓好落实。\n'.repeat(5000), {}, { segmenter: none });
    assert.equal(none.cuts, 0);
  });
}

test('a byline joined with the next line ends where the next role or 本报讯 begins', () => {
  const text = '会议要求抓好落实。\n记者 王小明通讯员 李大华\n\n本报讯 记者 周国庆本报讯 3月1日，会议召开。';
  assert.deepEqual(show(findPeople(text, {}, { segmenter: null })), ['王小明@13(记者)', '李大华@20(通讯员)', '周国庆@32(记者)']);
});
