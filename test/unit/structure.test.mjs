// Structure on text never seen: one invented example per pattern of headlines, fragments,
// bylines, captions, furniture and outline fields (see ../shared/research/generalization.md
// 1.6–1.7), each also in traditional script where the pattern has words to read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js');
const { analyzeDocument, repairDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));
const { DEFAULT_FIX_ALL } = require(resolve(ROOT, 'server/out/settings.js'));
const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });

const names = (text) => analyzeDocument(text).reports.map((r) => r.name);
const codes = (text) => analyzeDocument(text).findings.map((f) => f.code);
const fixed = (text) => repairDocument(text, DEFAULT_FIX_ALL).text;
const paragraphs = (text) => fixed(text).split('\n').filter((l) => l.trim());
/** the same assertion on the text and on its traditional copy */
const both = (text, check) => { check(text); check(tw(text)); };

const BODY = '本报讯 3月2日，松原县召开秋季植树造林动员会，部署全县国土绿化工作。县委书记卓思琪出席会议并讲话。';

test('a fragment cut off by column breaks is not a headline (RP1)', () => {
  both(`松原县召开秋季植树造林动员会\n\n${BODY}\n\n会议还部署了林长制、护林防火、\n\n苗木调运等工作。会议要求各乡镇抓紧落实。\n`, (t) => {
    assert.equal(analyzeDocument(t).reports.length, 1);
    assert.equal(paragraphs(t).length, 3);
  });
  // no punctuation at all, and the text after it does not repeat it: the start of that text
  both(`松原县召开秋季植树造林动员会\n\n${BODY}\n\n据了解本次培训由县林业局\n\n承办，共有120名护林员参加。\n`, (t) => {
    assert.equal(analyzeDocument(t).reports.length, 1);
    assert.equal(paragraphs(t).length, 3);
  });
});

test('a lone headline that its report repeats stays a headline', () => {
  const t = '松原县林场开展春季植树\n\n为加快国土绿化，3月以来，松原县林场组织职工开展春季植树，计划造林3000亩。\n';
  both(t, (x) => assert.equal(names(x).length, 1));
  assert.deepEqual(names(t), ['松原县林场开展春季植树']);
  // photo news: the caption below need not repeat it
  const photo = '春季植树忙\n\n全县造林3000亩，确保成活率达到95%以上。 卓思琪 摄\n';
  both(photo, (x) => assert.equal(paragraphs(x).length, 2));
  assert.deepEqual(names(photo), ['春季植树忙']);
});

test('in markdown only # lines are headings; ## kicker over # title names the title (RP4)', () => {
  const md = `## 绿水青山就是金山银山\n\n# 松原县：荒山披绿装 林下生金银\n\n${BODY}\n\n本次培训由县林业局\n\n承办。\n`;
  both(md, (t) => assert.equal(analyzeDocument(t).reports.length, 1));
  const r = analyzeDocument(md).reports[0];
  assert.equal(r.name, '松原县：荒山披绿装 林下生金银');
  assert.equal(r.kicker, '绿水青山就是金山银山');
});

test('a wrapped continuation that starts like a lead is not a lead (PG5)', () => {
  const col = ['松原县召开秋季植树造林动员会', '', '本报讯 3月2日，松原县召开秋季', '植树造林动员会。据统计，全县春', '季造林进度较快，全县春季造林截至', '3月1日，已完成造林2万亩，占年度', '任务的四成以上。县委书记卓思琪出', '席会议并讲话，要求各乡镇抓紧落实', '各项工作，确保完成全年目标任务。', ''].join('\n');
  both(col, (t) => {
    assert.equal(analyzeDocument(t).reports.length, 1);
    assert.equal(paragraphs(t).length, 2);
  });
});

test('closing bylines in brackets, without roles or in traditional script are not reports (RP2)', () => {
  for (const close of ['（记者 王立 通讯员 卓思琪）', '（卓思琪 王立）', '通讯员 卓思琪 王立']) {
    const text = `松原县召开秋季植树造林动员会\n\n${BODY}\n\n${close}\n`;
    both(text, (t) => assert.equal(analyzeDocument(t).reports.length, 1, close));
    const credited = analyzeDocument(text).reports[0].bylines.flatMap((b) => b.names);
    assert.ok(credited.includes('卓思琪'), close);
  }
});

