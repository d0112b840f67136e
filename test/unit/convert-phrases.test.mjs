// The conversion phrase layer (server/src/analysis/convertPhrases.ts, server/data/convert-phrases.json)
// on invented sentences of each phrase class, in every variant. Build first: npx tsc -b.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenCC from 'opencc-js';
import S from '../../server/out/analysis/script.js';
import P from '../../server/out/analysis/convertPhrases.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = JSON.parse(fs.readFileSync(path.resolve(here, '../../server/data/convert-phrases.json'), 'utf8'));
const SEEDS = path.resolve(here, '../../../shared/seeds');
const TRAD = ['traditional', 'taiwan', 'hongkong'];
const bare = (t, v) => S.convertText(t, v, { phrases: null });
/** OpenCC standard character → Taiwan / Hong Kong form: the character dictionaries of s2twp's and s2hk's last stage */
const GLYPHS = Object.fromEntries([['taiwan', 's2twp'], ['hongkong', 's2hk']].map(([v, cfg]) => {
  const m = new Map();
  for (const d of OpenCC.Locale.configs[cfg].conversionChain.at(-1)) {
    const pairs = S.dictEntries(d);
    if (pairs.every(([k]) => [...k].length === 1)) for (const [k, val] of pairs) m.set(k, val.split(' ')[0]);
  }
  return [v, m];
}));

function applyEdits(text, edits) {
  let out = '', pos = 0;
  for (const e of edits) { out += text.slice(pos, e.start) + e.text; pos = e.end; }
  return out + text.slice(pos);
}

/** [sentence, what every traditional variant must write, what OpenCC alone writes in s2t] */
const BOUNDARY = [
  ['全区上下奋进新征程', '奮進新征程', '奮進新徵程'],
  ['各部门要对标对表抓落实', '對標對表', '對標對錶'],
  ['对表现突出的个人予以通报', '對表現', '對錶現'],
  ['坚持一个中国原则', '一個中國', '一箇中國'],
  ['树立新时代好干部标准', '好幹部', '好乾部'],
  ['村里变得多干净', '多乾淨', '多幹淨'],
  ['把握机遇和面临的挑战', '和面臨', '和麪臨'],
  ['通知被发布后立即执行', '被發', '被髮'],
  ['推进社会治理发展', '治理發展', '治理髮展'],
  ['抓住黄金发展期', '黃金發展期', '黃金髮展期'],
  ['种粮能手表示很满意', '能手表示', '能手錶示'],
  ['按照规定制度执行', '規定制度', '規定製度'],
  ['政法机关系统', '機關系統', '機關係統'],
  ['增速提高几个百分点', '提高幾個', '提高几個'],
  ['进行针对性整改', '進行針對', '進行鍼對'],
  ['会议研究了解决措施', '了解決', '瞭解決'],
  ['会议讨论了如何推进', '了如何', '瞭如何'],
  ['并发挥示范带动作用', '並發揮', '併發揮'],
  ['党员干部带头发挥作用', '帶頭發揮', '帶頭髮揮'],
  ['统筹民生发展', '民生發展', '民生髮展'],
  ['这座古城具有百年历史', '百年歷史', '百年曆史'],
  ['学习不系统不深入', '不系統', '不繫統'],
  ['政策一出现偏差就纠正', '一出現', '一齣現'],
  ['举行重大项目集中签约仪式', '集中簽約', '集中籤約'],
  ['共有100人参加会议', '人參加', '人蔘加'],
  ['我们国家具有显著优势', '國家具有', '國傢俱有'],
  ['年产值达到1亿元后扩建', '億元後', '億元后'],
  ['强调制度建设', '強調制度', '強調製度'],
];

test('boundary phrases: every traditional variant writes the word, where OpenCC took a key across the boundary', () => {
  for (const [text, want, opencc] of BOUNDARY) {
    assert.ok(bare(text, 'traditional').includes(opencc), `OpenCC alone: ${bare(text, 'traditional')} (${text})`);
    for (const v of TRAD) assert.ok(S.convertText(text, v).includes(want), `${v}: ${S.convertText(text, v)} lacks ${want}`);
  }
});

