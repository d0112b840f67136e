// foldToSimplified (the analysis view's fold) and detectScript over a range: server/src/analysis/script/fold.ts and detect.ts.
// Build first: npx tsc -b. The fold converts only the stretches around characters that can change and
// must give what converting the whole text gives, index for index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import S from '../../server/out/analysis/script.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const load = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]) : []);
const seeds = load(SEEDS);
const examples = load(path.join(ROOT, 'examples'));

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
function assertSameShape(a, b, label) {
  assert.equal(b.length, a.length, `${label}: length`);
  for (let i = 0; i < a.length; i++) assert.equal(isHigh(b.charCodeAt(i)), isHigh(a.charCodeAt(i)), `${label}: surrogate at ${i}`);
}

/** What the fold must give: the whole text converted at once, when that keeps the shape. */
function expectFold(text) {
  const whole = S.toSimplified(text);
  return whole.length === text.length ? whole : null;
}

const TRADITIONAL = '日前,區(qū)政府區(qū)長、黨組書記高金全主持召開區(qū)政府常務(wù)會(huì)議，傳達學習重要精神，研究審議有關事項。\n'
  + '會議強調，要堅持以人民為中心，紮實推進鄉村振興，著力解決群眾急難愁盼問題。裡外兼顧，保衞家園。';
const SIMPLIFIED = '日前，区政府区长、党组书记高金全主持召开区政府常务会议，传达学习重要精神，研究审议有关事项。\n'
  + '会议强调，要坚持以人民为中心，扎实推进乡村振兴，着力解决群众急难愁盼问题。效果显著，著名作家，什么，原著，乾隆年间。';

test('folding traditional text keeps its length and gives the simplified characters', () => {
  const r = S.foldToSimplified(TRADITIONAL);
  assertSameShape(TRADITIONAL, r.text, 'sample');
  assert.equal(r.sameLength, true);
  assert.equal(r.text, S.toSimplified(TRADITIONAL));
  for (const [trad, simp] of [['區(qū)政府區(qū)長', '区(qū)政府区(qū)长'], ['黨組書記', '党组书记'], ['常務(wù)會(huì)議', '常务(wù)会(huì)议'], ['傳達學習', '传达学习'], ['群眾', '群众'], ['著力', '着力'], ['裡外', '里外'], ['保衞', '保卫']]) {
    const at = TRADITIONAL.indexOf(trad);
    assert.ok(at >= 0, trad);
    assert.equal(r.text.slice(at, at + trad.length), simp, `${trad} → ${simp}`);
  }
  // the pinyin residue and punctuation stay where they were
  assert.equal(r.text.slice(TRADITIONAL.indexOf('(qū)'), TRADITIONAL.indexOf('(qū)') + 4), '(qū)');
  assert.equal(S.detectScript(r.text).script, 'simplified');
});

test('folding a traditional seed (with pinyin residue) keeps its length and equals converting it whole',
  { skip: seeds.length === 0 && `no seeds at ${SEEDS}` }, () => {
    const trad = seeds.filter(([, x]) => S.detectScript(x).script === 'traditional');
    assert.ok(trad.length >= 1, 'a traditional seed');
    for (const [f, x] of trad) {
      const r = S.foldToSimplified(x);
      assertSameShape(x, r.text, f);
      const want = expectFold(x);
      if (want !== null) assert.equal(r.text, want, f);
      assert.notEqual(r.text, x, `${f} changed`);
      assert.equal(S.detectScript(r.text).script, 'simplified', f);
    }
  });

test('simplified text comes back unchanged', () => {
  const texts = [['sample', SIMPLIFIED], ...seeds, ...examples].filter(([, x]) => S.detectScript(x).script === 'simplified');
  assert.ok(texts.length >= 3);
  let unchanged = 0;
  for (const [f, x] of texts) {
    const r = S.foldToSimplified(x);
    assert.equal(r.sameLength, true, f);
    // what converting it whole gives: the text itself, but for the rare character t2s folds in
    // simplified text too (the name 王随乾 → 王随干 in one seed)
    assert.equal(r.text, S.toSimplified(x), f);
    if (r.text === x) unchanged++;
  }
  assert.ok(unchanged >= texts.length - 1, `${unchanged} of ${texts.length} unchanged`);
  assert.equal(S.foldToSimplified(SIMPLIFIED).text, SIMPLIFIED);
  for (const [f, x] of examples) if (S.detectScript(x).script === 'simplified') assert.equal(S.foldToSimplified(x).text, x, f);
  assert.deepEqual(S.foldToSimplified(''), { text: '', sameLength: true });
  assert.deepEqual(S.foldToSimplified('Hello, world 2024!'), { text: 'Hello, world 2024!', sameLength: true });
});