test('a subtitle wrapped over two lines stays with its title (RP3)', () => {
  const col = ['松原县召开全县农村公路建设推进会', '', '——今年将新建农村公路300公里 改造危桥', '12座', '', '本报讯（记者 卓思琪）3月2日，松原县召开全县', '农村公路建设推进会，部署今年农村公路建设工', '作。会议要求，各乡镇要加快项目前期工作，确', '保今年新建农村公路300公里，改造危桥12座。', ''].join('\n');
  both(col, (t) => assert.equal(analyzeDocument(t).reports.length, 1));
  assert.equal(analyzeDocument(col).reports[0].subtitle?.replace(/\s/g, ''), '——今年将新建农村公路300公里改造危桥12座');
});

test('title and subtitle are not merged because the lead repeats both (PG4); a headline broken at a quote is (split-headline)', () => {
  const stack = `松原县召开秋季植树造林动员会\n\n部署全县国土绿化工作\n\n${BODY}\n`;
  both(stack, (t) => assert.ok(!codes(t).includes('split-headline')));
  const quote = '柳河镇：“三变改革\n\n”激活乡村发展新动能\n\n本报讯 3月2日，柳河镇推进“三变改革”，激活乡村发展新动能，全镇村集体收入同比增长三成。\n';
  both(quote, (t) => assert.ok(codes(t).includes('split-headline')));
});

test('a caption keeps its credit when the credit wraps to its own line or splits between role and name (PG3)', () => {
  const own = '图①：松原县林场职工在山坡上栽种侧柏，今年计划造林3000亩。\n通讯员 卓思琪 摄\n\n图②：护林员在林区巡查。\n通讯员 王立 摄\n';
  both(own, (t) => assert.equal(paragraphs(t).length, 2));
  const split = '图①：松原县林场职工在山坡上栽种侧柏，确保成活率达到95%。通讯员\n卓思琪 摄\n\n图②：护林员在林区巡查。王立 摄\n';
  both(split, (t) => {
    const ps = paragraphs(t);
    assert.equal(ps.length, 2);
    assert.ok(/卓思琪 [摄攝]$/u.test(ps[0]), ps[0]);
  });
});

test('photo news split by a column break is one caption (PG6), and its report is photo news', () => {
  const text = '松原县林场春季植树忙\n\n图为松原县林场职工正在山坡上栽种侧柏，今年该林场计划\n\n造林3000亩，确保成活率达到95%以上。 卓思琪 摄\n';
  both(text, (t) => {
    assert.equal(paragraphs(t).length, 2);
    const [r] = analyzeDocument(t).reports;
    assert.equal(r.kind, 'photo');
  });
  assert.deepEqual(analyzeDocument(text).reports[0].bylines, [{ role: '摄', names: ['卓思琪'] }]);
});

test('a line of several captions keeps each credit apart from the next caption', () => {
  const line = '图①：职工栽种侧柏。记者 卓思琪 摄 图②：护林员巡查林区。通讯员 王立 摄\n';
  both(line, (t) => assert.equal(fixed(t), t));
  const credits = analyzeDocument(line).reports[0].bylines;
  assert.deepEqual(credits, [{ role: '摄', names: ['卓思琪', '王立'] }]);
});

test('spaces that separate names are not stray spaces, in either script', () => {
  for (const t of ['本报讯 10月28日，县委召开会议。记者 卓思琪 王立 通讯员 李明\n', '县林业局召开会议，部署植树造林工作。（卓思琪 王立）\n', '全县完成造林2万亩。记者 卓思琪 摄 图为职工栽种侧柏。\n']) {
    both(t, (x) => assert.ok(!codes(x).includes('stray-space'), x));
  }
  // a stray space inside prose is still one
  both('县委书记卓思琪出席 会议并讲话。\n', (x) => assert.ok(codes(x).includes('stray-space')));
});

