// Credits (people/credits.ts): every label papers use, bracketed and role-less bylines, credits
// run together, photo credits; a credit never continues past its own line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show, names } from '../support/people.mjs';

test('every credit label introduces its names', () => {
  for (const label of ['记者', '本报记者', '全媒体记者', '见习记者', '实习生', '通讯员', '特约通讯员', '编辑', '责任编辑', '审核', '校对', '编审', '终审', '监制', '文/图', '摄影'])
    assert.deepEqual(show(`${label}：葛成 卞雨涵`), [`葛成(${label})`, `卞雨涵(${label})`], label);
  assert.deepEqual(show('（责任编辑：左岚 审核：桑宁 终审：葛成）'), ['左岚(责任编辑)', '桑宁(审核)', '葛成(终审)']);
  assert.deepEqual(show('编辑：邝敏审核：禚长河'), ['邝敏(编辑)', '禚长河(审核)']);
  // a label closing its line with a colon: the name is on the next line
  assert.deepEqual(show('编辑：邝敏 审核：\n禚长河'), ['邝敏(编辑)', '禚长河(审核)']);
});

test('labels that are also words need a colon or a space', () => {
  for (const t of ['方案经审核通过后实施。', '回答记者提问时表示，群众办理失业登记。', '监制环节由县融媒体中心负责。'])
    assert.deepEqual(show(t), [], t);
});

test('bracketed bylines, with and without roles', () => {
  assert.deepEqual(show('本报讯（记者 庞一凡 通讯员 卓思琪）3月2日，会议召开。'), ['庞一凡(记者)', '卓思琪(通讯员)']);
  assert.deepEqual(show('本报讯（记者 乌兰图雅 通讯员 额尔敦）7月26日，大会开幕。'), ['乌兰图雅(记者)', '额尔敦(通讯员)']);
  assert.deepEqual(show('会议要求，抓好落实。\n（庞一凡 卓思琪）\n'), ['庞一凡', '卓思琪']);
  assert.deepEqual(show('（通讯员 帕尔哈提·吾斯曼 訾雪）'), ['帕尔哈提·吾斯曼(通讯员)', '訾雪(通讯员)']);
  // brackets around words are no byline
  assert.deepEqual(show('会议要求，抓好落实。\n（完 待续）\n'), []);
});

test('credits run together are split by name shape', () => {
  assert.deepEqual(show('通讯员郑家宁高远山'), ['郑家宁(通讯员)', '高远山(通讯员)']);
  assert.deepEqual(show('记者 王小明通讯员 李大华'), ['王小明(记者)', '李大华(通讯员)']);
});

test('a byline never continues past its own line', () => {
  assert.deepEqual(show('本报记者 庞一凡\n\n仲春时节，走进山村。'), ['庞一凡(本报记者)']);
  assert.deepEqual(show('记者 王丽 通讯员 张强\n金秋十月，硕果飘香。'), ['王丽(记者)', '张强(通讯员)']);
});

test('credits written name first', () => {
  assert.deepEqual(show('张晓东/文 李雪梅/图'), ['张晓东(文)', '李雪梅(图)']);
  assert.deepEqual(show('图文并茂、全文/图文结合'), []);
});

test('photo credits', () => {
  assert.deepEqual(names('图为村民在采摘茶叶。侯聪 摄'), ['侯聪']);
  assert.deepEqual(names('今年亩产籽棉420公斤。 努尔兰·哈力木 摄'), ['努尔兰·哈力木']);
  // a credit a joined line runs on after still stands apart
  assert.deepEqual(names('会议召开。侯聪 摄项目建设'), ['侯聪']);
  assert.deepEqual(names('举办侯聪摄影展'), []);
});
