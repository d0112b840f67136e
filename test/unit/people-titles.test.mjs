// Titles and status nouns before a name, recognised by form rather than listed (people/titles.ts),
// with the names listed after them. Invented sentences, one pattern each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show, names } from '../support/people.mjs';

test('a head recognised by its form: …长, …员, …师, with any organisation before it', () => {
  assert.deepEqual(show('市中心医院药剂师冉秋生在义诊现场发放药品。'), ['冉秋生(市中心医院药剂师)']);
  assert.deepEqual(show('县气象站站长蒲志远介绍了天气形势。'), ['蒲志远(县气象站站长)']);
  assert.deepEqual(show('燃气公司技术员柴小军上门检查。'), ['柴小军(燃气公司技术员)']);
  assert.deepEqual(show('区数据中心首席架构师施乐天介绍。'), ['施乐天(区数据中心首席架构师)']);
  assert.deepEqual(show('乐团首席指挥巫晓梅出席音乐会。'), ['巫晓梅(乐团首席指挥)']);
  assert.deepEqual(show('省农科院研究员戴春林作专题辅导。'), ['戴春林(省农科院研究员)']);
  assert.deepEqual(show('主持人宁静宣布晚会开始。'), ['宁静(主持人)']);
});

test('words of a head\'s form that are no title introduce nobody', () => {
  for (const t of ['全县经济增长杨柳依依。', '全面推行林长制、河长制和路长制。', '河南师范大学新联学院。', '持续改善社区人居环境。', '落实县长热线和市长信箱。', '今年累计培训农民工3000余人次。'])
    assert.deepEqual(show(t), [], t);
});

test('group labels: [市县区镇乡旗局]领导, 班子成员 open an enumeration', () => {
  assert.deepEqual(show('市领导郑宏图、柯文秀、简思远出席活动。'), ['郑宏图(市领导)', '柯文秀(市领导)', '简思远(市领导)']);
  assert.deepEqual(show('局领导汤明远、蒲海生陪同调研。'), ['汤明远(局领导)', '蒲海生(局领导)']);
  assert.deepEqual(show('出席会议的县领导有：张三丰、李四海、王五洲。'), ['张三丰(县领导)', '李四海(县领导)', '王五洲(县领导)']);
  assert.deepEqual(show('镇领导班子成员尤振华、邰丽娟参加。'), ['尤振华(镇领导班子成员)', '邰丽娟(镇领导班子成员)']);
  // the label used as a noun, or before a verb: nobody
  assert.deepEqual(show('区领导班子参加会议，各级领导干部要带头。'), []);
  assert.deepEqual(show('实行县级领导包联重点项目制度。'), []);
});

test('chains of roles joined by 、 before one name', () => {
  assert.deepEqual(show('市委常委、宣传部部长呼延庆宣布大会开幕。'), ['呼延庆(市委常委、宣传部部长)']);
  assert.deepEqual(show('县委常委、统战部部长长孙丽华来到村里。'), ['长孙丽华(县委常委、统战部部长)']);
  assert.deepEqual(show('党组成员、一级调研员宓长青，秘书长章程出席会议。'), ['宓长青(党组成员、一级调研员)', '章程(秘书长)']);
});

test('status, occupation and kinship nouns introduce a name that looks like one', () => {
  assert.deepEqual(show('果农罗冬梅正忙着给苹果套袋。'), ['罗冬梅(果农)']);
  assert.deepEqual(show('在合作社务工的养殖户柏玉芳今年52岁。'), ['柏玉芳(养殖户)']);
  assert.deepEqual(show('他和女儿童欣一起搬运物资。'), ['童欣(女儿)']);
  assert.deepEqual(show('环卫工人刘桂兰每天凌晨四点起床。'), ['刘桂兰(环卫工人)']);
  assert.deepEqual(show('志愿者周晓雯耐心地为老人讲解政策。'), ['周晓雯(志愿者)']);
  // the same nouns before everyday words: nobody
  for (const t of ['广大群众纷纷点赞，游客纷纷拍照留念。', '居民楼道里很干净，群众满意度高。', '村民代表大会审议通过。', '乡干部包片、村干部包户，层层压实责任。'])
    assert.deepEqual(show(t), [], t);
});