test('web-page furniture in both scripts; the page data stays as the report\'s', () => {
  const page = ['首页 > 新闻中心 > 工作动态', '', '松原县召开秋季植树造林动员会', '', '来源：松原县林业局  发布时间：2024-03-02  作者：卓思琪', '浏览次数：1286', '【字体：大 中 小】', '', BODY, '', '分享到：', '扫一扫在手机打开当前页', '【打印本页】【关闭窗口】', '上一篇：松原县召开森林防火工作会议', '下一篇 没有了', ''].join('\n');
  both(page, (t) => {
    const a = analyzeDocument(t);
    assert.equal(a.reports.length, 1);
    assert.equal(a.findings.filter((f) => f.code === 'page-furniture').length, 8);
  });
  const [r] = analyzeDocument(page).reports;
  assert.deepEqual(r.meta, { source: '松原县林业局', published: '2024-03-02', author: '卓思琪', views: '1286' });
  assert.equal(r.date, '2024年3月2日');
  assert.ok(r.bylines.some((b) => b.role === '作者' && b.names.includes('卓思琪')));
  // a sentence that starts like a footer label is prose
  assert.ok(!codes('承办单位要周密安排、逐项办理，按期报告整改情况。\n').includes('page-furniture'));
});

test('outline fields: the headline as printed, kind, and every credited name', () => {
  const page = `松原縣召開秋季植樹造林動員會\n\n本報訊（記者 卓思琪 通訊員 王立）3月2日，松原縣召開秋季植樹造林動員會。\n\n${'會議要求各鄉鎮抓緊落實，確保完成全年目標任務。'.repeat(12)}\n`;
  const [r] = analyzeDocument(page).reports;
  assert.equal(r.name, '松原縣召開秋季植樹造林動員會');
  assert.equal(r.kind, 'report');
  assert.deepEqual(r.bylines, [{ role: '記者', names: ['卓思琪'] }, { role: '通訊員', names: ['王立'] }]);
  const [brief] = analyzeDocument(`${BODY}\n`).reports;
  assert.equal(brief.kind, 'brief');
});

test('a newspaper page\'s masthead, dateline and page code open no report; the dateline gives the year', () => {
  const page = '青石日报\n2024年5月10日 星期五\n第3版：要闻\n\n青石镇召开春季防火工作会议\n\n本报讯（记者 王立）5月8日，青石镇召开春季防火工作会议。\n\n（王立 李明）\n';
  both(page, (t) => {
    const rs = analyzeDocument(t).reports;
    assert.equal(rs.length, 1);
    assert.equal(rs[0].kicker, undefined);
    assert.equal(rs[0].date, '2024年5月8日');
  });
  assert.deepEqual(analyzeDocument(page).reports[0].bylines, [{ role: '记者', names: ['王立'] }, { role: '', names: ['李明'] }]);
});

test('the page\'s author field stops at the next label; an unfilled counter is no count', () => {
  const page = '青石镇开展人居环境整治\n发布时间：2024-04-12 10:25  来源：青石镇人民政府  浏览次数：  次\n\n近日，青石镇启动人居环境整治行动。\n\n（作者：王立　审核：李明）\n';
  both(page, (t) => assert.equal(analyzeDocument(t).reports.length, 1));
  const [r] = analyzeDocument(page).reports;
  assert.deepEqual(r.meta, { published: '2024-04-12 10:25', source: '青石镇人民政府', author: '王立', editor: '李明' });
  assert.equal(r.date, '2024年4月12日');
});

test('in an indented column, a sentence end at full width before a column break does not end the paragraph', () => {
  // 10 characters a line; a paragraph's first line is indented by two (8 characters)
  const cut = ['松原县开展春季义务植树活动', '', '县林业局组织干部', '职工到林场参加义务植', '树活动，现场一派繁忙', '景象。大家干劲十足。', '', '活动中，技术人员现场', '讲解栽植要领，确保成', '活率达到九成五以上。', '', '据了解，今年全', '县计划完成义务植树五', '十万株。', ''].join('\n');
  // the next block opens at full width: the rest of the paragraph
  both(cut, (t) => assert.equal(paragraphs(t).length, 3));
  // it opens indented: a paragraph of its own
  const indented = cut.replace('活动中，技术人员现场\n讲解栽植要领，确保成', '活动中，技术人\n员现场讲解栽植要领，确');
  both(indented, (t) => assert.equal(paragraphs(t).length, 4));
});