test('longer OpenCC phrases still win over a layer entry inside them', () => {
  assert.match(S.convertText('术后出现并发症', 'traditional'), /併發症/);
  assert.match(S.convertText('一瓶生发水', 'traditional'), /生髮水/);
  assert.match(S.convertText('深入了解决策部署', 'traditional'), /瞭解決策/);
  assert.match(S.convertText('剪头发', 'hongkong'), /頭髮/);
  assert.match(S.convertText('企业兼并重组', 'traditional'), /兼併/);
  assert.match(S.convertText('吉林人参', 'taiwan'), /人參/, 'ginseng is 人參 in Taiwan too');
  // a key OpenCC keeps as it is guards its reading against the words (若干 in 若干部门), as guards do
  assert.match(S.convertText('若干部门', 'traditional'), /若干部門/);
  assert.match(S.convertText('头发生长', 'traditional'), /頭髮生長/);
  assert.match(S.convertText('理发店', 'traditional'), /理髮店/);
});

test('Taiwan vocabulary: the general word stays, where s2twp writes the IT term', () => {
  const text = '推进社区治理和循环经济，按照法定程序发布文件，支持现代化进程，优化营商环境，保障经济运行。';
  const tw = S.convertText(text, 'taiwan');
  for (const w of ['社區', '循環經濟', '程序', '發布', '文件', '支持', '進程', '優化', '運行']) assert.ok(tw.includes(w), `${w} in ${tw}`);
  const opencc = bare(text, 'taiwan');
  for (const w of ['社群', '迴圈', '程式', '檔案', '支援', '最佳化', '執行']) assert.ok(opencc.includes(w), `OpenCC alone writes ${w}: ${opencc}`);
  // the other variants never had the problem and are left as OpenCC writes them
  for (const v of ['traditional', 'hongkong']) assert.equal(S.convertText(text, v), bare(text, v), v);
  assert.match(S.convertText('召开新闻发布会', 'taiwan'), /新聞發布會/, 'a longer OpenCC phrase (发布会) gets the Taiwan form too');
  assert.match(S.convertText('高级人民法院', 'taiwan'), /高級人民法院/);
});

test('Taiwan boundaries: s2twp\'s phrases no longer match across two words, and the layer\'s words get Taiwan glyphs', () => {
  const text = '市领导出席会议，强调制度建设，落实各项目标任务，当今世界面临变局，群众心里踏实';
  const tw = S.convertText(text, 'taiwan');
  for (const w of ['領導出席', '強調制度', '各項目標', '世界面臨']) assert.ok(tw.includes(w), `${w} in ${tw}`);
  const opencc = bare(text, 'taiwan');
  for (const w of ['領匯出席', '強調變度', '各專案標', '世介面臨']) assert.ok(opencc.includes(w), `OpenCC alone writes ${w}: ${opencc}`);
  assert.match(tw, /群眾心裡/, 'Taiwan glyph forms still apply around and inside the layer');
  assert.match(S.convertText('政策一出台', 'hongkong'), /一出台/, 'and Hong Kong\'s: the form 一出臺 gets 台');
});

test('Hong Kong usage: 周年 in Hong Kong, 週年 in OpenCC standard and Taiwan', () => {
  const text = '庆祝建党100周年';
  assert.match(S.convertText(text, 'hongkong'), /100周年/);
  assert.match(S.convertText(text, 'traditional'), /100週年/);
  assert.match(S.convertText(text, 'taiwan'), /100週年/);
});

test('the simplified direction: entries marked for it read backwards', () => {
  assert.equal(S.convertText('為甚麼要這樣做', 'simplified'), '为什么要这样做');
  assert.equal(bare('為甚麼要這樣做', 'simplified'), '为甚么要这样做');
  // and the traditional output of the layer comes back to the simplified text
  for (const [text] of BOUNDARY) assert.equal(S.toSimplified(S.convertText(text, 'traditional')), text, text);
});

test('name shielding holds with the layer: a protected surname keeps its character', () => {
  const text = '范围内对标对表，记者范明说';
  const name = text.indexOf('范明');
  for (const v of TRAD) {
    const out = S.convertText(text, v, { protect: [{ start: name, end: name + 1 }] });
    assert.ok(out.startsWith('範圍內對標對表'), `${v}: ${out}`);
    assert.ok(out.includes('記者范明'), `${v}: ${out}`);
  }
  // a shield cuts a phrase: 对表 split by a protected span is no longer the phrase
  const cut = S.convertText('对表', 'traditional', { protect: [{ start: 1, end: 2 }] });
  assert.equal(cut, '對表');
});

test('convertEdits applied to the text give convertText, with the layer, in every variant', () => {
  const text = '会议要求，对标对表\n新征程(zhēng)目标，社区\n循环经济发展；一个中国原则。算法与程序';
  for (const v of ['simplified', ...TRAD]) {
    const src = v === 'simplified' ? S.convertText(text, 'taiwan') : text;
    assert.equal(applyEdits(src, S.convertEdits(src, v)), S.convertText(src, v), v);
  }
});

