// The corpus over the protocol: zhArticle/corpus answers the People, Slogans and Reports views
// from the workspace index, follows files changed on disk and edits in open documents, and
// zh-article.server.export writes the records. A temp workspace: the seeds and invented reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, SEEDS } from '../support/lsp.mjs';

const CORPUS = 'zhArticle/corpus';
const dir = mkdtempSync(join(tmpdir(), 'zh-corpus-'));
const haveSeeds = existsSync(SEEDS);
if (haveSeeds) for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) copyFileSync(join(SEEDS, f), join(dir, f));
// one official, two offices, two years: the role change must show in date order
writeFileSync(join(dir, '2021-03-05-taoxi.txt'), '桃溪县召开春耕生产工作会议\n\n本报讯 3月4日，桃溪县召开春耕生产工作会议。县委副书记、县长石文渊出席会议并讲话。会议强调，要坚持“藏粮于地、藏粮于技”。\n');
writeFileSync(join(dir, 'taoxi-b.txt'), '桃溪县召开经济工作会议\n\n发布时间：2023-12-20 来源：县委办\n\n本报讯 12月19日，桃溪县召开经济工作会议。县委书记石文渊出席会议并讲话，县长钟明远主持会议。\n');
let s;
before(async () => { s = await startServer({ folder: dir }); });
after(async () => { await s.stop(); rmSync(dir, { recursive: true, force: true }); });

const ask = (q) => s.request(CORPUS, q);

test('People: every person with mentions; sort by name or by mentions; a filter on names and roles', async () => {
  const all = await ask({ view: 'people' });
  const names = all.people.map((p) => p.key);
  assert.ok(names.includes('石文渊') && names.includes('钟明远'), names.slice(0, 20).join(' '));
  for (let i = 1; i < all.people.length; i++) assert.ok(all.people[i - 1].mentions >= all.people[i].mentions, 'by mentions, most first');
  const byName = await ask({ view: 'people', sort: 'name' });
  assert.equal(byName.people.length, all.people.length);
  assert.notDeepEqual(byName.people.map((p) => p.key), names);
  const filtered = await ask({ view: 'people', filter: '县委书记' });
  assert.ok(filtered.people.some((p) => p.key === '石文渊'));
  assert.ok(!filtered.people.some((p) => p.key === '钟明远'), 'a filter on a role keeps only the people with it');
  assert.deepEqual((await ask({ view: 'people', filter: '石文' })).people.map((p) => p.key), ['石文渊']);
});

test('a person: roles in date order with first and last dates, then the reports by date at the mention', async () => {
  const p = await ask({ view: 'person', key: '石文渊' });
  assert.deepEqual(p.roles.map((r) => [r.role, r.first?.iso, r.last?.iso]), [
    ['县委副书记', '2021-03-04', '2021-03-04'], ['县长', '2021-03-04', '2021-03-04'], ['县委书记', '2023-12-19', '2023-12-19']]);
  assert.deepEqual(p.reports.map((r) => [r.file, r.date?.iso, r.report]), [
    ['2021-03-05-taoxi.txt', '2021-03-04', '桃溪县召开春耕生产工作会议'], ['taoxi-b.txt', '2023-12-19', '桃溪县召开经济工作会议']]);
  const text = readFileSync(join(dir, 'taoxi-b.txt'), 'utf8').split('\n');
  const at = p.reports[1].range;
  assert.equal(text[at.start.line].slice(at.start.character, at.end.character), '石文渊');
});

test('the seeds: 李伟光 with both roles of seed 000, dated by month and day (the page gives no year)', { skip: !haveSeeds && 'no seeds' }, async () => {
  const p = await ask({ view: 'person', key: '李伟光' });
  assert.deepEqual(p.roles.map((r) => r.role).sort(), ['区委副书记', '区长']);
  assert.ok(p.roles.every((r) => r.first?.iso === '--10-28'), JSON.stringify(p.roles));
  assert.equal(p.reports.length, 2);
});

