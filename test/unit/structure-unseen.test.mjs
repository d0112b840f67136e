// Structure patterns found on invented pages held out from development: a headline whose
// report does not repeat it, a dash subtitle wrapped in a column, a brief closed by a
// bracketed byline, which line of a stack is the title, a breadcrumb worded another way.
// Each check runs on the text and on its traditional copy; fix-all is run to its end (the
// repair re-reads the text it joined, where the column no longer shows).
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
const paragraphs = (text) => repairDocument(text, DEFAULT_FIX_ALL).text.split('\n').filter((l) => l.trim());
const both = (text, check) => { check(text); check(tw(text)); };
/** a text hard-wrapped at `w` characters, paragraphs apart by blank lines */
const column = (w, ...paras) => paras.map((p) => p.match(new RegExp(`.{1,${w}}`, 'gu')).join('\n')).join('\n\n') + '\n';

const FIRST = [
  '本报讯（记者 庞一凡）3月5日，松原县召开春季农业生产工作会议，安排部署春耕备耕工作。副县长卓思琪出席会议并讲话。',
  '会议要求，各乡镇要抓好种子、化肥等农资储备，组织农技人员深入田间地头开展技术指导。',
];

test('in a wrapped column, a lone line well short of the column is a headline, though its report does not repeat it', () => {
  const text = '松原县部署春季农业生产\n\n' + column(18, ...FIRST) + '\n老井边的新水站\n\n' +
    column(18, '西岗村的老人们说起这两年的变化，总要提到村口那座小房子。去年冬天，县里在那儿装上了净化设备，全村三百多户从此喝上了放心水。');
  both(text, (t) => {
    assert.equal(names(t).length, 2);
    const ps = paragraphs(t);
    assert.equal(ps.length, 5);
    assert.equal(ps[3], t.includes('老井邊') ? '老井邊的新水站' : '老井边的新水站');
  });
});

test('unwrapped text: a headline over a paragraph that opens on a scene stays apart; a cut clause still joins', () => {
  const scene = (opening) => `松原县部署春季农业生产\n\n${FIRST.join('\n\n')}\n\n老井边的新水站\n\n${opening}西岗村的老人们围坐在村口晒太阳，说起吃水的变化，个个喜笑颜开。\n`;
  for (const opening of ['傍晚六点，', '初春时节，', '走进西岗村，', '在村口的净水站里，', '“现在的水甜多了，再也不用挑水了。”']) {
    both(scene(opening), (t) => {
      assert.equal(names(t).length, 2, opening);
      assert.equal(paragraphs(t).length, 5, opening);
    });
  }
  // the same lone line over text that goes on mid-clause is the start of that text
  both(`松原县部署春季农业生产\n\n${FIRST.join('\n\n')}\n\n据统计全县今年春播面积\n\n预计达到86万亩，比去年增加2万亩。\n`, (t) => {
    assert.equal(names(t).length, 1);
    assert.equal(paragraphs(t).length, 4);
  });
});

test('a dash subtitle wrapped in a column is one line after fix-all, and its report stays one', () => {
  const text = '松原县今年将新建农村公路\n\n——计划投资4.2亿元 年内改造危桥12座 打通断头\n路17条\n\n' + column(20, ...FIRST);
  both(text, (t) => {
    assert.equal(names(t).length, 1);
    const ps = paragraphs(t);
    assert.equal(ps.length, 4);
    assert.ok(ps[1].startsWith('——') && /路17[条條]$/u.test(ps[1]), ps[1]);
  });
});

test('a brief closed by a bracketed byline after its sentence is finished: the next brief\'s headline opens a report', () => {
  const text = '松原县图书馆延长开放时间\n\n本报讯 从下月起，县图书馆每天开放至晚上九点。（通讯员 庞一凡）\n\n' +
    '县城新增两处公共充电站\n\n本报讯 日前，城东、城西两处公共充电站建成投用，共有充电桩40个。（记者 卓思琪 通讯员 庞一凡）\n\n' +
    '全县完成春季动物防疫\n\n本报讯 截至3月底，全县完成春季重大动物疫病集中免疫，免疫密度达到100%。\n';
  both(text, (t) => {
    assert.equal(names(t).length, 3);
    assert.equal(paragraphs(t).length, 6);
  });
});

test('the title of a stack: the line over the subtitle; a 某地： feature title over a theme kicker', () => {
  const lead = '\n\n本报讯（记者 庞一凡）3月5日，记者从松原县统计局获悉，一季度全县经济运行稳中有进。\n';
  both('稳中求进 提质增效\n\n松原县一季度经济实现良好开局\n\n——规上工业增加值同比增长9%' + lead, (t) => {
    assert.match(names(t)[0], /一季度经济|一季度經濟/u);
  });
  both('坚持生态优先 推动绿色发展\n\n西岗村：荒山坡长出“绿色银行”' + lead, (t) => {
    assert.match(names(t)[0], /^西岗村|^西崗村/u);
  });
});

test('a breadcrumb that says where the reader is, in other words, is furniture and names no report', () => {
  for (const crumb of ['您当前的位置：首页 > 新闻中心 > 乡镇动态', '你现在的位置：首页 > 政务公开']) {
    both(`${crumb}\n\n松原县召开春季农业生产工作会议\n\n${FIRST[0]}\n`, (t) => {
      assert.equal(names(t).length, 1);
      assert.match(names(t)[0], /春季农业|春季農業/u);
      assert.ok(analyzeDocument(t).findings.some((f) => f.code === 'page-furniture'));
    });
  }
});

test('a caption whose credit wrapped to its own line, dropped inside a sentence, moves out whole', () => {
  const text = '松原县建成村级冷库\n\n' + column(18, '冷库由村集体统一运营，对本村农户按成本价收费。“有了冷库，蔬菜能错峰卖。”菜农卓思琪说，') +
    '\n\n图为西岗村冷库工作人员分拣蔬菜。\n通讯员 庞一凡 摄\n\n' + column(18, '她家今年种植的20亩大棚蔬菜预计增收5万余元。');
  both(text, (t) => {
    const ps = paragraphs(t);
    assert.equal(ps.length, 3);
    assert.match(ps[1], /预计增收5万余元。$|預計增收5萬餘元。$/u);
    assert.match(ps[2], /^圖為|^图为/u);
    assert.match(ps[2], /。通[讯訊]员 庞一凡 摄$|。通訊員 龐一凡 攝$/u);
  });
});

test('after a closing byline, a lone line heads the next report though its report does not repeat it', () => {
  const text = `松原县部署春季农业生产\n\n${FIRST.join('\n\n')}\n\n（记者 庞一凡）\n\n老井边的新水站\n\n西岗村的老人们说起这两年的变化，总要提到村口那座小房子。去年冬天，县里在那儿装上了净化设备。\n`;
  both(text, (t) => {
    assert.equal(names(t).length, 2);
    assert.equal(paragraphs(t).length, 6);
  });
});

test('site footers by their labels are furniture: 网站主办, 主办, 运维单位, 我要打印', () => {
  for (const footer of ['网站主办：松原县人民政府办公室', '主办：松原县融媒体中心', '运维单位：松原县信息中心', '【我要打印】【关闭】']) {
    both(`松原县召开春季农业生产工作会议\n\n${FIRST[0]}\n\n${footer}\n`, (t) => {
      assert.equal(names(t).length, 1);
      assert.ok(analyzeDocument(t).findings.some((f) => f.code === 'page-furniture'), footer);
    });
  }
});