test('enumerations: every name-shaped item gets the trigger\'s role', () => {
  assert.deepEqual(show('副县长华夏、吕志诚出席会议。'), ['华夏(副县长)', '吕志诚(副县长)']);
  assert.deepEqual(show('县领导张三丰、李四海、王五洲等参加活动。'), ['张三丰(县领导)', '李四海(县领导)', '王五洲(县领导)']);
  // an item that is no name does not end the list
  assert.deepEqual(names('区领导谢明远、某某、韩丽娟出席。'), ['谢明远', '韩丽娟']);
  // an item followed by words that hold a title is still a name
  assert.deepEqual(show('区领导文明、乐正华、牟振东为受表彰代表颁奖。'), ['文明(区领导)', '乐正华(区领导)', '牟振东(区领导)']);
});

test('mixed lists: a role belongs to the names it stands before', () => {
  assert.deepEqual(show('区委副书记王海、区委常委、副区长李刚、赵明出席。'), ['王海(区委副书记)', '李刚(区委常委、副区长)', '赵明(区委常委、副区长)']);
  assert.deepEqual(show('区人大常委会主任赵刚、区政协主席钱进出席。'), ['赵刚(区人大常委会主任)', '钱进(区政协主席)']);
  assert.deepEqual(show('县委书记杨光和县长高远一同看望慰问。'), ['杨光(县委书记)', '高远(县长)']);
  // a name ending like a title (建民) is a name in a list and no role before the next
  assert.deepEqual(show('县领导张三丰、王建民、李四海出席。'), ['张三丰(县领导)', '王建民(县领导)', '李四海(县领导)']);
  assert.deepEqual(show('县委书记张建民、县长王刚出席。'), ['张建民(县委书记)', '王刚(县长)']);
});

test('appointments give the role after the name', () => {
  assert.deepEqual(show('会议任命靳卫华为县教育和体育局局长，阚明远为县农业农村局局长。'), ['靳卫华(县教育和体育局局长)', '阚明远(县农业农村局局长)']);
  assert.deepEqual(show('会议补选韦丽萍为县政协副主席。'), ['韦丽萍(县政协副主席)']);
  assert.deepEqual(show('市委决定：任命王刚同志为县委书记，李明华同志为县长。'), ['王刚(县委书记)', '李明华(县长)']);
  assert.deepEqual(show('大会选举产生了新一届领导班子，薛明当选为协会会长，侯建华、柳青当选为副会长。'), ['薛明(协会会长)', '侯建华(副会长)', '柳青(副会长)']);
});

test('roles as the text gives them: organisations with 和/与 stay whole, epithets before figures', () => {
  assert.deepEqual(show('县文化广电和旅游局局长庞一凡介绍。'), ['庞一凡(县文化广电和旅游局局长)']);
  assert.deepEqual(show('“我们很高兴。”和睦社区党委书记柯立新说。'), ['柯立新(和睦社区党委书记)']);
  // 和 between two people still separates them
  assert.deepEqual(show('县长王刚和副县长李明出席。'), ['王刚(县长)', '李明(副县长)']);
  assert.deepEqual(show('长孙丽华和县教育局干部綦丹一起帮着打馕。'), ['綦丹(县教育局干部)']);
  // a preposition opening the clause is no part of the role
  assert.deepEqual(show('据县气象局副局长尹秋实介绍，未来三天仍有降雨。'), ['尹秋实(县气象局副局长)']);
  assert.deepEqual(show('参观抗日英雄杨靖宇纪念馆，追忆民族英雄岳飞，诵读唐代诗人李白的诗。'), ['杨靖宇(抗日英雄)', '岳飞(民族英雄)', '李白(唐代诗人)']);
});

test('generic title nouns, address terms and a surname that starts a word give no name', () => {
  for (const t of ['座谈会上，几位人大代表和商户代表围绕夜市管理提出建议。', '代表和群众纷纷表示赞同。', '他和常委会组成人员一起视察。',
    '深入学习贯彻习近平总书记关于防汛救灾的重要指示。', '魏都区召开贯彻落实省委书记经济工作会议精神会议。', '在县委的坚强领导下，全县上下齐心协力。'])
    assert.deepEqual(show(t).filter((p) => !p.startsWith('习近平')), [], t);
});