test('Slogans: count, glossary scope and explanation; the reports of one', async () => {
  const list = await ask({ view: 'slogans' });
  const grain = list.find((x) => x.key === '藏粮于地、藏粮于技');
  assert.ok(grain, list.map((x) => x.key).join(' '));
  assert.equal(grain.count, 1);
  if (haveSeeds) {
    const two = list.find((x) => x.key === '两个确立');
    assert.equal(two.scope, 'national');
    assert.ok(two.explanation.length > 10);
    assert.ok(two.expansion.some((x) => x.includes('核心地位')), 'the glossary\'s expansion, as the hover gives it');
    const d = await ask({ view: 'slogan', key: '两个确立' });
    assert.ok(d.reports.length >= 1 && d.reports.every((r) => r.uri.startsWith('file:')));
  }
});

test('Reports: months newest first, then the reports of a month with bylines and people count', async () => {
  const months = (await ask({ view: 'months' })).map((m) => m.month);
  assert.ok(months.indexOf('2023-12') < months.indexOf('2021-03'), months.join(' '));
  const dec = await ask({ view: 'reports', month: '2023-12' });
  assert.deepEqual(dec.map((r) => [r.report, r.people, r.date.approximate]), [['桃溪县召开经济工作会议', 2, false]]);
});

test('a file changed on disk is read again alone; an edit in an open document shows too', async () => {
  const file = join(dir, 'taoxi-c.txt');
  writeFileSync(file, '桃溪县召开安全生产会议\n\n本报讯 5月6日，桃溪县召开安全生产会议。副县长柳青禾出席会议。\n');
  const told = () => s.notifications.filter((n) => n.method === 'zhArticle/corpusChanged').length;
  const before = told();
  s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
  const seen = async (key, tries = 50) => { for (let i = 0; i < tries; i++) { if ((await ask({ view: 'people' })).people.some((p) => p.key === key)) return true; await new Promise((r) => setTimeout(r, 100)); } return false; };
  assert.ok(await seen('柳青禾'), 'a new file on disk');
  // as the scan does, a change in a hidden or skipped folder is not indexed
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  const skipped = join(dir, 'node_modules', 'x.txt');
  writeFileSync(skipped, '桃溪县召开会议\n\n本报讯 5月7日，桃溪县召开会议。副县长蓝若溪出席会议。\n');
  s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(skipped).href, type: 1 }] });
  assert.ok(!(await seen('蓝若溪', 10)), 'a file under node_modules'); // (a file read takes milliseconds)
  for (let i = 0; i < 30 && told() === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(told() > before, 'the views are told');
  const uri = pathToFileURL(join(dir, 'taoxi-b.txt')).href;
  s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text: readFileSync(join(dir, 'taoxi-b.txt'), 'utf8').replace('钟明远', '韩知行') } });
  assert.ok(await seen('韩知行'), 'an edit not yet saved');
  assert.ok(!(await ask({ view: 'people' })).people.some((p) => p.key === '钟明远'), 'the old name is gone');
});

test('export: one record per mention and per slogan, with the report, its date and the roles written there', async () => {
  const out = join(dir, 'out.jsonl');
  const r = await s.request('workspace/executeCommand', { command: 'zh-article.server.export', arguments: [out, 'jsonl'] });
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, r.records);
  const shi = rows.filter((x) => x.person_key === '石文渊');
  assert.deepEqual(shi.map((x) => [x.file, x.report_date, x.roles.join('、')]), [['2021-03-05-taoxi.txt', '2021-03-04', '县委副书记、县长'], ['taoxi-b.txt', '2023-12-19', '县委书记']]);
  assert.ok(rows.every((x) => x.schema_version === 1 && x.line >= 1));
  assert.ok(rows.some((x) => x.record === 'slogan' && x.slogan_key === '藏粮于地、藏粮于技'));
  await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.export', arguments: [out, 'xml'] }), /jsonl or csv/);
  await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.export', arguments: [join(dir, 'no-such-folder', 'out.csv'), 'csv'] }), /Cannot write/);
  assert.ok(s.alive());
});
