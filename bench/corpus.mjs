// Builds benchmark corpora from examples/*.txt: repeats the articles in random order, mutates
// them (new people, places and dates) and injects the same kinds of damage they carry (hard
// wraps, stray spaces, half-width punctuation, split sentences, dropped captions, run-in
// bylines, page furniture, traditional script with pinyin residue), so that a 10 MB corpus is
// not one article a thousand times.
// Deterministic for a given seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, arr) => arr[Math.floor(rng() * arr.length)];
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

/** Fictional local people in the examples (simplified files), substituted per piece. */
const EXAMPLE_NAMES = [
  '周文澜', '韩立新', '邵景明', '许慕白', '林晓岑', '郑一鸣', '唐可欣', '顾清和', '冯知行', '梁慕远',
  '程一帆', '宋雨桐', '罗嘉宁', '沈星河', '蒋知远', '潘若谷', '方以宁', '陈予川', '孟晓川', '胡桂英', '何晚晴',
];
const EXAMPLE_PLACES = ['鹤汀', '岚水', '槐阳', '白石', '枫林', '青溪'];

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力林成斌宇浩凯鹏俊峰帆岚清和远知行慕景新立川宁雨桐星河若谷晚晴嘉一鸣可欣晓岑予澜'];
const PLACE_CHARS = [...'鹤汀岚槐澄枫溪云栖柳湾石青川泉桐松梅兰竹荷杏桃枣榆岱崇嘉禾丰安宁平康永昌兴隆泰和'];

function makeName(rng) {
  return pick(rng, SURNAMES) + pick(rng, GIVEN) + (rng() < 0.8 ? pick(rng, GIVEN) : '');
}

function makePlace(rng, used) {
  for (;;) {
    const p = pick(rng, PLACE_CHARS) + pick(rng, PLACE_CHARS);
    if (p[0] !== p[1] && !used.has(p)) { used.add(p); return p; }
  }
}

const RESIDUE = {
  區: 'qū', 會: 'huì', 長: 'zhǎng', 習: 'xí', 學: 'xué', 達: 'dá', 經: 'jīng', 濟: 'jì', 務: 'wù', 強: 'qiáng',
  設: 'shè', 實: 'shí', 調: 'diào', 進: 'jìn', 關: 'guān', 確: 'què', 維: 'wéi', 護: 'hù', 環: 'huán', 點: 'diǎn',
  導: 'dǎo', 責: 'zé', 級: 'jí', 參: 'cān', 團: 'tuán', 築: 'zhù', 項: 'xiàng', 動: 'dòng', 營: 'yíng', 鄉: 'xiāng',
  線: 'xiàn', 險: 'xiǎn', 隱: 'yǐn', 縣: 'xiàn',
};

let toTraditional;
function traditionalWithResidue(text, rng) {
  toTraditional ??= require('opencc-js').Converter({ from: 'cn', to: 'tw' });
  let out = '';
  for (const ch of toTraditional(text)) {
    out += ch;
    const py = RESIDUE[ch];
    if (py && rng() < 0.85) out += `(${py})`;
  }
  return out;
}

