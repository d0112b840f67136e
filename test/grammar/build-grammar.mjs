#!/usr/bin/env node
// Generates syntaxes/zh-article.tmLanguage.json (scopeName text.zh-article).
//
// The TextMate grammar repeats the same regex fragments (roles, names, dates,
// furniture words) in many rules, so it is written here once and expanded into
// JSON. Edit this file, then run
//
//     node test/grammar/build-grammar.mjs          # rewrite the JSON
//     node test/grammar/build-grammar.mjs --check  # exit 1 if the JSON is stale
//
// `npm run test:grammar` (test/grammar/run.mjs) also fails when the JSON and
// this generator disagree.
//
// Regexes are Oniguruma (what VS Code runs). Every begin/end rule except
// `paragraph` ends at `$`; `paragraph` is the only state carried from one line
// to the next (it ends at a blank line).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const S = 'zh-article';

// ---------------------------------------------------------------- fragments
const alt = (...xs) => `(?:${xs.join('|')})`;
const HAN = String.raw`\p{Han}`;
const WS = '[\\s\u3000]'; // includes the ideographic space U+3000
const D = '[0-9０-９]';
const SP = '[ ]?'; // a stray space inside a date (`10月 25日`)

// sentence punctuation a headline / byline line must not contain
const SENT = '，。；！？,;!?';
// characters after which a trailing byline / photo credit / source tag may start
const AFTER_SENT = '。！？!?…”’」』)）';

// byline roles (longest alternatives first)
const ROLE = alt(
  '(?:本报|本刊|本网|本台|本站|本報|本網|新华社|新華社)?(?:全媒体|融媒体|全媒體|融媒體|特约|特約|见习|見習|首席|实习|實習)?(?:摄影记者|攝影記者|记者|記者)',
  '通讯员|通訊員|实习生|實習生',
  '特约撰稿人?|特約撰稿人?|撰稿人?',
  '摄影|攝影|摄像|攝像',
  `[文]${WS}*[/／]${WS}*[图圖]`,
  `[图圖]${WS}*[/／]${WS}*[文]`,
);
// a person's name: 2–4 Han characters (optionally ·-joined), never starting a role word
const NAME = `(?:(?!${ROLE})${HAN}){2,4}(?:[·•・]${HAN}{1,8})?`;
const ROLE_SEP_STRICT = `(?:${WS}*[:：]${WS}*|${WS}+)`; // role ⟶ name on a byline line
const NAME_SEP = `(?:${WS}*[、，,;；/／]${WS}*|${WS}+)`;
// a whole byline: 记者 张三 通讯员 李四 王五
const BYLINE_BODY = `${ROLE}${ROLE_SEP_STRICT}${NAME}(?:${NAME_SEP}(?:${ROLE}${ROLE_SEP_STRICT})?${NAME})*`;

// dates
const CN_DIGIT = '[〇零一二三四五六七八九]';
const CN_NUM = '[一二三四五六七八九十]';
const DATE = alt(
  `${D}{4}${SP}年${SP}${D}{1,2}${SP}月${SP}${D}{1,2}${SP}[日号號]`,
  `${D}{4}${SP}年${SP}${D}{1,2}${SP}月`,
  `${D}{4}[-/.]${D}{1,2}[-/.]${D}{1,2}(?!${D})`,
  `${D}{4}${SP}年(?!${D})`,
  `${D}{1,2}${SP}月${SP}${D}{1,2}${SP}[日号號]`,
  `${D}{1,2}${SP}月(?!${D})`,
  `${D}{1,2}日`,
  `${CN_DIGIT}{4}年(?:${CN_NUM}{1,3}月(?:${CN_NUM}{1,3}[日号])?)?`,
);
const DATE_MD = `(?:${D}{4}年)?${D}{1,2}${SP}月${SP}${D}{1,2}${SP}日`;
const CLOCK = `${D}{1,2}[时時点點](?:${D}{1,2}分|半)?`;
const TIME_OF_DAY = alt(
  `(?:上午|下午|中午|晚上|晚间|晚間|早上|早晨|凌晨|傍晚|夜间|夜間|深夜|晚)(?:${CLOCK})?`,
  CLOCK,
);
// relative dateline words that open a paragraph: 日前, 近日, …
const REL_DATE = '日前|近日|近期|连日来|連日來|近来|近來|昨天|昨日|今天|今日|当天|當天|当日|當日|同日';