test('fold equals converting the whole text, on mixed and tricky text', () => {
  const cases = [
    SIMPLIFIED + '\n' + TRADITIONAL + '\n' + SIMPLIFIED,
    // characters that Taiwan / Hong Kong folding turns into their OpenCC standard form and t2s turns back
    '群众峰会，台湾兑现核心，羣衆，峯會',
    // 著 and 么 in simplified words, in traditional text, and a Taiwan 著 for the particle zhe
    '显著著名什么原著，隨著發展，土著',
    // phrases of t2s (乾隆 stays, 乾淨 folds), a phrase split by a line break, compatibility ideographs
    '乾隆年間，乾淨\n衛生，\uFA6C發展，\uF900',
    // length-changing folds: 二噁英 (TSPhrases → an astral character) and astral characters
    '二噁英污染，𠮷野家在會議上說，𠀀𠀁𡃁錢鐘書',
    // an ideographic description sequence (opencc-js skips it whole, boundaries included)
    '⿰氵每，會議 ⿱，發展',
    // lone surrogates
    '單\uD840會議\uDC00發展',
    // stretches to fold close together and far apart
    '会议' + '的'.repeat(10) + '會議' + '，'.repeat(40) + '發展' + '\n'.repeat(3) + '學習',
  ];
  for (const x of cases) {
    const r = S.foldToSimplified(x);
    assertSameShape(x, r.text, x);
    const want = expectFold(x);
    if (want !== null) {
      assert.equal(r.text, want, x);
      assert.equal(r.sameLength, true, x);
    } else {
      assert.equal(r.sameLength, false, x);
      // every other position is the whole-text fold of its own character (or left as it was)
      for (let i = 0; i < x.length; i++) {
        if (r.text[i] === x[i] || isHigh(x.charCodeAt(i)) || (x.charCodeAt(i) & 0xfc00) === 0xdc00) continue;
        assert.equal(r.text[i], S.toSimplified(x[i]), `${x} at ${i}`);
      }
    }
  }
  // a long document: the traditional report inside a simplified one folds, the rest stays
  const long = (SIMPLIFIED + '\n').repeat(200) + TRADITIONAL + '\n' + (SIMPLIFIED + '\n').repeat(200);
  const r = S.foldToSimplified(long);
  assert.equal(r.text, S.toSimplified(long));
  assert.equal(r.text, (SIMPLIFIED + '\n').repeat(200) + S.toSimplified(TRADITIONAL) + '\n' + (SIMPLIFIED + '\n').repeat(200));
});

test('detectScript over a range equals detectScript of the slice', () => {
  const text = SIMPLIFIED + '\n' + TRADITIONAL + '𠮷\uD840';
  const cuts = [[0, text.length], [0, SIMPLIFIED.length], [SIMPLIFIED.length + 1, text.length], [5, 30], [text.length - 3, text.length], [text.length - 2, text.length - 1], [10, 10], [-5, 3], [40, 1e9]];
  for (const [a, b] of cuts) assert.deepEqual(S.detectScript(text, a, b), S.detectScript(text.slice(Math.max(0, a), b)), `${a}..${b}`);
  for (const [f, x] of seeds) assert.deepEqual(S.detectScript(x, 0, x.length), S.detectScript(x), f);
  // an astral Han character counts once; a lone high surrogate is no character
  assert.equal(S.detectScript('𠮷\uD840野').hanCount, 2);
});

test('converter(v) gives what opencc-js Converter gives, on awkward text too', async () => {
  const { default: OpenCC } = await import('opencc-js');
  const bare = {
    traditional: OpenCC.Converter({ from: 'cn', to: 't' }),
    taiwan: OpenCC.Converter({ from: 'cn', to: 'twp' }),
    hongkong: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  };
  const texts = [
    '会议', '', 'abc',
    // compatibility ideographs (normalised first), astral and lone surrogates, 二噁英
    '河道\uFA6C控，\uF900发展𠮷野家\uD840单二噁英',
    // ideographic description sequences, Latin inside dictionary phrases, a line break inside a phrase
    '⿰氵每发展，⿱艹⿰日月，PN结和SQL注入，头\n发，鼠标和软件，演算法',
    SIMPLIFIED.repeat(3), // long enough for the code-unit path
    (SIMPLIFIED + '\uFA6C𠮷\n').repeat(2),
  ];
  for (const [v, conv] of Object.entries(bare)) for (const x of texts) assert.equal(S.converter(v)(x), conv(x), `${v}: ${x.slice(0, 20)}`);
});