/** Hard-wrap one paragraph at `width` columns (ASCII counts half), hanging closing punctuation. */
const CLOSE = new Set([...'，。、；：？！”’）》」』…,.;:!?)']);
function hardWrap(p, width) {
  const lines = [];
  let cur = '';
  let w = 0;
  for (const ch of p) {
    const cw = ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
    if (w + cw > width && !(CLOSE.has(ch) && w <= width)) { lines.push(cur); cur = ''; w = 0; }
    cur += ch;
    w += cw;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}

/** A cut position inside p that does not fall inside an ASCII run or a surrogate pair. */
function cutPoint(rng, p) {
  for (let tries = 0; tries < 10; tries++) {
    const i = int(rng, Math.floor(p.length * 0.3), Math.floor(p.length * 0.8));
    const a = p.charCodeAt(i - 1), b = p.charCodeAt(i);
    if (a >= 0x4e00 && a <= 0x9fff && b >= 0x4e00 && b <= 0x9fff) return i;
  }
  return -1;
}

const HALF = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' };

function furniture(rng, place, month, day) {
  const head = [
    pick(rng, ['首页 > 新闻中心 > 工作动态', '首页 / 要闻动态 / 政务要闻', '当前位置：首页 > 政务公开 > 部门动态']),
    '',
    `发布时间：2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 来源：${place}区政府办`,
    '【字体：大 中 小】',
    '',
  ].join('\n');
  const tail = ['', '分享到：', '扫一扫在手机打开当前页', '', '【打印本页】【关闭窗口】'].join('\n');
  return [head, tail];
}

function mutateSimplified(text, rng, placesUsed) {
  // people and places: consistent within the piece
  const names = new Map();
  text = text.replace(new RegExp(EXAMPLE_NAMES.join('|'), 'g'), (m) => {
    if (!names.has(m)) names.set(m, makeName(rng));
    return names.get(m);
  });
  const places = new Map();
  text = text.replace(new RegExp(EXAMPLE_PLACES.join('|'), 'g'), (m) => {
    if (!places.has(m)) places.set(m, makePlace(rng, placesUsed));
    return places.get(m);
  });
  const month = int(rng, 1, 12);
  text = text.replace(/(\d{1,2})月(\s?)(\d{1,2})日/g, (_, _m, sp, _d) => `${month}月${sp}${int(rng, 1, 28)}日`);

  let paras = text.split(/\n\n+/);
  paras = paras.flatMap((p) => {
    if (p.length < 40) return [p];
    const out = [];
    if (rng() < 0.12) p = p.replace(/(\d+月)(\d+日)/, '$1 $2');
    if (rng() < 0.12) p = p.replace(/(?<=[\u4e00-\u9fff])[，：；（）](?=[\u4e00-\u9fff])/g, (c) => HALF[c]);
    if (!p.includes('\n') && rng() < 0.1) p = hardWrap(p, int(rng, 16, 22));
    if (rng() < 0.06) {
      const cut = cutPoint(rng, p);
      if (cut > 0) {
        if (rng() < 0.5) return [p.slice(0, cut), p.slice(cut)];
        const caption = `${month}月${int(rng, 1, 28)}日，${makePlace(rng, placesUsed)}区举行${pick(rng, ['专题会议', '志愿服务活动', '项目集中开工仪式', '主题党日活动'])}。${makeName(rng)} 摄`;
        return [p.slice(0, cut), '', caption, p.slice(cut)];
      }
    }
    out.push(p);
    return out;
  });
  text = paras.join('\n\n');
  // bylines on their own lines run into the end of the paragraph before them
  text = text.replace(/\n+(记者 [^\n]+)(?:\n(通讯员 [^\n]+))?/g, (m, a, b) => (rng() < 0.3 ? a + (b ? ` ${b}` : '') : m));
  if (!text.includes('发布时间') && rng() < 0.1) {
    const [head, tail] = furniture(rng, makePlace(rng, placesUsed), month, int(rng, 1, 28));
    text = `${head}\n${text}\n${tail}`;
  }
  if (rng() < 0.05) text = traditionalWithResidue(text, rng);
  return text;
}

export function loadExamples(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const kind = /mojibake/.test(f) ? 'mojibake' : /traditional/.test(f) ? 'traditional' : 'simplified';
      return { name: f, text, kind, weight: kind === 'mojibake' ? 0.25 : 1 };
    });
}

/**
 * A corpus of at least targetBytes UTF-8 bytes (ending on a whole piece).
 * @param {{name:string,text:string,kind:string,weight:number}[]} examples
 */
export function buildCorpus(examples, targetBytes, seed = 1) {
  if (!examples.length) throw new Error('no examples/*.txt to build a corpus from');
  const rng = mulberry32(seed);
  const total = examples.reduce((a, e) => a + e.weight, 0);
  const placesUsed = new Set();
  const pieces = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    let r = rng() * total;
    let ex = examples[examples.length - 1];
    for (const e of examples) { if ((r -= e.weight) < 0) { ex = e; break; } }
    if (placesUsed.size > 900) placesUsed.clear();
    const piece = (ex.kind === 'simplified' ? mutateSimplified(ex.text, rng, placesUsed) : ex.text).trim();
    pieces.push(piece);
    bytes += Buffer.byteLength(piece, 'utf8') + 2;
  }
  return pieces.join('\n\n') + '\n';
}