// 本报讯 / 新华社北京12月17日电
const LEAD_WORD = '本报讯|本网讯|本刊讯|本台讯|本站讯|本报消息|本网消息|本報訊|本網訊|本刊訊';
const AGENCY = '新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|央广网|新华网|新華網|光明网|中国新闻网';

// metadata keys (longest first)
const META_KEY = [
  '责任编辑', '責任編輯', '发布时间', '發布時間', '发布日期', '發布日期', '更新时间', '更新時間',
  '信息来源', '信息來源', '文章来源', '文章來源', '稿件来源', '图片来源', '浏览次数', '瀏覽次數',
  '阅读次数', '访问次数', '浏览量', '阅读量', '点击数', '点击量', '访问量', '发布者', '发布人',
  '发布机构', '发布单位', '发文机关', '索引号', '文号', '来源', '來源', '时间', '時間', '日期',
  '作者', '编辑', '編輯', '编审', '审核', '審核', '审校', '校对', '校對',
].join('|');

// web-page furniture words (longest first)
const FONT_SIZE = `字[体號号體]${WS}*[:：]${WS}*[\\[【［]?${WS}*大${WS}*中${WS}*小${WS}*[\\]】］]?`;
const FURN_WORD = alt(
  FONT_SIZE,
  '分享到', '分享', '打印本页', '打印此页', '打印文章', '打印', '列印', '关闭本页', '关闭窗口', '关闭', '關閉',
  '返回顶部', '返回首页', '返回列表', '返回', '加入收藏', '收藏本页', '收藏',
  '手机扫一扫', '扫一扫在手机(?:上)?打开(?:当前页|本页)?', '扫一扫', '在手机上打开', '手机版',
);
const FURN_ITEM = alt(
  `【${WS}*${FURN_WORD}${WS}*】`,
  `\\[${WS}*${FURN_WORD}${WS}*\\]`,
  `［${WS}*${FURN_WORD}${WS}*］`,
  FURN_WORD,
);
const CRUMB_SEP = '[/／>＞»›→|｜\\\\]';
const FOOTER_KEY = '主办单位|主办|承办单位|承办|协办单位|技术支持|版权所有|网站标识码|网站地图|联系我们|ICP备案号|备案号';

const PINYIN_LETTER = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹ]';
const PINYIN_TONED = '[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜếềḿńňǹ]';

// (No headline rule: which short line is a headline depends on the lines around it — a
// hard-wrapped body line after a column break looks the same — so headlines are painted by the
// server's `headline` semantic token, from its analysis of the page.)

// ---------------------------------------------------------------- rules
const inc = (name) => ({ include: `#${name}` });

