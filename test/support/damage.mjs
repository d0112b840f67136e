// Seeded generator of the damage our texts suffer (OCR columns, scraped pages), shared by the
// fix-all property test and `npm run fuzz`. Every step works on code points, so a surrogate
// pair is never split. A case is fully determined by its seed, which failures print.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** mulberry32: small, fast, good enough to pick damage. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

/** The texts damage starts from: the seeds and practice pages in ../shared (if beside us) and the examples. */
export function baseTexts() {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, '../shared/seeds'), path.join(ROOT, '../shared/practice'), path.join(ROOT, '../shared/practice/src')];
  const out = [];
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).filter((f) => f.endsWith('.txt')).sort()) out.push({ name: path.relative(ROOT, path.join(d, f)), text: fs.readFileSync(path.join(d, f), 'utf8') });
  }
  return out;
}

const HALF = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?', '。': '.', '“': '"', '”': '"' };
const ASTRAL = ['𠮷', '𪚥', '𡈽', '👍🏽', '𠀋'];
const CAPTIONS = ['区委书记周文澜在会上讲话。陈予川 摄', '志愿者为居民讲解政策。许廷合 摄', '魏都摄', '图为会议现场。记者 程一帆 摄'];
const BYLINES = ['（记者 林晓岑 通讯员 郑一鸣）', '记者 程一帆', '（魏宣）'];
const FURNITURE = ['【打印本页】【关闭窗口】', '分享到：', '上一篇：', '扫一扫在手机打开当前页'];
const RESIDUE = [['会', 'huì'], ['议', 'yì'], ['区', 'qū'], ['长', 'zhǎng']];

/** Wrap every line at `width` code points (a newspaper column). */
function wrap(text, width) {
  return text.split('\n').map((line) => {
    const cps = [...line];
    const rows = [];
    for (let i = 0; i < cps.length; i += width) rows.push(cps.slice(i, i + width).join(''));
    return rows.length ? rows.join('\n') : line;
  }).join('\n');
}

/** Insert `piece` at a random code-point boundary of a random non-empty line. */
function insertInLine(r, text, piece, { ownLine = false } = {}) {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => i).filter((i) => lines[i].trim());
  if (!candidates.length) return text;
  const i = r.pick(candidates);
  const cps = [...lines[i]];
  const at = r.int(0, cps.length);
  const head = cps.slice(0, at).join(''), tail = cps.slice(at).join('');
  lines[i] = ownLine ? `${head}\n${piece}\n${tail}` : head + piece + tail;
  return lines.join('\n');
}

/** One damaged text, entirely determined by seed. */
export function damagedCase(seed, texts = baseTexts()) {
  const r = rng(seed);
  let text = r.pick(texts).text.replace(/\r\n?/g, '\n');
  if (r.chance(0.2)) text += '\n\n' + r.pick(texts).text.replace(/\r\n?/g, '\n');
  if (r.chance(0.5)) {
    const lines = text.split('\n');
    const from = r.int(0, Math.max(0, lines.length - 3));
    text = lines.slice(from, from + r.int(3, 60)).join('\n');
  }
  const steps = [
    () => { text = wrap(r.chance(0.5) ? text.replace(/([^\n])\n(?=[^\n])/g, '$1') : text, r.int(8, 30)); },
    () => { for (let k = r.int(1, 8); k > 0; k--) text = insertInLine(r, text, '\n'.repeat(r.int(1, 2))); },
    () => { const rate = 0.1 + r.next() * 0.9; text = [...text].map((c) => (HALF[c] && r.chance(rate) ? HALF[c] : c)).join(''); },
    () => { for (let k = r.int(1, 30); k > 0; k--) text = insertInLine(r, text, r.pick([' ', '\u3000', '\t', '  '])); },
    () => { for (let k = r.int(1, 5); k > 0; k--) text = insertInLine(r, text, r.pick(ASTRAL)); },
    () => { for (let k = r.int(1, 5); k > 0; k--) { const [h, p] = r.pick(RESIDUE); text = insertInLine(r, text, `${h}(${p})`); } },
    () => { for (let k = r.int(1, 2); k > 0; k--) text = insertInLine(r, text, r.pick(CAPTIONS), { ownLine: true }); },
    () => { const lines = text.split('\n'); const i = r.int(0, lines.length - 1); lines[i] += r.pick(BYLINES); text = lines.join('\n'); },
    () => { text = text.split('\n').map((l) => (r.chance(0.3) ? r.pick(['  ', '\u3000\u3000', '\t']) + l : l) + (r.chance(0.2) ? '  ' : '')).join('\n'); },
    () => { for (let k = r.int(1, 3); k > 0; k--) text = insertInLine(r, text, r.pick(FURNITURE), { ownLine: true }); },
    () => { text = insertInLine(r, text, r.pick(['?', '？', '\ufffd', '??'])); },
  ];
  const chosen = steps.filter(() => r.chance(0.45));
  for (let k = chosen.length - 1; k > 0; k--) { const j = r.int(0, k); [chosen[k], chosen[j]] = [chosen[j], chosen[k]]; }
  for (const step of chosen) step();
  const eol = r.next();
  if (eol < 0.3) text = text.replace(/\n/g, '\r\n');
  else if (eol < 0.34) text = text.replace(/\n/g, '\r');
  return text;
}

/** The multiset of Han characters of a text, as a sorted string. */
export const hanOf = (s) => [...s.replace(/[^\p{Script=Han}]/gu, '')].sort().join('');
