// Checks on the slogan glossary: server/data/glossary.json.
// GLOSSARY_FILE overrides the file (used to check that these tests catch broken data).
// The checks live in problems(); the last tests feed it deliberately broken copies
// of the real data and expect each breakage to be reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = process.env.GLOSSARY_FILE || path.join(root, 'server/data/glossary.json');
const text = fs.readFileSync(file, 'utf8');
const doc = JSON.parse(text);

const SCOPES = ['national', 'provincial', 'local'];
const CATEGORIES = ['party-building', 'ideology', 'governance', 'economy', 'reform', 'livelihood', 'discipline',
  'epidemic', 'rural', 'ecology', 'security', 'work-style', 'other'];
const REQUIRED_KEYS = ['canonical', 'variants', 'scope', 'category', 'explanation', 'expansion', 'origin', 'year', 'ambiguous'];
const ALLOWED_KEYS = new Set([...REQUIRED_KEYS, 'region']);
const THIS_YEAR = new Date().getFullYear();

// a written form: Han characters, digits, a few joiners; no quotes, brackets of titles or spaces
const FORM = /^[\p{Script=Han}0-9０-９+＋、，·—]+$/u;
const QUOTES = /["'“”‘’「」『』《》〈〉\s]/u;

// numbered formulations: leading numeral + classifier (the count is literal)
const NUMBERED = /^([一二两三四五六七八九十百千万]+)[个项种大条化不最]/;
// several numeral groups, e.g. 四不两直, 三去一降一补, 两不愁三保障
const COMPOUND = /^(?:[一二两三四五六七八九十][^一二两三四五六七八九十、，]{1,3}[、，]?){2,}$/;
// short abbreviations starting with a numeral, e.g. 六稳, 三农, 双碳
const SHORT = /^[一二两三四五六七八九十双][\p{Script=Han}]{1,2}$/u;

// counts that the leading numeral does not give literally (compounds, abbreviations)
const COUNTS = {
  三严三实: 6, 两学一做: 3, 三会一课: 4, 三重一大: 4, 三去一降一补: 5, 四不两直: 6, 三新一高: 4,
  三微一端: 4, 两微一端: 3, 三线一单: 4, 三区三线: 6, 四议两公开: 6, 三管三必须: 3, 三化三制: 6,
  两不愁三保障: 5, 一带一路: 2, 一老一小: 2, 两个一百年: 2, '一个中心、两个基本点': 3, '四个革命、一个合作': 5,
  三个一批: 3, 五个一批: 5, '双随机、一公开': 3,
  六稳: 6, 六保: 6, 四风: 4, 四早: 4, 四力: 4, 三农: 3, 三保: 3, 三公经费: 3, 三定方案: 3, 两委: 2,
  两新组织: 2, 三资管理: 3, 三北工程: 3, 三贴近: 3, 三医联动: 3, 三驾马车: 3, 四上企业: 4, 五通: 5,
  五星支部: 5, 三标活动: 3, 三变改革: 3, 三治融合: 3, 两型社会: 2, 四方责任: 4, 三步走: 3, 两步走: 2,
  政治三力: 3, 双碳: 2, 双减: 2, 双拥: 2, 能耗双控: 2, 两重: 2, 四张牌: 4, 四路协同: 4, 八八战略: 8,
  走转改: 3, 放管服: 3, 专精特新: 4, 亲诚惠容: 4, 五位一体: 5, 四下基层: 4,
};
// start with a numeral but are not lists of items
const NOT_LISTS = new Set(['十个手指弹钢琴', '一国两制', '一把手', '一刀切', '一肩挑', '双循环']);

// every formulation named in the brief must be findable (as canonical or variant)
const MUST_HAVE = [
  '两个确立', '两个维护', '四个意识', '四个自信', '三个务必', '五位一体', '四个全面', '三严三实', '四不两直', '放管服',
  '放管服改革', '放管服效', '六稳', '六保', '我为群众办实事', '急难愁盼', '枫桥经验', '八项本领', '七种能力', '八项规定', '四风',
  '两学一做', '不忘初心牢记使命', '三会一课', '一岗双责', '新发展理念', '五大发展理念', '新发展格局', '双循环', '两山论',
  '绿水青山就是金山银山', '共同富裕', '乡村振兴', '精准扶贫', '六个精准', '五个一批', '四个不摘', '两不愁三保障', '一带一路',
  '五个坚持', '九个必须', '十个明确', '十四个坚持', '十三个方面成就', '两个一百年', '两步走', '中国式现代化', '三新一高',
  '两个结合', '六个必须坚持', '四个伟大', '四个革命一个合作', '双碳', '三去一降一补', '三大攻坚战', '四个最严', '河湖长制',
  '疫情要防住、经济要稳住、发展要安全', '统筹疫情防控和经济社会发展', '新十条', '二十条', '动态清零', '四早', '四方责任',
  '十个手指弹钢琴', '第一责任人', '三重一大', '三个区分开来', '四种形态', '一把手', '关键少数', '三不腐', '打虎拍蝇猎狐',
  '党建+', '两新组织', '三微一端', '亲清政商关系', '散乱污', '三定方案', '六最营商环境',
  '两个确保', '十大战略', '万人助万企', '万人助企', '三标活动',
];

// exact expansions given in the brief
const EXACT = {
  四个意识: ['政治意识', '大局意识', '核心意识', '看齐意识'],
  四个自信: ['道路自信', '理论自信', '制度自信', '文化自信'],
  三个务必: ['务必不忘初心、牢记使命', '务必谦虚谨慎、艰苦奋斗', '务必敢于斗争、善于斗争'],
  两个维护: ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'],
  五位一体: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
  四个全面: ['全面建设社会主义现代化国家', '全面深化改革', '全面依法治国', '全面从严治党'],
  四不两直: ['不发通知', '不打招呼', '不听汇报', '不用陪同接待', '直奔基层', '直插现场'],
  两个确立: ['确立习近平同志党中央的核心、全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'],
  七种能力: ['政治能力', '调查研究能力', '科学决策能力', '改革攻坚能力', '应急处突能力', '群众工作能力', '抓落实能力'],
  三不腐: ['不敢腐', '不能腐', '不想腐'],
};
// expansions whose items must start with these words, in order
const PREFIXES = {
  八项本领: ['学习', '政治领导', '改革创新', '科学发展', '依法执政', '群众工作', '狠抓落实', '驾驭风险'],
  四方责任: ['属地', '部门', '单位', '个人'],
};
// words an explanation must contain
const MENTIONS = {
  我为群众办实事: ['党史学习教育', '2021'],
  急难愁盼: ['急事', '难事', '期盼', '民生'],
  乡村振兴: ['产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕'],
};
const AMBIGUITY_WORDS = /多指|多组|不止|不同|区分|泛指|另有所指|所指/;

const DIGITS = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Chinese numeral (up to 99, or 一百) to a number; null when not a plain numeral */
export function cnNumber(s) {
  if (s === '一百' || s === '百') return 100;
  if (/^[一二两三四五六七八九]$/.test(s)) return DIGITS[s];
  const m = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return null;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
}

const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
const hk2cn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const notSimplified = (s) => t2cn(s) !== s || hk2cn(s) !== s;
const len = (s) => [...s].length;
const dupes = (a) => [...new Set(a.filter((x, i) => a.indexOf(x) !== i))];

/** every problem found in a glossary document, as readable strings (empty when the data is good) */
export function problems(d, { checkMustHave = true } = {}) {
  const out = [];
  const bad = (where, msg) => out.push(`${where}: ${msg}`);
  if (!d || typeof d !== 'object' || Array.isArray(d)) return ['document is not an object'];
  for (const k of Object.keys(d)) if (k !== 'about' && k !== 'entries') bad('document', `unexpected key ${k}`);
  if (typeof d.about !== 'string' || len(d.about) < 20) bad('about', 'missing or too short');
  else if (!d.about.includes('glossary.SOURCES.md')) bad('about', 'does not point to glossary.SOURCES.md');
  if (!Array.isArray(d.entries)) return [...out, 'entries is not an array'];

  const owner = new Map(); // written form -> canonical of the entry that owns it
  const explanations = new Map();
  d.entries.forEach((e, i) => {
    const id = `entry ${i} (${e && e.canonical})`;
    if (!e || typeof e !== 'object') return bad(id, 'not an object');
    for (const k of REQUIRED_KEYS) if (!(k in e)) bad(id, `missing ${k}`);
    for (const k of Object.keys(e)) if (!ALLOWED_KEYS.has(k)) bad(id, `unexpected key ${k}`);

    // written forms
    const forms = [e.canonical, ...(Array.isArray(e.variants) ? e.variants : [])];
    if (!Array.isArray(e.variants)) bad(id, 'variants is not an array');
    for (const f of forms) {
      if (typeof f !== 'string' || !f) { bad(id, 'empty or non-string form'); continue; }
      if (QUOTES.test(f)) bad(id, `form "${f}" contains quotes, title marks or spaces`);
      else if (!FORM.test(f)) bad(id, `form "${f}" has characters other than Han, digits and joiners`);
      if (len(f) < 2 || len(f) > 40) bad(id, `form "${f}" length ${len(f)} outside 2..40`);
      if (notSimplified(f)) bad(id, `form "${f}" is not simplified Chinese (OpenCC changes it)`);
      if (owner.has(f)) bad(id, `form "${f}" already used by ${owner.get(f)}`);
      else owner.set(f, e.canonical);
    }

    // scope / region / category
    if (!SCOPES.includes(e.scope)) bad(id, `bad scope ${e.scope}`);
    if (e.scope === 'national') {
      if ('region' in e) bad(id, 'national entry has a region');
    } else if (typeof e.region !== 'string' || !e.region || notSimplified(e.region)) {
      bad(id, `${e.scope} entry needs a simplified region`);
    }
    if (!CATEGORIES.includes(e.category)) bad(id, `bad category ${e.category}`);

    // explanation
    const x = e.explanation;
    if (typeof x !== 'string') bad(id, 'explanation is not a string');
    else {
      if (len(x) < 10 || len(x) > 200) bad(id, `explanation length ${len(x)} outside 10..200`);
      if (!/\p{Script=Han}/u.test(x)) bad(id, 'explanation has no Chinese');
      if (!/[。！？]$/.test(x)) bad(id, 'explanation does not end with a full stop');
      if (notSimplified(x)) bad(id, 'explanation is not simplified Chinese');
      if (/https?:|www\./.test(x)) bad(id, 'explanation contains a link');
      if (explanations.has(x)) bad(id, `explanation duplicates ${explanations.get(x)}`);
      else explanations.set(x, e.canonical);
      if (x === e.canonical) bad(id, 'explanation only repeats the canonical form');
    }

    // expansion
    const ex = e.expansion;
    if (!Array.isArray(ex)) bad(id, 'expansion is not an array');
    else {
      for (const it of ex) {
        if (typeof it !== 'string' || !it.trim()) bad(id, 'empty expansion item');
        else if (notSimplified(it)) bad(id, `expansion item "${it}" is not simplified`);
      }
      if (dupes(ex).length) bad(id, `duplicate expansion items ${dupes(ex).join(' ')}`);
      if (ex.length === 1) bad(id, 'expansion with a single item');
    }

    // origin / year / ambiguous
    if (typeof e.origin !== 'string') bad(id, 'origin is not a string');
    else if (e.origin && notSimplified(e.origin)) bad(id, 'origin is not simplified');
    if (e.year !== null && !(Number.isInteger(e.year) && e.year >= 1921 && e.year <= THIS_YEAR)) bad(id, `bad year ${e.year}`);
    if (typeof e.ambiguous !== 'boolean') bad(id, 'ambiguous is not a boolean');
    else if (e.ambiguous && typeof x === 'string' && !AMBIGUITY_WORDS.test(x)) bad(id, 'ambiguous entry does not say so in its explanation');

    // numbered formulations
    if (!Array.isArray(ex)) return;
    const c = e.canonical;
    const m = NUMBERED.exec(c);
    const exempt = NOT_LISTS.has(c) || (e.ambiguous === true && ex.length === 0);
    if (c in COUNTS) {
      if (ex.length !== COUNTS[c]) bad(id, `expansion has ${ex.length} items, expected ${COUNTS[c]}`);
    } else if (m && !exempt) {
      const want = cnNumber(m[1]);
      if (ex.length === 0) bad(id, 'numbered formulation without expansion');
      else if (want !== null && ex.length !== want) bad(id, `expansion has ${ex.length} items, "${m[1]}" says ${want}`);
    } else if ((COMPOUND.test(c) || SHORT.test(c)) && !exempt) {
      bad(id, 'starts with a numeral but is neither in COUNTS nor in NOT_LISTS (add its count)');
    }
    if (ex.length && !m && !(c in COUNTS) && /^[一二两三四五六七八九十双]/.test(c)) {
      bad(id, 'numbered expansion whose count is not checked (add it to COUNTS)');
    }
    if (ex.length && !(c in COUNTS)) {
      for (const v of e.variants ?? []) {
        const vm = NUMBERED.exec(v);
        const want = vm && cnNumber(vm[1]);
        if (want && ex.length !== want) bad(id, `variant "${v}" says ${want} but expansion has ${ex.length} items`);
      }
    }
  });

  const byCanon = new Map(d.entries.map((e) => [e && e.canonical, e]));
  for (const c of Object.keys(COUNTS)) if (!byCanon.has(c)) bad('COUNTS', `${c} is not a canonical form`);
  const counts = { national: 0, provincial: 0, local: 0 };
  for (const e of d.entries) if (e && e.scope in counts) counts[e.scope]++;
  if (counts.national < 200) bad('entries', `only ${counts.national} national entries`);
  const henan = d.entries.filter((e) => e && e.region === '河南').length;
  if (henan < 10) bad('entries', `only ${henan} entries for 河南`);

  if (checkMustHave) {
    for (const f of MUST_HAVE) if (!owner.has(f)) bad('coverage', `missing ${f}`);
    for (const [c, want] of Object.entries(EXACT)) {
      const e = byCanon.get(c);
      if (!e) bad('coverage', `missing canonical ${c}`);
      else if (JSON.stringify(e.expansion) !== JSON.stringify(want)) bad(c, `expansion ${JSON.stringify(e.expansion)}`);
    }
    for (const [c, pre] of Object.entries(PREFIXES)) {
      const e = byCanon.get(c);
      if (!e) bad('coverage', `missing canonical ${c}`);
      else if (e.expansion.length !== pre.length || pre.some((p, i) => !e.expansion[i].startsWith(p))) bad(c, 'expansion items wrong');
    }
    for (const [c, words] of Object.entries(MENTIONS)) {
      const e = byCanon.get(c);
      if (!e) bad('coverage', `missing canonical ${c}`);
      else for (const w of words) if (!e.explanation.includes(w)) bad(c, `explanation does not mention ${w}`);
    }
    if (byCanon.get('新十条')?.ambiguous !== true) bad('新十条', 'must be marked ambiguous');
    const fgf = owner.get('放管服改革');
    if (fgf !== '放管服') bad('放管服', '放管服改革 should be a variant of 放管服');
    if (owner.get('万人助企') !== '万人助万企') bad('万人助万企', '万人助企 should be a variant of 万人助万企');
    const henanCanon = ['两个确保', '十大战略', '万人助万企', '三标活动'];
    for (const c of henanCanon) if (byCanon.get(c) && byCanon.get(c).region !== '河南') bad(c, 'should be provincial 河南');
  }
  return out;
}

// JSON.parse keeps the last of two equal keys silently, so look for repeated keys inside each entry
function repeatedKeysInEntries(src) {
  const found = [];
  for (const block of src.split(/\n {4}\{\n/).slice(1)) {
    const keys = [...block.split(/\n {4}\}/)[0].matchAll(/^ {6}"([a-z]+)":/gm)].map((m) => m[1]);
    if (dupes(keys).length) found.push(...dupes(keys));
  }
  return found;
}

test('glossary data has no problems', () => {
  const p = problems(doc);
  assert.deepEqual(p, [], `\n${p.join('\n')}`);
});

test('no repeated keys inside entries', () => {
  assert.deepEqual(repeatedKeysInEntries(text), []);
});

test('entry counts', () => {
  const n = (s) => doc.entries.filter((e) => e.scope === s).length;
  assert.ok(n('national') >= 200, `national ${n('national')}`);
  assert.ok(n('provincial') >= 10, `provincial ${n('provincial')}`);
  assert.ok(n('local') >= 3, `local ${n('local')}`);
});

test('cnNumber', () => {
  assert.equal(cnNumber('两'), 2);
  assert.equal(cnNumber('十'), 10);
  assert.equal(cnNumber('十三'), 13);
  assert.equal(cnNumber('二十'), 20);
  assert.equal(cnNumber('二十四'), 24);
  assert.equal(cnNumber('八五'), null);
});

// ---- the checks must fail on bad data ----
const clone = () => structuredClone(doc);
const find = (d, c) => d.entries.find((e) => e.canonical === c);
const entry = (d, c, extra) => ({ ...structuredClone(find(d, c)), variants: [], ...extra });
// each mutation breaks the data in one way; the report must contain the given text
const mutations = {
  'duplicate canonical': [(d) => { d.entries.push(entry(d, '四风', { explanation: '另一条重复的四风释义，用来测试。' })); }, 'already used by 四风'],
  'variant collides with another canonical': [(d) => { find(d, '六稳').variants.push('六保'); }, 'form "六保" already used'],
  'variant equals own canonical': [(d) => { find(d, '六稳').variants.push('六稳'); }, 'form "六稳" already used'],
  'expansion count wrong (literal numeral)': [(d) => { find(d, '四个意识').expansion.pop(); }, '"四" says 4'],
  'expansion count wrong (compound)': [(d) => { find(d, '三去一降一补').expansion.pop(); }, 'expected 5'],
  'expansion count wrong (variant)': [(d) => { find(d, '新发展理念').expansion.pop(); }, 'variant "五大发展理念" says 5'],
  'numbered without expansion': [(d) => { find(d, '八项本领').expansion = []; }, 'numbered formulation without expansion'],
  'unchecked numbered expansion': [(d) => { d.entries.push(entry(d, '四下基层', { canonical: '五下基层', explanation: '测试用的虚构提法，不应通过检查。' })); }, 'add it to COUNTS'],
  'unknown numbered abbreviation': [(d) => { d.entries.push(entry(d, '六稳', { canonical: '七稳', expansion: [], explanation: '测试用的虚构提法，不应通过检查。' })); }, 'neither in COUNTS nor in NOT_LISTS'],
  'stale COUNTS key': [(d) => { find(d, '四早').canonical = '四早要求'; }, 'COUNTS: 四早 is not a canonical form'],
  'traditional canonical': [(d) => { find(d, '两个确立').canonical = '兩個確立'; }, 'is not simplified Chinese'],
  'traditional explanation': [(d) => { find(d, '四风').explanation = '作風建設要整治的四類問題，這是測試。'; }, 'explanation is not simplified'],
  'traditional expansion item': [(d) => { find(d, '四风').expansion[0] = '形式主義'; }, 'is not simplified'],
  'explanation too short': [(d) => { find(d, '四风').explanation = '四种作风。'; }, 'outside 10..200'],
  'explanation too long': [(d) => { find(d, '四风').explanation = '很长的释义'.repeat(41) + '。'; }, 'outside 10..200'],
  'explanation without full stop': [(d) => { find(d, '四风').explanation = find(d, '四风').explanation.slice(0, -1); }, 'full stop'],
  'duplicated explanation': [(d) => { find(d, '六保').explanation = find(d, '六稳').explanation; }, 'explanation duplicates 六稳'],
  'quotes in canonical': [(d) => { find(d, '四风').canonical = '“四风”'; }, 'contains quotes'],
  'duplicate expansion item': [(d) => { find(d, '四风').expansion[1] = '形式主义'; }, 'duplicate expansion items'],
  'bad scope': [(d) => { find(d, '四风').scope = 'county'; }, 'bad scope'],
  'provincial without region': [(d) => { delete find(d, '两个确保').region; }, 'needs a simplified region'],
  'national with region': [(d) => { find(d, '四风').region = '河南'; }, 'national entry has a region'],
  'bad category': [(d) => { find(d, '四风').category = 'politics'; }, 'bad category'],
  'bad year': [(d) => { find(d, '四风').year = '2013'; }, 'bad year'],
  'future year': [(d) => { find(d, '四风').year = THIS_YEAR + 1; }, 'bad year'],
  'ambiguous without saying so': [(d) => { find(d, '新十条').explanation = '2022年12月发布的十条新冠疫情防控优化措施。'; }, 'does not say so'],
  'ambiguity flag dropped': [(d) => { find(d, '新十条').ambiguous = false; }, '新十条: must be marked ambiguous'],
  'missing key': [(d) => { delete find(d, '四风').origin; }, 'missing origin'],
  'extra key': [(d) => { find(d, '四风').note = 'x'; }, 'unexpected key note'],
  'too few national': [(d) => { d.entries = d.entries.filter((e) => e.scope !== 'national').concat(d.entries.filter((e) => e.scope === 'national').slice(0, 150)); }, 'national entries'],
  'brief term missing': [(d) => { d.entries = d.entries.filter((e) => e.canonical !== '急难愁盼'); }, 'missing 急难愁盼'],
  'exact expansion changed': [(d) => { find(d, '四个自信').expansion[3] = '历史自信'; }, '四个自信: expansion'],
  'mention missing': [(d) => { find(d, '我为群众办实事').explanation = '各级党组织为群众解决实际困难的实践活动，后推动常态化。'; }, 'does not mention 党史学习教育'],
  'about without sources pointer': [(d) => { d.about = 'zh-article 提法词库，释义由作者撰写，来源另见文档。'; }, 'glossary.SOURCES.md'],
};
for (const [name, [mutate, expected]] of Object.entries(mutations)) {
  test(`catches bad data: ${name}`, () => {
    const d = clone();
    mutate(d);
    const p = problems(d);
    assert.ok(p.some((x) => x.includes(expected)), `${name}: expected a report containing "${expected}", got:\n${p.join('\n')}`);
  });
}