const repository = {
  // ---- whole-line rules -------------------------------------------------
  'markdown-heading': {
    comment: '# 标题 / ## 小标题',
    begin: `^(#{1,6})(${WS}+)`,
    beginCaptures: { 1: { name: `punctuation.definition.heading.${S}` } },
    end: '$',
    name: `markup.heading.${S}`,
    contentName: `entity.name.section.${S}`,
    patterns: [inc('inline')],
  },

  furniture: {
    patterns: [
      {
        comment: 'breadcrumb: 首页 / 要闻动态 / 政务要闻, 当前位置：首页 > …',
        begin: `^(?=${WS}*(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)(?:是)?${WS}*[:：]|(?:网站)?首${SP}页${WS}*${CRUMB_SEP}))`,
        end: '$',
        name: `comment.block.furniture.${S}`,
        patterns: [{ match: CRUMB_SEP, name: `punctuation.separator.breadcrumb.${S}` }],
      },
      {
        comment: '分享到 / 打印本页 / 关闭窗口 / 【字体：大 中 小】 / 【打印】【关闭】 / 扫一扫在手机打开当前页',
        match: `^${WS}*${FURN_ITEM}(?:${WS}*[|｜/·]?${WS}*${FURN_ITEM})*${WS}*$`,
        name: `comment.block.furniture.${S}`,
      },
      {
        comment: '分享到：微信 微博 …',
        match: `^${WS}*分享到[:：]?[^\\n${SENT}]*$`,
        name: `comment.block.furniture.${S}`,
      },
      {
        comment: '上一篇：… / 下一篇：…',
        match: `^${WS}*[【\\[]?(?:上一篇|下一篇|上一条|下一条)[】\\]]?${WS}*[:：].*$`,
        name: `comment.block.furniture.${S}`,
      },
      {
        comment: 'site footer: 主办单位：… 技术支持：…',
        match: `^${WS}*(?:${FOOTER_KEY})${WS}*[:：].*$`,
        name: `comment.block.furniture.${S}`,
      },
    ],
  },

  metadata: {
    comment: '时间:2021-05-20 来源:区党政办 / 发布时间：… / 责任编辑：…',
    begin: `^(?=${WS}*(?:${META_KEY})${WS}*[:：])`,
    end: '$',
    name: `meta.metadata.${S}`,
    patterns: [inc('furniture-inline'), inc('metadata-key'), inc('date'), inc('time'), inc('number')],
  },

  'metadata-key': {
    match: `(${META_KEY})${WS}*([:：])`,
    captures: {
      1: { name: `keyword.other.metadata.${S}` },
      2: { name: `punctuation.separator.key-value.${S}` },
    },
  },

  lead: {
    comment: '本报讯 / 新华社北京12月17日电, optionally followed by (记者 …) and a dateline `12月17日上午,`',
    match:
      `^${WS}*(?:(${LEAD_WORD})|(${AGENCY})(${HAN}{0,12}?)(${DATE_MD})?(电|電))` + // 1–5
      `(?:${WS}*([(（])([^()（）\\n]*)([)）]))?` + // 6–8
      `(?:${WS}*((?:(${DATE_MD}|${D}{1,2}日)|(${REL_DATE}))(${TIME_OF_DAY})?([,，])))?`, // 9–13
    captures: {
      1: { name: `keyword.other.lead.${S}` },
      2: { name: `keyword.other.lead.${S}` },
      3: { name: `entity.name.place.dateline.${S}` },
      4: { name: `constant.other.date.${S}` },
      5: { name: `keyword.other.lead.${S}` },
      6: { name: `meta.byline.${S} punctuation.section.parens.begin.${S}` },
      7: { name: `meta.byline.${S}`, patterns: [inc('byline-inner')] },
      8: { name: `meta.byline.${S} punctuation.section.parens.end.${S}` },
      9: { name: `meta.lead.dateline.${S}` },
      10: { name: `constant.other.date.${S}` },
      11: { name: `keyword.other.lead.${S}` },
      12: { name: `constant.other.time.${S}` },
      13: { name: `punctuation.separator.lead.${S}` },
    },
  },

  dateline: {
    comment: 'a paragraph opening with 12月17日上午, / 10月28日, / 日前, / 近日,',
    match: `^${WS}*((?:(${DATE_MD}|${D}{1,2}日)|(${REL_DATE}))(${TIME_OF_DAY})?([,，]))`,
    captures: {
      1: { name: `meta.lead.dateline.${S}` },
      2: { name: `constant.other.date.${S}` },
      3: { name: `keyword.other.lead.${S}` },
      4: { name: `constant.other.time.${S}` },
      5: { name: `punctuation.separator.lead.${S}` },
    },
  },

  'byline-line': {
    comment: 'a line that is only a byline: 记者 刘怡辰 / 本报记者 张三 通讯员 李四 王五',
    begin: `^(?=${WS}*${BYLINE_BODY}${WS}*$)`,
    end: '$',
    name: `meta.byline.${S}`,
    patterns: [inc('byline-inner')],
  },

  'byline-trailing': {
    comment: 'a byline run into the end of a paragraph: …参加会议。记者 张三 通讯员 李四',
    begin: `(?<=[${AFTER_SENT}])(?=${WS}*${BYLINE_BODY}${WS}*$)`,
    end: '$',
    name: `meta.byline.${S}`,
    patterns: [inc('byline-inner')],
  },

  'byline-paren': {
    comment: '(记者 许廷合 通讯员 丁姜岚) anywhere on a line',
    begin: `([(（])(?=${WS}*${ROLE}${WS}*[:：]?${WS}*${NAME}[^()（）\\n]*[)）])`,
    beginCaptures: { 1: { name: `punctuation.section.parens.begin.${S}` } },
    end: '([)）])',
    endCaptures: { 1: { name: `punctuation.section.parens.end.${S}` } },
    name: `meta.byline.${S}`,
    patterns: [inc('byline-inner')],
  },

  'byline-inner': {
    patterns: [
      { match: ROLE, name: `keyword.other.byline.${S}` },
      { match: '[:：]', name: `punctuation.separator.key-value.${S}` },
      { match: '[、，,;；/／]', name: `punctuation.separator.byline.${S}` },
      { match: NAME, name: `entity.name.person.byline.${S}` },
    ],
  },

  'photo-credit': {
    comment: '侯聪 摄 at the end of a caption line or alone on a line',
    match:
      `(?:^|(?<=[${AFTER_SENT}\\s\u3000]))${WS}*` +
      `((?:${ROLE}${WS}*[:：]?${WS}*)?${NAME}(?:${NAME_SEP}${NAME})*)(?<!拍)${WS}*(摄|攝)${WS}*$`,
    name: `meta.byline.photo.${S}`,
    captures: {
      1: { patterns: [inc('byline-inner')] },
      2: { name: `keyword.other.byline.${S}` },
    },
  },

  'source-tag': {
    comment: '(魏宣) / （新华社） / （责任编辑：…） alone on a line or after the last sentence',
    match: `(?:^|(?<=[${AFTER_SENT}]))${WS}*([(（])([^()（）\\n${SENT}]{1,30})([)）])${WS}*$`,
    name: `comment.line.source.${S}`,
    captures: {
      1: { name: `punctuation.definition.comment.begin.${S}` },
      2: { patterns: [inc('metadata-key'), inc('date')] },
      3: { name: `punctuation.definition.comment.end.${S}` },
    },
  },

  paragraph: {
    comment:
      'a block of prose lines: opens on a line with sentence punctuation (or a 本报讯 lead) and runs to the next ' +
      'blank line or markdown heading; hard-wrapped continuation lines inside it are never taken for headlines',
    begin: `^(?=[^\\n]*[${SENT}]|${WS}*(?:${LEAD_WORD}|${AGENCY}))`,
    end: `^(?=${WS}*$|#{1,6}${WS})`,
    name: `meta.paragraph.${S}`,
    patterns: [
      inc('furniture'),
      inc('metadata'),
      inc('lead'),
      inc('dateline'),
      inc('byline-line'),
      inc('photo-credit'),
      inc('byline-paren'),
      inc('source-tag'),
      inc('inline'),
    ],
  },

  // ---- inline rules -----------------------------------------------------
  inline: {
    patterns: [
      inc('pinyin'),
      inc('byline-paren'),
      inc('byline-trailing'),
      inc('photo-credit'),
      inc('source-tag'),
      inc('furniture-inline'),
      inc('quoted-1'),
      inc('book-title-1'),
      inc('date'),
      inc('time'),
      inc('percentage'),
      inc('number'),
    ],
  },

  pinyin: {
    comment: 'ruby residue after a Han character: 會(huì) 區(qū)',
    match: `(?<=${HAN})([(（])(${PINYIN_LETTER}*${PINYIN_TONED}${PINYIN_LETTER}*|${PINYIN_LETTER}{2,6})([)）])`,
    name: `comment.other.pinyin.${S}`,
    captures: {
      1: { name: `punctuation.definition.comment.begin.${S}` },
      3: { name: `punctuation.definition.comment.end.${S}` },
    },
  },

  'furniture-inline': {
    match: `【${WS}*${FURN_WORD}${WS}*】|${FONT_SIZE}`,
    name: `comment.block.furniture.${S}`,
  },

  date: {
    match: `(?<!${D})${DATE}`,
    name: `constant.other.date.${S}`,
  },

  time: {
    match: `(?<!${D})(?:${D}{1,2}[:：]${D}{2}(?:[:：]${D}{2})?(?!${D})|${CLOCK})`,
    name: `constant.other.time.${S}`,
  },

  percentage: {
    patterns: [
      { match: `(?<![0-9０-９.．])${D}+(?:[.．]${D}+)?${SP}[%％‰]`, name: `constant.numeric.percentage.${S}` },
      { match: '百分之[零〇一二三四五六七八九十百千点點]+', name: `constant.numeric.percentage.${S}` },
    ],
  },

  number: {
    match: `(?<![0-9０-９A-Za-z.．])${D}+(?:,${D}{3})*(?:[.．]${D}+)?`,
    name: `constant.numeric.${S}`,
  },
};

