// Unit tests for server/src/analysis/script.ts and script/ (build first: npx tsc -b).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenCC from 'opencc-js';
import S from '../../server/out/analysis/script.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(here, '../../../shared/seeds');

/** apply non-overlapping edits (original offsets) to text */
function applyEdits(text, edits) {
  let out = '', pos = 0;
  for (const e of edits) {
    assert.ok(e.start >= pos && e.end >= e.start, `edits sorted and non-overlapping: ${JSON.stringify(e)}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

test('converter: one cached function per variant', () => {
  for (const v of ['simplified', 'traditional', 'taiwan', 'hongkong']) {
    assert.equal(S.converter(v), S.converter(v));
    assert.equal(typeof S.converter(v)('汉字'), 'string');
  }
  assert.equal(S.converter('traditional')('汉语发展'), '漢語發展');
  assert.equal(S.converter('taiwan')('鼠标和软件'), '滑鼠和軟體');
  assert.equal(S.converter('hongkong')('为人民服务'), '為人民服務');
  assert.equal(S.toSimplified('漢語發展'), '汉语发展');
  // Taiwan and Hong Kong specific forms fold too
  assert.equal(S.toSimplified('裡面隨著'), '里面随着');
  assert.equal(S.toSimplified('保衞'), '保卫');
  // … while simplified text keeps 著 (zhù) and 么
  assert.equal(S.toSimplified('效果显著，著名作家，什么，原著'), '效果显著，著名作家，什么，原著');
});

test('detectScript: simplified, traditional, mixed, none', () => {
  const simp = S.detectScript('区委书记主持会议并讲话，传达学习党的二十大精神，安排部署学习贯彻落实工作。');
  assert.equal(simp.script, 'simplified');
  assert.ok(simp.simplifiedShare > 0.2 && simp.traditionalShare === 0);
  const trad = S.detectScript('區委書記主持會議並講話，傳達學習黨的二十大精神，安排部署學習貫徹落實工作。');
  assert.equal(trad.script, 'traditional');
  assert.ok(trad.traditionalShare > 0.2 && trad.simplifiedShare === 0);
  const mixed = S.detectScript('區委書記主持會議並講話，传达学习党的二十大精神，安排部署学习贯彻落实工作。');
  assert.equal(mixed.script, 'mixed');
  assert.equal(S.detectScript('').script, 'none');
  assert.equal(S.detectScript('Hello, world 2024!').script, 'none');
  assert.equal(S.detectScript('').hanCount, 0);
  // characters traditional text also writes (后 里 台 范 干) are not evidence of simplified
  assert.equal(S.detectScript('皇后在臺灣的公里數，范姓干部').script, 'traditional');
  // a long simplified text with a couple of traditional characters is still simplified
  assert.equal(S.detectScript('我们在会议上讨论这个问题与发展的关系，會議').script, 'simplified');
  // hanCount counts astral Han too
  assert.equal(S.detectScript('𠮷野家').hanCount, 3);
  assert.deepEqual(Object.keys(S.SCRIPT_THRESHOLDS).sort(), ['dominantShare', 'minSpecific', 'mixedMin', 'mixedShare']);
});

test('detectScript on the seeds', { skip: !fs.existsSync(SEEDS) && `no seeds at ${SEEDS}` }, () => {
  for (const f of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    const x = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    const info = S.detectScript(x);
    // 003 is the traditional one (with pinyin residue); the others are simplified
    assert.equal(info.script, f.startsWith('003') ? 'traditional' : 'simplified', f);
  }
});

test('convertText keeps pinyin residue and converts the Han around it as words', () => {
  assert.equal(S.convertText('会(huì)议', 'traditional'), '會(huì)議');
  assert.equal(S.convertText('會(huì)議', 'simplified'), '会(huì)议');
  assert.equal(S.convertText('區(qū)政府常務(wù)會(huì)議', 'simplified'), '区(qū)政府常务(wù)会(huì)议');
  // the phrase 头发 → 頭髮 still applies across residue and a hard wrap
  assert.equal(S.convertText('头(tóu)发很长', 'traditional'), '頭(tóu)髮很長');
  assert.equal(S.convertText('剪头\n发', 'traditional'), '剪頭\n髮');
  assert.equal(S.convertText('会（huì）议', 'hongkong'), '會（huì）議');
});

test('convertText puts gaps back exactly when Taiwan phrases change length', () => {
  const cases = [
    ['算法\n很好', '演算法\n很好'],                       // after a longer phrase
    ['元数据和算法\n互联网的内存', '後設資料和演算法\n網際網路的記憶體'],
    ['使用算\n法', '使用算\n法'],                         // 算法→演算法 would span the wrap: sides convert apart
    ['老挝人\n民民主共和国', '寮國人\n民民主共和國'],         // 老挝人民民主共和国→寮人民民主共和國 spans it too
    ['算(suàn)法和会(huì)议', '算(suàn)法和會(huì)議'],
  ];
  for (const [input, expected] of cases) {
    assert.equal(S.convertText(input, 'taiwan'), expected, input);
    assert.equal(applyEdits(input, S.convertEdits(input, 'taiwan')), expected, input);
  }
  assert.deepEqual(S.convertEdits('算法\n很好', 'taiwan'), [{ start: 0, end: 0, text: '演' }]);
});

test('convertText leaves protect spans untouched', () => {
  const text = '范围内，记者范明说';
  const name = text.indexOf('范明');
  assert.equal(S.convertText(text, 'traditional'), '範圍內，記者範明說'); // what OpenCC alone does
  assert.equal(S.convertText(text, 'traditional', { protect: [{ start: name, end: name + 2 }] }), '範圍內，記者范明說');
  assert.equal(S.convertText(text, 'taiwan', { protect: [{ start: name, end: name + 1 }] }), '範圍內，記者范明說');
  // out-of-range and overlapping spans are tolerated
  assert.equal(S.convertText(text, 'traditional', { protect: [{ start: -5, end: 1 }, { start: 0, end: 2 }, { start: 8, end: 99 }] }), '范围內，記者範明说');
});

test('convertText leaves Latin words, numbers, URLs and e-mail addresses untouched', () => {
  const text = '访问https://www.gov.cn/xinwen/2023-01/ab_c.htm或写信给news@example.com，COVID-19疫情10月28日，iPhone发布，U盘';
  const out = S.convertText(text, 'taiwan');
  for (const keep of ['https://www.gov.cn/xinwen/2023-01/ab_c.htm', 'news@example.com', 'COVID-19', '10', '28', 'iPhone', 'U']) {
    assert.ok(out.includes(keep), `${keep} kept in ${out}`);
  }
  assert.ok(out.startsWith('訪問https://'));
  assert.ok(out.includes('發布') || out.includes('釋出'), out);
  // U盘 is one OpenCC twp phrase (→隨身碟), but the Latin letter is kept: only 盘 converts
  assert.ok(out.endsWith('U盤'), out);
  assert.equal(S.convertText('no Han here 123', 'traditional'), 'no Han here 123');
  assert.equal(S.convertText('', 'simplified'), '');
});

test('convertText equals the bare converter on plain Han text, phrases included', () => {
  const text = '老挝人民民主共和国的互联网络发展，鼠标和软件。';
  for (const v of ['simplified', 'traditional', 'taiwan', 'hongkong']) assert.equal(S.convertText(text, v), S.converter(v)(text), v);
});

test('foldToSimplified keeps UTF-16 length and index correspondence', () => {
  const cases = [
    '會議',
    '𠮷野家在二噁英會議上說',         // astral char; 二噁英 → 二𫫇英 changes length (TSPhrases)
    '乾隆年間\uFA6C發展\n第二行：二噁英污染，隨著發展', // compatibility ideograph U+FA6C maps to an astral char
    '𠀀𠀁𡃁錢鐘書 二噁英',
    '單\uD840',                       // lone surrogate
  ];
  for (const text of cases) {
    const r = S.foldToSimplified(text);
    assert.equal(r.text.length, text.length, text);
    for (let i = 0; i < text.length; i++) {
      const hi = (c) => c >= 0xd800 && c <= 0xdbff;
      assert.equal(hi(r.text.charCodeAt(i)), hi(text.charCodeAt(i)), `surrogate shape at ${i} in ${text}`);
    }
  }
  assert.deepEqual(S.foldToSimplified('會議'), { text: '会议', sameLength: true });
  const r = S.foldToSimplified('𠮷野家在二噁英會議上說');
  assert.equal(r.sameLength, false);
  assert.equal(r.text, '𠮷野家在二恶英会议上说'); // 噁 folds alone, the rest of the line still folds
  const r2 = S.foldToSimplified('乾隆年間\uFA6C發展\n第二行：二噁英污染，隨著發展');
  assert.equal(r2.text, '乾隆年间\uFA6C发展\n第二行：二恶英污染，随着发展'); // phrase 乾隆 kept, U+FA6C left
  // index for index: every changed position is a one-character fold
  const t = '區(qū)政府會(huì)議\n𠮷二噁英';
  const f = S.foldToSimplified(t).text;
  for (let i = 0; i < t.length; i++) if (t[i] !== f[i] && !/[\uD800-\uDFFF]/.test(t[i])) assert.equal(S.toSimplified(t[i]), f[i]);
});

test('convertEdits applied to the text give convertText', () => {
  const texts = [
    '老挝人民民主共和国的发展，互联网络',
    '会(huì)议和发(fā)展在头\n发上，范围内 https://example.com/a 2023年',
    '區(qū)政府常務(wù)會(huì)議 𠮷野家 二噁英\uFA6C',
    '没有需要转换的字 abc',
    'abc',
  ];
  if (fs.existsSync(SEEDS)) for (const f of fs.readdirSync(SEEDS)) texts.push(fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  for (const text of texts) {
    for (const v of ['simplified', 'traditional', 'taiwan', 'hongkong']) {
      const protect = text.length > 10 ? [{ start: 3, end: 6 }] : [];
      const edits = S.convertEdits(text, v, { protect });
      const expected = S.convertText(text, v, { protect });
      assert.equal(applyEdits(text, edits), expected, `${v}: ${text.slice(0, 20)}`);
      for (const e of edits) assert.notEqual(text.slice(e.start, e.end), e.text, 'no no-op edits');
      if (expected.length === text.length) {
        // changed runs only: every edit starts and ends at a changed code unit
        for (const e of edits) {
          assert.notEqual(text[e.start], expected[e.start]);
          assert.ok(text[e.end - 1] !== expected[e.end - 1] || /[\uDC00-\uDFFF]/.test(text[e.end - 1]));
        }
      }
    }
  }
  assert.deepEqual(S.convertEdits('老挝人民民主共和国的发展', 'taiwan'), [
    { start: 0, end: 2, text: '寮' }, { start: 8, end: 9, text: '國' }, { start: 10, end: 11, text: '發' },
  ]);
});

test('ONE_TO_MANY_SURNAMES: each one is turned into another character by OpenCC', () => {
  const d = S.openccDicts();
  const st = new Map(S.dictEntries(d.STCharacters));
  const phraseStarts = new Set();
  for (const dict of [d.STPhrases, d.STPhrasesGenerated]) {
    for (const [k, v] of S.dictEntries(dict)) if (k[0] !== v[0]) phraseStarts.add(k[0]);
  }
  assert.ok(S.ONE_TO_MANY_SURNAMES instanceof Set && S.ONE_TO_MANY_SURNAMES.size >= 10);
  for (const c of S.ONE_TO_MANY_SURNAMES) {
    assert.ok((st.has(c) && st.get(c) !== c) || phraseStarts.has(c), `${c} is changed by s2t`);
  }
  for (const c of ['范', '余', '于', '干']) assert.ok(S.ONE_TO_MANY_SURNAMES.has(c));
  // the shielded name keeps its surname
  const text = '范围内，记者范伟说';
  const protect = [...text.matchAll(/[范余于干]伟/g)].map((m) => ({ start: m.index, end: m.index + 1 }));
  assert.equal(S.convertText(text, 'traditional', { protect }), '範圍內，記者范偉說');
});

/**
 * Pairs (a, b): simplified a can come back from traditional as b ≠ a, by OpenCC's own
 * dictionaries: a → t by STCharacters or by a same-length STPhrases entry (one-to-many
 * simplified → traditional, e.g. 坐标→座標), then t → b by the simplified chain (TW/HK variant
 * folding, TSCharacters, same-length TSPhrases entries, e.g. 乾→干).
 */
function explainablePairs() {
  const d = S.openccDicts();
  const add = (m, k, v) => { let s = m.get(k); if (!s) m.set(k, (s = new Set())); s.add(v); };
  const aligned = (m, dicts) => {
    for (const dict of dicts) for (const [k, v] of S.dictEntries(dict)) {
      const K = Array.from(k), V = Array.from(v);
      if (K.length === V.length) for (let i = 0; i < K.length; i++) add(m, K[i], V[i]);
    }
  };
  const toTrad = new Map(), toVar = new Map(), toSimp = new Map();
  aligned(toTrad, [d.STCharacters, d.STPhrases, d.STPhrasesGenerated]);
  aligned(toVar, [d.TWVariantsRev, d.HKVariantsRev, d.TWVariantsRevPhrases, d.HKVariantsRevPhrases]);
  aligned(toSimp, [d.TSCharacters, d.TSPhrases]);
  const back = (t) => {
    const out = new Set();
    for (const v of [t, ...(toVar.get(t) ?? [])]) for (const b of [v, ...(toSimp.get(v) ?? [])]) out.add(b);
    return out;
  };
  return (a, b) => [a, ...(toTrad.get(a) ?? [])].some((t) => back(t).has(b));
}

test('round trip on the seeds: toSimplified(convertText(x, traditional)) differs only at one-to-many characters',
  { skip: !fs.existsSync(SEEDS) && `no seeds at ${SEEDS}: round trip skipped` }, (t) => {
    const explained = explainablePairs();
    let total = 0;
    const report = [];
    for (const f of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
      const x = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      // a traditional seed is compared with its own folding
      const base = S.detectScript(x).script === 'simplified' ? x : S.toSimplified(x);
      const y = S.toSimplified(S.convertText(x, 'traditional'));
      assert.equal(y.length, base.length, f);
      const diffs = [];
      for (let i = 0; i < y.length; i++) {
        if (y[i] === base[i]) continue;
        diffs.push(`${base.slice(Math.max(0, i - 2), i + 2)}: ${base[i]}→${y[i]}`);
        assert.ok(explained(base[i], y[i]), `${f} at ${i}: ${base[i]}→${y[i]} is not an OpenCC one-to-many mapping`);
      }
      total += diffs.length;
      report.push(`${f}: ${diffs.length}${diffs.length ? ` (${diffs.join('; ')})` : ''}`);
    }
    const msg = `round trip: ${total} character(s) differ over the seeds, all explained by OpenCC one-to-many mappings — ${report.join(', ')}`;
    t.diagnostic(msg);
    console.log(msg);
  });

// (its speed against bare opencc-js is measured by `npm run bench`, not here)
test('each converter gives opencc-js\'s own conversion, on the seeds and on convertText\'s path', () => {
  let seeds = '';
  if (fs.existsSync(SEEDS)) for (const f of fs.readdirSync(SEEDS).sort()) seeds += fs.readFileSync(path.join(SEEDS, f), 'utf8') + '\n\n';
  else seeds = '区委书记主持会议并讲话，传达学习党的二十大精神（2022年10月28日）。會(huì)議 https://www.gov.cn/ 。\n';
  const bare = {
    traditional: OpenCC.Converter({ from: 'cn', to: 't' }),
    taiwan: OpenCC.Converter({ from: 'cn', to: 'twp' }),
    hongkong: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  };
  for (const v of ['traditional', 'taiwan', 'hongkong']) {
    assert.equal(S.converter(v)(seeds), bare[v](seeds), `${v}: converter is opencc-js's conversion`);
    // (taiwan's phrases also convert across a hard wrap in convertText: 项\n目 → 專\n案, which opencc-js leaves)
    if (v !== 'taiwan') assert.equal(S.convertText(seeds, v, { phrases: null }), bare[v](seeds), `${v}: convertText without shields or phrase layer is opencc-js's conversion`);
  }
});
