// Unit tests for server/src/features/corpusAggregate.ts (build first): the aggregate kept in step
// file by file answers exactly what one built from scratch answers, after edits, additions and
// deletions. Invented reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import A from '../../server/out/analysis/index.js';
import S from '../../server/out/features/summary.js';
import C from '../../server/out/features/corpusAggregate.js';

const { analyzeDocument, builtinGlossary } = A;
const summary = (name, text) => S.summarize(`file:///ws/${name}`, name, analyzeDocument(text));
const report = (date, body) => `桃溪县召开工作会议\n\n本报讯 ${date}，${body}\n`;

/** Everything the views can ask, as plain data. */
function views(agg) {
  const people = agg.sortedPeople('mentions').map((e) => agg.personItem(e));
  const byName = agg.sortedPeople('name').map((e) => e.key);
  const slogans = [...agg.slogans.values()].map((e) => agg.sloganItem(e)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const months = [...agg.months].map(([m, rs]) => [m, rs.map(({ f, i }) => `${f.uri}#${i}`).sort()]).sort();
  return { people, byName, slogans, months };
}
const fresh = (files) => { const agg = new C.CorpusAggregate(builtinGlossary); agg.sync(files); return views(agg); };

test('kept in step through edits, additions and deletions, it equals an aggregate built afresh', () => {
  const a = summary('2021-03-05.txt', report('3月4日', '县委副书记、县长石文渊出席会议并讲话，强调要坚持“两个维护”。'));
  const b = summary('2023-12-20.txt', report('12月19日', '县委书记石文渊出席会议，县长钟明远主持会议。'));
  const c = summary('2022/c.txt', report('5月6日', '副县长柳青禾出席会议，要求落实“两个确立”。'));
  const agg = new C.CorpusAggregate(builtinGlossary);
  const steps = [
    [a, b],
    [a, b, c],
    [a, summary('2023-12-20.txt', report('12月19日', '县委书记石文渊出席会议，县长韩知行主持会议。')), c], // an edit renames a person
    [a, c], // a file deleted
    [c], // the last mention of 石文渊 gone
    [],
  ];
  for (const files of steps) {
    agg.sync(files);
    assert.deepEqual(views(agg), fresh(files));
  }
  assert.equal(agg.people.size, 0);
  assert.equal(agg.months.size, 0);
});

test('a person across files: mentions and reports add up, the latest dated role leads, the filter reads names and roles in either script', () => {
  const a = summary('2021-03-05.txt', report('3月4日', '县长石文渊出席会议并讲话。'));
  const b = summary('2023-12-20.txt', report('12月19日', '县委书记石文渊出席会议。石文渊强调，要抓好落实。'));
  const agg = new C.CorpusAggregate(builtinGlossary);
  agg.sync([b, a]);
  const e = agg.people.get('石文渊');
  assert.deepEqual(agg.personItem(e), { key: '石文渊', name: '石文渊', kind: 'official', mentions: 3, reports: 2, latestRole: '县委书记' });
  assert.ok(agg.personMatches(e, '县长'));
  assert.ok(agg.personMatches(e, '县委书记'));
  assert.ok(!agg.personMatches(e, '副市长'));
  const trad = summary('t.txt', report('3月4日', '縣長石文淵出席會議並講話。'));
  agg.sync([trad]);
  assert.ok(agg.personMatches(agg.people.get('石文渊'), '县长'), 'a traditional role matches a simplified filter');
});

test('a slogan or a person is shown as most often written, whichever file came first', () => {
  const trad = summary('t.txt', report('3月4日', '會議要求，要做到“兩個維護”。'));
  const simp = (n) => summary(`s${n}.txt`, report('3月5日', '会议要求，要做到“两个维护”。'));
  const agg = new C.CorpusAggregate(builtinGlossary);
  agg.sync([trad, simp(1), simp(2)]);
  const item = agg.sloganItem(agg.slogans.get('两个维护'));
  assert.equal(item.text, '两个维护');
  assert.equal(item.count, 3);
  agg.sync([trad]);
  assert.equal(agg.sloganItem(agg.slogans.get('两个维护')).text, '兩個維護');
  const tradPerson = summary('p.txt', report('3月4日', '縣長鍾明遠出席會議。'));
  const simpPerson = (n) => summary(`q${n}.txt`, report('3月5日', '县长钟明远出席会议。'));
  agg.sync([tradPerson, simpPerson(1), simpPerson(2)]);
  assert.equal(agg.personItem(agg.people.get('钟明远')).name, '钟明远');
  agg.sync([tradPerson]);
  assert.equal(agg.personItem(agg.people.get('钟明远')).name, '鍾明遠');
});