// Quotations and book titles nest (“…‘…’…”, 《…“…”…》, “…《…》…”), but only
// MAX_NEST levels deep: a line of unmatched openers must not build an unbounded
// rule stack. Level n rules contain `span-(n+1)`; the last span has no delimiters.
const MAX_NEST = 3;

function quote(open, close, name, level) {
  return {
    begin: open,
    beginCaptures: { 0: { name: `punctuation.definition.string.begin.${S}` } },
    end: `${close}|$`,
    endCaptures: { 0: { name: `punctuation.definition.string.end.${S}` } },
    name,
    patterns: [inc(`span-${level + 1}`)],
  };
}

function title(open, close, name, level) {
  return {
    begin: open,
    beginCaptures: { 0: { name: `punctuation.definition.title.begin.${S}` } },
    end: `${close}|$`,
    endCaptures: { 0: { name: `punctuation.definition.title.end.${S}` } },
    name,
    patterns: [inc(`span-${level + 1}`)],
  };
}

for (let n = 1; n <= MAX_NEST; n++) {
  repository[`quoted-${n}`] = {
    patterns: [
      quote('“', '”', `string.quoted.double.${S}`, n),
      quote('‘', '’', `string.quoted.single.${S}`, n),
      quote('「', '」', `string.quoted.double.corner.${S}`, n),
      quote('『', '』', `string.quoted.single.corner.${S}`, n),
      {
        match: '(")([^"\\n]{1,80})(")',
        name: `string.quoted.double.ascii.${S}`,
        captures: {
          1: { name: `punctuation.definition.string.begin.${S}` },
          2: { patterns: [inc(`span-${n + 1}`)] },
          3: { name: `punctuation.definition.string.end.${S}` },
        },
      },
    ],
  };
  repository[`book-title-${n}`] = {
    patterns: [
      title('《', '》', `markup.italic.book.${S} entity.name.title.book.${S}`, n),
      title('〈', '〉', `markup.italic.book.${S} entity.name.title.chapter.${S}`, n),
    ],
  };
}
// what may appear inside a quotation / title at nesting level n
const LEAF = [inc('pinyin'), inc('furniture-inline'), inc('date'), inc('time'), inc('percentage'), inc('number')];
for (let n = 2; n <= MAX_NEST + 1; n++) {
  repository[`span-${n}`] = { patterns: n <= MAX_NEST ? [inc(`quoted-${n}`), inc(`book-title-${n}`), ...LEAF] : LEAF };
}

