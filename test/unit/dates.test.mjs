// Unit tests for server/src/analysis/dates.ts (build first): each report's calendar date from its
// dateline and the year the page, its own metadata, the file name or the lead gives. Invented texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import D from '../../server/out/analysis/dates.js';
import A from '../../server/out/analysis/index.js';

const { resolveReportDates, dateInFileName, pageDate, compareDates } = D;
/** reports given as [text of the report, dateline as reports.ts finds it] */
function dated(parts, fileName = '', before = '') {
  let text = before;
  const reports = [];
  for (const [body, date] of parts) { reports.push({ start: text.length, end: text.length + body.length, date }); text += body + '\n\n'; }
  return resolveReportDates(text, reports, fileName).map((d) => d && `${d.iso}${d.approximate ? '~' : ''} ${d.source}`);
}

test('a dateline with its year is the date, exactly', () => {
  assert.deepEqual(dated([['本报讯 2022年3月9日，槐阳县召开春耕工作会议。', '2022年3月9日']]), ['2022-03-09 dateline']);
});

test('a month-day dateline takes its year from the page, its own metadata or the file name, in that order', () => {
  const page = '首页 > 新闻\n\n发布时间：2021-06-02 来源：县政府办\n\n';
  assert.deepEqual(dated([['6月1日，岚水区举行防汛演练。', '6月1日']], '', page), ['2021-06-01 page']);
  const own = '青溪镇推进人居环境整治\n發佈時間:2019/11/20\n11月18日，青溪鎮召開會議。';
  assert.deepEqual(dated([[own, '11月18日']], 'news/2024-01-02.txt'), ['2019-11-18 metadata']);
  assert.deepEqual(dated([['9月3日，枫林街道开展义诊活动。', '9月3日']], 'archive/2020-09-04_fenglin.txt'), ['2020-09-03 file-name']);
});

test('a dateline well after the publication date belongs to the year before', () => {
  const page = '时间：2023-01-04\n\n';
  assert.deepEqual(dated([['12月29日，白石乡召开年终总结会。', '12月29日'], ['1月3日，白石乡开展慰问。', '1月3日']], '', page),
    ['2022-12-29 page', '2023-01-03 page']);
});

test('a year only the lead mentions, or the report before, makes the date approximate', () => {
  assert.deepEqual(dated([['中原区召开2023年政法工作会议\n\n4月6日，会议召开。', '4月6日'], ['4月8日，区委召开专题会。', '4月8日']]),
    ['2023-04-06~ lead-year', '2023-04-08~ previous-report']);
});

test('without a dateline the publication date stands in, approximately; with nothing the month-day stays yearless', () => {
  const page = '日期：2022年7月15日\n\n';
  assert.deepEqual(dated([['日前，鹤汀社区开展消夏晚会。', undefined]], '', page), ['2022-07-15~ page']);
  assert.deepEqual(dated([['近日，槐阳镇完成秋粮收购。', undefined]], 'reports/2018/槐阳.txt'), ['2018~ file-name']);
  assert.deepEqual(dated([['10月28日，惠济区委召开会议。', '10月28日']]), ['--10-28 dateline']);
  assert.deepEqual(dated([['近日，槐阳镇完成秋粮收购。', undefined]]), [undefined]);
});

test('file names and page lines give dates in their usual spellings; bad months are not dates', () => {
  assert.deepEqual(dateInFileName('/corpus/20230510-xinwen.txt'), { year: 2023, month: 5, day: 10 });
  assert.deepEqual(dateInFileName('c:\\data\\2021_07\\a.txt'), { year: 2021, month: 7 });
  assert.deepEqual(dateInFileName('2019年/报道.txt'), { year: 2019 });
  assert.equal(dateInFileName('000_0624be436e2e62de.txt'), undefined);
  assert.deepEqual(pageDate('某某日报\n2023年10月29日 星期日\n\n正文'), { year: 2023, month: 10, day: 29 });
  assert.equal(pageDate('时间：2023-13-40'), undefined);
  assert.deepEqual(pageDate('某某日报\n二〇二三年十月二十九日 星期日\n\n正文'), { year: 2023, month: 10, day: 29 });
  assert.deepEqual(pageDate('二〇一九年十二月十日\n'), { year: 2019, month: 12, day: 10 });
  assert.deepEqual(pageDate('二〇二一年三月一日\n'), { year: 2021, month: 3, day: 1 });
  assert.equal(pageDate('二〇二一年十三月一日\n'), undefined);
});

test('compareDates: chronological, undated last', () => {
  const r = (p) => ({ iso: '', approximate: false, source: 'dateline', ...p });
  const list = [undefined, r({ year: 2023, month: 2, day: 1 }), r({ year: 2022 }), r({ year: 2022, month: 12, day: 31 })];
  assert.deepEqual(list.sort(compareDates).map((d) => d && `${d.year}-${d.month ?? ''}`), ['2022-', '2022-12', '2023-2', undefined]);
});

test('through the analysis: a page with a publication line and two datelines, in traditional script too', () => {
  const text = '首页 > 要闻\n\n桐松县召开经济工作会议\n\n发布时间：2024-03-12 来源：县政府办\n\n3月11日，桐松县召开经济工作会议。县委书记王建华出席会议并讲话。\n\n桐松县举行植树活动\n\n3月12日，桐松县举行义务植树活动。县长李明远参加活动。\n';
  const a = A.analyzeDocument(text);
  const isoOf = (t, rs) => resolveReportDates(t, rs).map((d) => d && d.iso);
  assert.deepEqual(isoOf(text, a.reports), a.reports.map((r) => (r.date ? `2024-03-${r.date.match(/(\d+)日/)[1].padStart(2, '0')}` : '2024-03-12')));
  assert.ok(a.reports.length >= 2);
  const trad = A.analyzeDocument(text.replace('发布时间', '發佈時間').replace('经济工作会议', '經濟工作會議'));
  assert.deepEqual(isoOf(trad.text, trad.reports)[0], '2024-03-11');
});
