// Unit tests for server/src/analysis/slogans.ts (build first: npx tsc -b): glossary matching
// (longest form, overrides), the quoted spans findSlogans reads, and findExpansion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SL from '../../server/out/analysis/slogans.js';

const { builtinGlossary: G, findSlogans, findExpansion, Glossary } = SL;
const hits = (view, g = G) => findSlogans(view, g).map((h) => [view.slice(h.start, h.end), h.source, h.key, !!h.vocabulary]);

test('Glossary.matchAt: the longest form at a position, nothing elsewhere', () => {
  const s = '坚持两学一做学习教育，统筹推进五位一体总体布局';
  assert.equal(G.matchAt(s, 2), '两学一做学习教育'); // the variant is longer than the canonical form
  assert.equal(G.matchAt(s, 15), '五位一体');
  assert.equal(G.matchAt(s, 0), undefined);
  assert.equal(G.matchAt(s, 16), undefined);
  assert.equal(G.matchAt(s, -1), undefined);
  assert.equal(G.matchAt(s, s.length), undefined);
  assert.equal(G.matchAt('两学一', 0), undefined); // a prefix of a form is no match
  assert.equal(G.lookup('五位一体').canonical, '五位一体');
  assert.ok(G.size >= 349);
});

test('Glossary.withOverrides adds and overrides forms, leaving the original alone', () => {
  const g = G.withOverrides([
    { canonical: '三攻坚一提升', explanation: 'local' },
    { canonical: '五位一体', variants: ['五位一体总体布局'], explanation: 'override' },
  ]);
  const s = '推进三攻坚一提升和五位一体总体布局';
  assert.equal(g.matchAt(s, 2), '三攻坚一提升');
  assert.equal(g.matchAt(s, 9), '五位一体总体布局');
  assert.equal(g.lookup('五位一体').explanation, 'override');
  assert.equal(G.matchAt(s, 2), undefined);
  assert.equal(G.matchAt(s, 9), '五位一体');
  assert.notEqual(G.lookup('五位一体').explanation, 'override');
  // one-character forms are not matched
  const one = new Glossary([{ canonical: '党', explanation: 'x' }]);
  assert.equal(one.matchAt('党', 0), undefined);
  assert.equal(one.size, 0);
});

test('findSlogans: glossary terms in running text, numbered ones marked, others vocabulary', () => {
  assert.deepEqual(hits('增强四个意识，推动高质量发展，坚定四个自信'), [
    ['四个意识', 'glossary', '四个意识', false],
    ['高质量发展', 'glossary', '高质量发展', true],
    ['四个自信', 'glossary', '四个自信', false],
  ]);
  // the longest form wins and matching resumes after it
  assert.deepEqual(hits('两学一做学习教育'), [['两学一做学习教育', 'glossary', '两学一做', false]]);
});

test('findSlogans: quoted spans', () => {
  // a glossary form in quotes, a numbered formulation, parallel short clauses
  assert.deepEqual(hits('深刻领悟“两个确立”，落实“三个落实”，建设“生态优、文化兴、创新强”'), [
    ['两个确立', 'glossary', '两个确立', false],
    ['三个落实', 'numbered', '三个落实', false],
    ['生态优、文化兴、创新强', 'quoted', '生态优、文化兴、创新强', false],
  ]);
  // all four kinds of quotes
  assert.deepEqual(hits('‘四个意识’「四个自信」『两个维护』').map((h) => h[0]), ['四个意识', '四个自信', '两个维护']);
  // speech, an event's name, an honour and Latin text are no slogans
  assert.deepEqual(hits('“我们一定要把工作做好。”他说。开展“迎新春送温暖”主题活动，“中国好人”，“COVID-19”'), []);
  // a glossary term inside a quote that is no slogan is still found, outside quotes it is vocabulary
  assert.deepEqual(hits('“我们要推动高质量发展！”'), [['高质量发展', 'glossary', '高质量发展', true]]);
  // no quote across a line break, none empty, none with a quote of the same kind inside
  assert.deepEqual(hits('“三个\n落实”'), []);
  assert.deepEqual(hits('“”三个落实'), []);
  assert.deepEqual(hits('“三个“两个维护”').map((h) => [h[0], h[1]]), [['两个维护', 'glossary']]);
});

test('findSlogans: a quote holds 1 to 60 code points (an astral character counts once)', () => {
  const astral = '𠮷';
  // 60 code points (90 UTF-16 units) between the quotes: a span (classified, here as no slogan)
  // that hides the glossary term inside it from the running-text pass only if it is a slogan
  const inner60 = astral.repeat(30) + '五位一体' + '好'.repeat(26);
  assert.equal([...inner60].length, 60);
  const inner61 = inner60 + '好';
  // neither is a slogan (too long), so the term inside is found by the running-text pass either way
  assert.deepEqual(hits(`“${inner60}”`).map((h) => h[0]), ['五位一体']);
  assert.deepEqual(hits(`“${inner61}”`).map((h) => h[0]), ['五位一体']);
  // a short quote with astral characters is one span
  assert.deepEqual(hits(`“${astral}化”`), [[`${astral}化`, 'quoted', `${astral}化`, false]]);
  // a quote opened without a close within 60 code points: the next quote starts the span
  assert.deepEqual(hits(`“${'好'.repeat(70)}“两个维护”`).map((h) => h[0]), ['两个维护']);
});

test('findExpansion: the text spells out a numbered formulation', () => {
  const view = '区委提出“三个落实”，即坚持穿透落实、闭环落实、担当落实，推动工作见效。';
  assert.deepEqual(findExpansion(view, '三个落实'), ['穿透落实', '闭环落实', '担当落实']);
  assert.equal(findExpansion(view, '四个落实'), null); // three items, not four
  assert.equal(findExpansion(view, '高质量发展'), null); // not numbered
  // asked again, the answer is the same, and a copy of its own
  const a = findExpansion(view, '三个落实');
  a.push('x');
  assert.deepEqual(findExpansion(view, '三个落实'), ['穿透落实', '闭环落实', '担当落实']);
  // another text, another answer
  assert.equal(findExpansion('没有列举。', '三个落实'), null);
  assert.deepEqual(findExpansion(view, '三个落实'), ['穿透落实', '闭环落实', '担当落实']);
});