export const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  comment: 'GENERATED by test/grammar/build-grammar.mjs; edit that file and run `node test/grammar/build-grammar.mjs`.',
  name: 'Chinese news article',
  scopeName: `text.${S}`,
  fileTypes: [],
  patterns: [
    // whole-line rules first: at column 0 the first listed rule wins
    inc('markdown-heading'),
    inc('furniture'),
    inc('metadata'),
    inc('byline-line'),
    inc('photo-credit'),
    inc('source-tag'),
    inc('paragraph'),
    inc('lead'),
    inc('dateline'),
    inc('byline-paren'),
    inc('inline'),
  ],
  repository,
};

// JSON with non-ASCII whitespace escaped so it stays visible in the file
export function render(g = grammar) {
  return JSON.stringify(g, null, 2).replace(/[\u00a0\u2000-\u200b\u3000\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export const grammarPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../syntaxes/zh-article.tmLanguage.json');

export function isUpToDate() {
  try {
    return isDeepStrictEqual(JSON.parse(readFileSync(grammarPath, 'utf8')), JSON.parse(render()));
  } catch {
    return false;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    if (!isUpToDate()) {
      console.error(`${grammarPath} is out of date; run node test/grammar/build-grammar.mjs`);
      process.exit(1);
    }
    console.log('grammar JSON is up to date');
  } else {
    writeFileSync(grammarPath, render());
    console.log(`wrote ${grammarPath}`);
  }
}