test('user phrases add to and override the built-in ones, per variant', () => {
  const user = P.builtinPhrases.with([
    { simplified: '对表', traditional: '對錶' }, // back to OpenCC's watch
    { simplified: '数据', taiwan: '數據', variants: ['taiwan'] }, // Taiwan writes 數據 in this user's texts
    { simplified: '云计算', hongkong: '雲端運算', variants: ['hongkong'] }, // a longer form, Hong Kong only
  ]);
  const text = '对标对表，用好数据和云计算';
  assert.match(S.convertText(text, 'traditional', { phrases: user }), /對標對錶/);
  assert.match(S.convertText(text, 'traditional'), /對標對表/, 'the built-in layer is untouched');
  assert.match(S.convertText(text, 'taiwan', { phrases: user }), /數據/);
  assert.match(S.convertText(text, 'taiwan'), /資料/);
  assert.match(S.convertText(text, 'traditional', { phrases: user }), /數據/, 'OpenCC standard keeps its own form');
  const hk = S.convertText(text, 'hongkong', { phrases: user });
  assert.match(hk, /雲端運算/);
  assert.equal(applyEdits(text, S.convertEdits(text, 'hongkong', { phrases: user })), hk);
  assert.match(S.convertText(text, 'traditional', { phrases: user }), /雲計算/);
  // the same set of phrases is one engine: a second call reuses it
  assert.equal(S.converter('taiwan', user), S.converter('taiwan', user));
});

test('user words win like the built-in ones', () => {
  // 口干 → 口乾 takes 干 from 干线 (a trunk line) in 出口干线: with 干线 as a word it stays 幹線
  const road = '港口干线公路';
  assert.match(bare(road, 'traditional'), /口乾線/);
  assert.match(S.convertText(road, 'traditional', { phrases: P.builtinPhrases.with([], ['干线']) }), /口幹線/);
});

test('the words of the data file are converted right on their own, each once', () => {
  assert.ok(P.builtinPhrases.words.length >= 30);
  assert.equal(new Set(P.builtinPhrases.words).size, P.builtinPhrases.words.length);
  for (const w of P.builtinPhrases.words) assert.equal(S.converter('traditional', P.builtinPhrases)(w), S.converter('traditional')(w), w);
});

test('parsePhraseEntries takes {phrases} or an array and names what is wrong with each entry', () => {
  assert.deepEqual(P.parsePhraseEntries([{ simplified: '对表', traditional: '對表', evidence: 'x' }]).entries, [{ simplified: '对表', traditional: '對表' }]);
  const { entries, problems } = P.parsePhraseEntries({ phrases: [
    { simplified: '对表', traditional: '對表' },
    { simplified: '对表' },
    { simplified: '对 表', traditional: '對表' },
    { simplified: '对表', traditional: '對表', variants: ['klingon'] },
    'text',
    { simplified: '对表', taiwan: 42 },
  ] });
  assert.equal(entries.length, 1);
  assert.equal(problems.length, 5);
  assert.match(problems[0], /phrase 2: give at least one/);
  assert.match(problems[1], /phrase 3: "simplified"/);
  assert.match(problems[2], /phrase 4: "variants"/);
  assert.match(problems[4], /phrase 6: "taiwan"/);
  assert.deepEqual(P.parsePhraseEntries({ entries: [] }).problems, ['expected {"phrases": [...]}']);
  const w = P.parsePhraseEntries({ phrases: [], words: ['发展', { word: '表示' }, '发', 'a b'] });
  assert.deepEqual(w.words, ['发展', '表示']);
  assert.equal(w.problems.length, 2);
});

test('the data file: every entry states its class and evidence, holds, and changes what OpenCC writes', () => {
  assert.ok(DATA.about.length > 100);
  assert.ok(DATA.phrases.length >= 40, `${DATA.phrases.length} entries`);
  const classes = new Set(['boundary', 'guard', 'taiwan-vocabulary', 'hong-kong-usage', 'round-trip']);
  const seen = new Set();
  for (const e of DATA.phrases) {
    assert.ok(classes.has(e.class), `${e.simplified}: class ${e.class}`);
    assert.ok(typeof e.evidence === 'string' && e.evidence.length > 20, `${e.simplified}: evidence`);
    const key = `${e.simplified}/${(e.variants ?? TRAD).join()}`;
    assert.ok(!seen.has(key), `${key} listed twice`);
    seen.add(key);
    const variants = e.variants ?? TRAD.filter((v) => e[v] ?? e.traditional);
    let differs = false;
    for (const v of variants) {
      // a form not given for Taiwan or Hong Kong gets that variant's glyphs (一出臺 → 一出台 in Hong Kong)
      const regional = (form) => (v === 'traditional' ? form : [...form].map((ch) => GLYPHS[v].get(ch) ?? ch).join(''));
      const [from, want] = v === 'simplified' ? [e.traditional ?? e.taiwan ?? e.hongkong, e.simplified] : [e.simplified, e[v] ?? regional(e.traditional)];
      const got = S.converter(v, P.builtinPhrases)(from);
      assert.equal(got, want, `${e.simplified} in ${v}`);
      if (S.converter(v)(from) !== got) differs = true;
    }
    // a guard only keeps a longer word from another entry (了解决策 from 了解决); it may equal OpenCC
    if (e.class !== 'guard') assert.ok(differs, `${e.simplified}: OpenCC alone already writes it so in ${variants}`);
  }
});

