// Checks on the person-name data: server/data/surnames.json, public-figures.json, not-names.json.
// PEOPLE_DATA_DIR overrides the data directory (used to check that these tests catch broken data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.env.PEOPLE_DATA_DIR || path.join(root, 'server/data');
const raw = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
const load = (f) => JSON.parse(raw(f));

const surnames = load('surnames.json');
const figures = load('public-figures.json');
const notNames = load('not-names.json');

const HAN = /^\p{Script=Han}+$/u;
const len = (s) => [...s].length;
const dupes = (a) => [...new Set(a.filter((x, i) => a.indexOf(x) !== i))];

// JSON.parse keeps the last of two equal keys silently, so look for repeats in the text
function duplicateKeys(text) {
  const keys = [...text.matchAll(/"([^"\\]+)"\s*:/g)].map((m) => m[1]);
  return dupes(keys.filter((k) => HAN.test(k)));
}

// traditional-only forms of common surnames (the analyser folds these before lookup)
const TRADITIONAL = [...'張劉陳楊黃趙吳孫馬鄭謝韓馮鄧蕭許蘇盧葉錢羅鄒龔湯賈韋顧龍萬嚴閻蔣魯陸譚鍾鐘歐衛聶莊齊顏駱賴鄺關龐喬費饒聞溫鄔鳳華雲蘭藍於卻'];
const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
const hk2cn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const folds = (s) => t2cn(s) !== s || hk2cn(s) !== s;

const single = surnames.single ?? {};
const compound = surnames.compound ?? {};
const singleKeys = Object.keys(single);
const compoundKeys = Object.keys(compound);
const people = figures.people ?? [];
const words = notNames.words ?? [];
const figureNames = new Set(people.map((p) => p.name));

// ---------- surnames.json ----------

test('surnames: schema', () => {
  assert.equal(typeof surnames.about, 'string');
  assert.ok(surnames.about.length > 20);
  for (const [name, table] of [['single', single], ['compound', compound]]) {
    assert.ok(table && typeof table === 'object' && !Array.isArray(table), `${name} is an object`);
    for (const [k, v] of Object.entries(table)) {
      assert.equal(typeof v, 'number', `${name}.${k} is a number`);
      assert.ok(Number.isFinite(v) && v > 0 && v < 10, `${name}.${k} = ${v} is a share in (0, 10) percent`);
    }
  }
});

test('surnames: counts', () => {
  assert.ok(singleKeys.length >= 400, `single: ${singleKeys.length}`);
  assert.ok(compoundKeys.length >= 60, `compound: ${compoundKeys.length}`);
});

test('surnames: keys are Han only, single = 1 char, compound = 2 chars', () => {
  assert.deepEqual(singleKeys.filter((k) => !HAN.test(k) || len(k) !== 1), []);
  assert.deepEqual(compoundKeys.filter((k) => !HAN.test(k) || len(k) !== 2), []);
});

test('surnames: no duplicate keys', () => {
  assert.deepEqual(duplicateKeys(raw('surnames.json')), []);
});

test('surnames: simplified only', () => {
  assert.deepEqual(TRADITIONAL.filter((c) => !folds(c)), [], 'the traditional guard list itself folds');
  const keys = [...singleKeys, ...compoundKeys];
  assert.deepEqual(keys.filter((k) => [...k].some((c) => TRADITIONAL.includes(c))), [], 'traditional-only characters');
  assert.deepEqual(keys.filter(folds), [], 'keys that OpenCC folding would change (they could never match)');
});

test('surnames: the most common ones are present and ranked sensibly', () => {
  const top = [...'王李张刘陈杨黄赵吴周'];
  for (const c of top) assert.ok(single[c] >= 1.5, `${c} >= 1.5%`);
  for (let i = 1; i < top.length; i++) assert.ok(single[top[i - 1]] >= single[top[i]], `${top[i - 1]} >= ${top[i]}`);
  for (const c of '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈') {
    assert.ok(single[c] >= 0.1, `${c} >= 0.1%`);
  }
  const total = Object.values(single).reduce((a, b) => a + b, 0);
  assert.ok(total > 80 && total <= 100, `single shares sum to ${total.toFixed(1)}%`);
  assert.ok(single['王'] > compound['欧阳'] && compound['欧阳'] > compound['万俟'], 'compound shares are small');
});

