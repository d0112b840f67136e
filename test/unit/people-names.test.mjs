// What a name looks like (people/names.ts): the surname table, the right edge by name shape and
// function characters, everyday words as names only on strong evidence, minority names with a
// middle dot. Invented sentences, one pattern each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show, names, mentions } from '../support/people.mjs';

test('the right edge: a two-character name before a function character or a word', () => {
  const cases = [
    ['区委书记龙鸣等出席。', '龙鸣'], ['区委常委雷春在调研时表示。', '雷春'], ['街道党工委书记贝文说，要抓好落实。', '贝文'],
    ['副镇长蔡红和同事们一起值守。', '蔡红'], ['副县长牛犇一同调研。', '牛犇'], ['局长卢松关于秋粮收购工作作了汇报。', '卢松'],
    ['副县长周立一同参加调研。', '周立'], ['宣传部长张川就《实施方案》作说明。', '张川'], ['县应急管理局局长邢伟作了发言。', '邢伟'],
    ['县长王刚任组长。', '王刚'], ['县委书记王刚赴乡镇督导。', '王刚'], ['县长王刚随后来到工地。', '王刚'],
  ];
  for (const [t, name] of cases) assert.deepEqual(names(t), [name], t);
});

test('the right edge: a three-character name before any verb or adverb, no list of following words', () => {
  const cases = [
    ['县委书记温振邦逐一询问项目进展。', '温振邦'], ['物流企业负责人钱立中一直盯着订单变化。', '钱立中'],
    ['合作社理事长伍春华（左二）查看苗情。', '伍春华'], ['县委书记柯立新说，要抓好落实。', '柯立新'],
    ['副区长周伟杰出席会议。', '周伟杰'], ['村党支部书记、村委会主任熊长根告诉记者。', '熊长根'],
    ['中国工程院院士宇文忠和，县委书记黎明出席。', '宇文忠和'],
  ];
  for (const [t, name] of cases) assert.ok(names(t).includes(name), `${t}: ${names(t)}`);
});

test('names that are everyday words stand after an explicit title, not on weak evidence', () => {
  assert.deepEqual(show('镇党委书记田园随后察看了农田水利设施。'), ['田园(镇党委书记)']);
  assert.deepEqual(show('县妇联主席金秋菊出席。'), ['金秋菊(县妇联主席)']);
  assert.deepEqual(show('副区长全胜、严格出席会议。镇长马力介绍情况。'), ['全胜(副区长)', '严格(副区长)', '马力(镇长)']);
  // the same words after a status noun, or as words: nobody
  assert.deepEqual(show('游客田园风光看不够，群众严格遵守规定。'), []);
});

test('a name found once is found again, but not inside a word', () => {
  const text = '副镇长张清主持会议。会议要求建立一张清单、一套台账。张清指出，要对账销号。';
  assert.deepEqual(mentions(text, '张清'), [3, 26]);
  // a name that is an everyday word counts again only where the word could not stand
  const word = '副县长周密出席。各单位要周密安排。周密强调，要抓好落实。';
  assert.deepEqual(mentions(word, '周密'), [3, 17]);
  const peak = '副区长高峰出席。要坚持高峰期错峰出行。高峰强调，要保障畅通。';
  assert.deepEqual(mentions(peak, '高峰'), [3, 19]);
  const autumn = '本报讯 金秋时节，丹桂飘香。市领导金秋、俞伟参加调研。';
  assert.deepEqual(mentions(autumn, '金秋'), [17]);
});

test('rare and compound surnames of the table', () => {
  assert.deepEqual(names('记者 郝新 通讯员 睢雨萱'), ['郝新', '睢雨萱']);
  assert.deepEqual(names('本报记者 茆思远'), ['茆思远']);
  assert.deepEqual(names('县委书记禚长河、副县长妥晓斌出席。'), ['禚长河', '妥晓斌']);
  assert.deepEqual(names('市委书记申屠刚在调研时强调。区委书记令狐建平主持会议。'), ['申屠刚', '令狐建平']);
});

test('minority names with a middle dot, after a title, a noun, or opening a clause', () => {
  assert.deepEqual(show('市中心医院副院长阿卜杜拉·艾则孜出席。'), ['阿卜杜拉·艾则孜(市中心医院副院长)']);
  assert.deepEqual(show('种植大户买买提江·吐尔洪（右）和农机手热合曼·艾买提驾驶采棉机。'), ['买买提江·吐尔洪(种植大户)', '热合曼·艾买提(农机手)']);
  assert.deepEqual(show('阿依古丽·买买提说，今年收成好。'), ['阿依古丽·买买提']);
  // a quoted title with a dot is no name
  assert.deepEqual(show('开展“巾帼心向党·关爱你我他”活动。'), []);
});

test('a name without a Han surname stands after an explicit title, not after a bare title word', () => {
  assert.deepEqual(show('副县长扎西多吉出席会议，旗长乌力吉主持。'), ['扎西多吉(副县长)', '乌力吉(旗长)']);
  for (const t of ['县长坦言，要抓好落实。', '局长认真听取汇报。', '县长先后来到三个村。', '区委书记亲自部署。', '合作社理事长伍春华查看苗情。'])
    assert.ok(!show(t).some((p) => !/^伍春华/u.test(p)), `${t}: ${show(t)}`);
});

test('a name before 同志, found before or looking like one; collective nouns before it are none', () => {
  assert.deepEqual(names('坚持以习近平同志为核心的党中央。王刚同志长期在基层工作。'), ['习近平', '王刚']);
  assert.deepEqual(show('向全体同志、广大同志、这位同志、老同志、年轻同志、基层同志致以问候。'), []);
});

test('address terms and time phrases are no names', () => {
  assert.deepEqual(show('“孩子们都很懂事。”张爷爷说。“我们也很高兴。”李阿姨笑着说。'), []);
  assert.deepEqual(show('金秋十月，硕果飘香。仲春时节，万物复苏。'), []);
});