test('the data file writes `traditional` forms in OpenCC standard glyphs (the Taiwan and Hong Kong stages give theirs)', () => {
  const d = S.openccDicts();
  // a Taiwan or Hong Kong form that OpenCC standard does not write for its simplified character
  // (為, 裡 …; not 參, which it writes for 参, nor 核)
  const standard = (ch) => S.converter('traditional')(S.converter('simplified')(ch)) === ch;
  const regional = new Map();
  for (const dict of [d.TWVariantsRev, d.HKVariantsRev]) {
    for (const [k, v] of S.dictEntries(dict)) if ([...k].length === 1 && k !== v.split(' ')[0] && !standard(k)) regional.set(k, v.split(' ')[0]);
  }
  assert.equal(regional.get('為'), '爲');
  for (const e of DATA.phrases) {
    if (!e.traditional) continue;
    for (const ch of e.traditional) assert.ok(!regional.has(ch), `${e.simplified}: ${e.traditional} writes the regional ${ch}; OpenCC standard is ${regional.get(ch)}`);
  }
});

test('converting the seeds to traditional writes 新征程 and 對標對表', { skip: !fs.existsSync(SEEDS) && 'no seeds' }, () => {
  const found = { 新征程: 0, 对标对表: 0 };
  for (const f of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const x = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    const out = S.convertText(x, 'traditional');
    assert.equal(out.length, x.length, f);
    for (const [w, t] of [['新征程', '新征程'], ['对标对表', '對標對表']]) {
      for (let i = x.indexOf(w); i >= 0; i = x.indexOf(w, i + 1)) {
        found[w]++;
        assert.equal(out.slice(i, i + w.length), t, `${f} at ${i}`);
      }
    }
    assert.ok(!out.includes('徵程') && !out.includes('對錶'), f);
  }
  assert.ok(found.新征程 > 0 && found.对标对表 > 0, JSON.stringify(found));
});

test('the mixed-script fix converts with the phrase layer, the user\'s phrases included', async () => {
  const A = (await import('../../server/out/analysis/index.js')).default;
  const text = '本報訊 區委書記李偉光主持召開會議，傳達學習全會精神。會議強調，各級黨組織要堅持問題導向，深入調查研究，切實解決群衆急難愁盼問題。要对标对表，奋进新征程。\n';
  const fix = (opts) => {
    const f = A.analyzeDocument(text, opts).findings.find((x) => x.code === 'mixed-script');
    assert.ok(f, 'a mixed-script finding');
    return applyEdits(text, f.changes);
  };
  const out = fix({});
  assert.match(out, /對標對表，奮進新征程/);
  assert.match(fix({ convertPhrases: P.builtinPhrases.with([{ simplified: '新征程', traditional: '新徵程' }]) }), /奮進新徵程/);
});

test('zh-article convert applies the phrase layer and .zh-article/convert.json in the current directory', async () => {
  const { spawnSync } = await import('node:child_process');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-article-cli-phrases-'));
  try {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, '会议要求对标对表，奋进新征程，用好数据。\n');
    const cli = (cwd) => spawnSync(process.execPath, [path.resolve(here, '../../bin/zh-article.js'), 'convert', '--to', 'taiwan', file], { cwd, encoding: 'utf8' });
    const plain = cli(dir);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /對標對表，奮進新征程，用好資料/);
    fs.mkdirSync(path.join(dir, '.zh-article'));
    fs.writeFileSync(path.join(dir, '.zh-article', 'convert.json'), JSON.stringify({ phrases: [{ simplified: '数据', taiwan: '數據', variants: ['taiwan'] }] }));
    assert.match(cli(dir).stdout, /用好數據/);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});