test('surnames: 《百家姓》 and rarer news surnames are covered', () => {
  const baijiaxing = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎'
    + '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹'
    + '姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆'
    + '高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊惠甄'
    + '曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶'
    + '幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛'
    + '寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧'
    + '殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公'
    + '晋楚闫法汝鄢涂钦岳帅缑亢况有琴商牟佘佴墨哈谯笪年爱阳佟言福';
  const rare = '菅禤郗逯仝亓厍暴揭乜覃佘訾扈冼邝谌庹肖付';
  assert.deepEqual([...baijiaxing + rare].filter((c) => !(c in single)), []);
  const compounds = ['欧阳', '上官', '司马', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒',
    '夏侯', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠', '轩辕', '钟离', '闾丘',
    '东郭', '第五'];
  assert.deepEqual(compounds.filter((c) => !(c in compound)), []);
});

// ---------- public-figures.json ----------

const KINDS = new Set(['national-leader', 'historical', 'exemplar']);

test('public figures: schema', () => {
  assert.equal(typeof figures.about, 'string');
  assert.ok(Array.isArray(people) && people.length >= 60, `people: ${people.length}`);
  for (const p of people) {
    assert.deepEqual(Object.keys(p).sort(), ['kind', 'name', 'titles'], JSON.stringify(p));
    assert.ok(HAN.test(p.name) && len(p.name) >= 2 && len(p.name) <= 4, `name ${p.name}`);
    assert.ok(KINDS.has(p.kind), `${p.name}: kind ${p.kind}`);
    assert.ok(Array.isArray(p.titles), `${p.name}: titles is an array`);
    for (const t of p.titles) assert.ok(typeof t === 'string' && HAN.test(t) && len(t) <= 12, `${p.name}: title ${t}`);
    assert.deepEqual(dupes(p.titles), [], `${p.name}: repeated title`);
  }
});

test('public figures: no duplicates, simplified only', () => {
  assert.deepEqual(dupes(people.map((p) => p.name)), []);
  assert.deepEqual(people.map((p) => p.name).filter(folds), []);
  assert.deepEqual(people.flatMap((p) => p.titles).filter(folds), []);
});

test('public figures: required leaders and figures are present', () => {
  const leaders = ['习近平', '李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '李克强', '栗战书', '汪洋', '韩正', '俞正声',
    '张德江', '刘云山', '王岐山', '张高丽', '毛泽东', '周恩来', '刘少奇', '朱德', '邓小平', '江泽民', '胡锦涛', '李鹏', '朱镕基',
    '温家宝'];
  const kindOf = new Map(people.map((p) => [p.name, p.kind]));
  for (const n of leaders) assert.equal(kindOf.get(n), 'national-leader', n);
  for (const n of ['曹操', '孔子', '孟子', '老子', '岳飞', '包拯', '杜甫', '李白', '苏轼']) assert.equal(kindOf.get(n), 'historical', n);
  for (const n of ['焦裕禄', '雷锋', '孔繁森', '杨善洲', '黄大年', '张桂梅', '钟南山', '袁隆平', '屠呦呦']) {
    assert.equal(kindOf.get(n), 'exemplar', n);
  }
  assert.deepEqual(people.find((p) => p.name === '习近平').titles, ['总书记', '国家主席', '中央军委主席']);
});

test('public figures: every name starts with a listed surname', () => {
  const noSurname = new Set(['老子']); // 李耳; 老 is not listed as a surname on purpose
  const bad = people.map((p) => p.name).filter((n) => !noSurname.has(n) && !(n.slice(0, 2) in compound) && !(n[0] in single));
  assert.deepEqual(bad, []);
});

// ---------- not-names.json ----------

test('not-names: schema and count', () => {
  assert.equal(typeof notNames.about, 'string');
  assert.ok(Array.isArray(words), 'words is an array');
  assert.ok(words.length >= 300, `words: ${words.length}`);
  assert.deepEqual(words.filter((w) => typeof w !== 'string' || !HAN.test(w) || len(w) < 2 || len(w) > 4), []);
});

test('not-names: no duplicates, simplified only', () => {
  assert.deepEqual(dupes(words), []);
  assert.deepEqual(words.filter(folds), []);
});

test('not-names: each word starts with a surname', () => {
  assert.deepEqual(words.filter((w) => !(w[0] in single) && !(w.slice(0, 2) in compound)), []);
});

test('not-names: no word is a public figure name', () => {
  assert.deepEqual(words.filter((w) => figureNames.has(w)), []);
});

test('not-names: the everyday words the recogniser trips on are listed', () => {
  const must = ['高质量', '高水平', '张贴', '江南', '黄河', '黄金', '白名单', '石油', '金融', '万人', '方面', '方案', '向前',
    '常态化', '常委', '全面', '全市', '安全', '文化', '文明', '周边', '周年', '许多', '于是', '时间', '时代', '严格', '原则',
    '管理', '管委会', '司法'];
  const set = new Set(words);
  assert.deepEqual(must.filter((w) => !set.has(w)), []);
});
