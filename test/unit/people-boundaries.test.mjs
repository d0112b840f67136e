// A name found once is tagged wherever it occurs again (people.ts → propagate), except where a
// frequent word of jieba's dictionary crosses the mention (一张|清单 for 张清, 乱石|磊磊 for 石磊)
// or where a name that is itself an everyday word stands where the word would (坚持高峰期).
// The result depends on the text alone: no segmenter, no timing (issue #14, item 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';
import { findPeople } from '../support/people.mjs';

const require = createRequire(import.meta.url);
const { analyzeDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));

/** name@start(roles) for each hit */
const show = (hits) => hits.map((h) => `${h.name}@${h.start}${h.roles.length ? `(${h.roles.join('、')})` : ''}`);
const mentions = (hits, name) => hits.filter((h) => h.name === name).map((h) => h.start);

const FALSE_MENTIONS = [
  // [text, name, starts kept]
  ['副县长高山出席开幕式。晚会上，一曲高山流水赢得掌声。高山表示，要办好群众身边的文化活动。', '高山', [3, 26]],
  ['副镇长张清主持会议。会议要求建立一张清单、一套台账。张清指出，要对账销号。', '张清', [3, 26]],
  ['副区长任清汇报工作。要压实责任清单，任清强调。', '任清', [3, 18]],
  ['副区长高峰出席。要坚持高峰期错峰出行。高峰强调，要保障畅通。', '高峰', [3, 19]],
  // a photographer's name, and 乱石|磊磊 around it
  ['记者 石磊 摄\n村口河滩上乱石磊磊，石磊说，这里要建公园。', '石磊', [3, 18]],
];
const TRUE_NAMES = [
  // a title chain, then bare mentions; a word inside the name (孙|春节) is fine
  ['副区长江海出席会议并讲话。会上，江海强调，要抓好落实。', '江海', [3, 16], '副区长'],
  ['区委书记孙春节主持会议。春节前夕，孙春节带队走访慰问困难群众。', '孙春节', [4, 17], '区委书记'],
  ['副县长石磊出席活动。石磊强调，要守牢安全底线。记者 石磊 摄', '石磊', [3, 10, 26], '副县长'],
  // 成就 and 文汇报 are words, but the name's shape decides: 就 and 汇报 follow it
  ['县委副书记、县长王立成就《政府工作报告》作说明。', '王立成', [8], '县长'],
  ['区委常委、常务副区长赵一文汇报工作。', '赵一文', [10], '常务副区长'],
];

test('a bare mention inside a word is dropped', () => {
  for (const [text, name, kept] of FALSE_MENTIONS) assert.deepEqual(mentions(findPeople(text), name), kept, show(findPeople(text)).join(' '));
});

test('true names keep every mention and their roles', () => {
  for (const [text, name, starts, role] of TRUE_NAMES) {
    const hits = findPeople(text);
    assert.deepEqual(mentions(hits, name), starts, show(hits).join(' '));
    assert.ok(hits.find((h) => h.name === name).roles.some((r) => r.endsWith(role)), show(hits).join(' '));
  }
});

test('when the longest known name is crossed, a shorter one may stand', () => {
  // 周文强 from the title, 周文 from the byline; 周文强调 is 周文 + 强调
  const text = '副县长周文强出席会议。记者 周文\n会上，周文强调，要抓好落实。';
  const at = text.indexOf('周文强调');
  assert.equal(findPeople(text).find((h) => h.start === at)?.name, '周文', show(findPeople(text)).join(' '));
});

test('analyzeDocument holds the mentions findPeople finds', () => {
  const text = FALSE_MENTIONS.map((c) => c[0]).join('\n') + '\n' + TRUE_NAMES.map((c) => c[0]).join('\n');
  const doc = analyzeDocument(text);
  assert.deepEqual(doc.people.flatMap((p) => p.mentions.map((m) => m.start)).sort((a, b) => a - b), findPeople(text).map((h) => h.start));
});

test('a byline joined with the next line ends where the next role or 本报讯 begins', () => {
  const text = '会议要求抓好落实。\n记者 王小明通讯员 李大华\n\n本报讯 记者 周国庆本报讯 3月1日，会议召开。';
  assert.deepEqual(show(findPeople(text)), ['王小明@13(记者)', '李大华@20(通讯员)', '周国庆@32(记者)']);
});
