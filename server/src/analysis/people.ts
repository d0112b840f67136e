// People: names found by the patterns local reports use — a chain of titles before a
// name (区委副书记、区长李伟光), bylines (记者 刘怡辰), photo credits (侯聪 摄), a name
// before 同志/总书记, quoted residents (”王随乾说), public figures from a list — then
// every bare mention of a name found once. Runs on the normalised view (simplified,
// residue and wraps removed); the caller maps spans back to the original.
//
// Speed: a 1 MB page must cost a few milliseconds, well under jieba cutting it. A regex
// alternation of hundreds of words (titles, names found) is tried word by word at every
// position, so the scans below walk the text's units once and look words up by their first
// two characters (Lexicon); the three fixed lists share one pass.
import figures from '../../data/public-figures.json';
import notNames from '../../data/not-names.json';
import roleData from '../../data/roles.json';
import surnameData from '../../data/surnames.json';
import { loadedSegmenter, type Segmenter } from './segmenter';
import type { PersonKind, Span } from './types';

export interface PersonHit extends Span { name: string; roles: string[]; kind: PersonKind }
export interface UserPeople { names?: string[]; notPeople?: string[] }
export interface PeopleOptions {
  /** Segmenter for the boundary check: by default the one loaded, if any; null for the rules alone. */
  segmenter?: Segmenter | null;
}

const PAIRS = 1 << 16;
const pair = (s: string, i: number) => ((s.charCodeAt(i) << 5) ^ (s.charCodeAt(i + 1) | 0)) & (PAIRS - 1);
const NONE: readonly string[] = [];

/**
 * Words looked up by a hash of their first two UTF-16 units (fromEnd: their last two), longest
 * first. A scan reads one table entry per position, and a bucket rarely holds more than one
 * word, where an index by first character would try every name of 王 at every 王.
 */
class Lexicon {
  readonly bits = new Uint8Array(PAIRS);
  private readonly buckets = new Map<number, string[]>();
  // one-unit words: only a user's list of names could hold one
  private readonly singles = new Map<number, string>();
  constructor(words: Iterable<string>, private readonly fromEnd = false) {
    for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
      if (w.length === 1) { this.singles.set(w.charCodeAt(0), w); continue; }
      if (!w) continue;
      const key = pair(w, fromEnd ? w.length - 2 : 0);
      this.bits[key] = 1;
      const l = this.buckets.get(key);
      if (l) l.push(w); else this.buckets.set(key, [w]);
    }
  }
  /** The next position ≥ i of the text's units where a word may start (not for fromEnd). */
  next(u: Uint16Array, i: number): number {
    const bits = this.bits, n = u.length;
    if (this.singles.size) {
      for (; i < n; i++) if ((i + 1 < n && bits[((u[i] << 5) ^ u[i + 1]) & (PAIRS - 1)]) || this.singles.has(u[i])) return i;
      return n;
    }
    if (i >= n - 1) return n;
    // the hot loop: one table read per position
    for (let c1 = u[i], c2 = 0; i < n - 1; i++, c1 = c2) {
      c2 = u[i + 1];
      if (bits[((c1 << 5) ^ c2) & (PAIRS - 1)]) return i;
    }
    return n;
  }
  /** The words that may start at i (fromEnd: end at i), longest first: check each with startsWith. */
  list(s: string, i: number): readonly string[] {
    const k = this.fromEnd ? i - 2 : i;
    const l = k >= 0 && this.bits[pair(s, k)] ? this.buckets.get(pair(s, k)) ?? NONE : NONE;
    const one = this.singles.size ? this.singles.get(s.charCodeAt(this.fromEnd ? i - 1 : i)) : undefined;
    return one ? [...l, one] : l;
  }
  /** The longest word starting at i (fromEnd: ending at i). */
  at(s: string, i: number): string | null {
    const k = this.fromEnd ? i - 2 : i;
    const l = k >= 0 && this.bits[pair(s, k)] ? this.buckets.get(pair(s, k)) : undefined;
    if (l) {
      for (let j = 0; j < l.length; j++) {
        const w = l[j];
        if (this.fromEnd ? i >= w.length && s.startsWith(w, i - w.length) : s.startsWith(w, i)) return w;
      }
    }
    return this.singles.size ? this.singles.get(s.charCodeAt(this.fromEnd ? i - 1 : i)) ?? null : null;
  }
}
/** The text as UTF-16 units: a typed array reads faster than charCodeAt in the scans. */
function unitsOf(s: string): Uint16Array {
  const b = Buffer.from(s, 'utf16le');
  return b.byteOffset & 1 ? Uint16Array.from({ length: s.length }, (_, k) => s.charCodeAt(k)) : new Uint16Array(b.buffer, b.byteOffset, s.length);
}
const marks = (chars: Iterable<string>) => { const m = new Uint8Array(65536); for (const c of chars) m[c.charCodeAt(0)] = 1; return m; };

// the surname table marks characters that are surnames only in principle (有, 家, 能) with
// the smallest share; they start a name only in a byline or credit, where it is a whole token
const RARE = 0.0001;
const ALL_SINGLE = marks(Object.keys(surnameData.single));
const SINGLE = marks(Object.entries(surnameData.single as Record<string, number>).filter(([, share]) => share > RARE).map(([s]) => s));
const COMPOUND = new Lexicon(Object.keys(surnameData.compound));
const NOT_NAMES = new Set<string>(notNames.words);
const FIGURES = new Map<string, { titles: string[]; kind: string }>(figures.people.map((p: { name: string; titles: string[]; kind: string }) => [p.name, p]));
const FIGURE_LEX = new Lexicon(FIGURES.keys());
const alt = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
const HEADS = new Lexicon(roleData.heads);
const HEAD_ENDS = new Lexicon(roleData.heads, true);
const BYLINE_ROLES = new Lexicon(roleData.bylines.filter((r) => r !== '摄' && r !== '文' && r !== '图'));

// sticky: tested at a position of the whole text, no slice
const sticky = (re: RegExp, s: string, i: number) => { re.lastIndex = i; return re.test(s); };
// what may follow a name: punctuation, or a word that starts the next clause
const CUE = new RegExp(`(?:[，,、。；;：:！？!?）)”’\\s]|$|${alt([
  '主持', '出席', '参加', '强调', '指出', '表示', '说', '介绍', '讲话', '提出', '要求', '就', '在', '带领', '一行', '同志', '等', '率', '陪同',
  '调研', '宣布', '作', '代表', '致辞', '通报', '传达', '领学', '一边', '对', '向', '为', '和', '与', '及', '以', '所作', '受', '也', '还', '则',
  '深入', '先后', '到', '来到', '前往', '走进', '察看', '听取', '看望', '慰问', '会见', '会上', '部署', '宣读', '解读', '汇报', '发言', '总结',
  '主讲', '授课', '带队', '担任', '兼任', '任', '是', '告诉', '坦言', '笑着', '感慨', '回信', '亲自', '专门', '现场', '再次', '首先', '最后',
  '同', '跟', '给', '把', '将', '从', '于', '分别', '共同', '一起', '视察', '考察', '检查', '督导', '点评', '签署', '签约', '揭牌', '颁发', '颁奖',
])})`, 'uy');
const VERB_CUE = /(?:主持|出席|参加|强调|指出|表示|讲话|提出|要求|介绍|带领|一行|同志|陪同|调研|宣布|致辞|通报|传达|说)/uy;
// \p{Script=Han} as a table for the BMP (a regex call per character costs more than the scan)
const HAN = /\p{Script=Han}/uy;
const HAN_BMP = new Uint8Array(65536);
// the BMP's Han characters all lie in U+2E80–U+9FFF and U+F900–U+FAFF (radicals to compatibility ideographs)
for (const [lo, hi] of [[0x2e80, 0xa000], [0xf900, 0xfb00]]) {
  const block = new TextDecoder('utf-16le').decode(Uint16Array.from({ length: hi - lo }, (_, k) => lo + k));
  for (const m of block.matchAll(/\p{Script=Han}+/gu)) HAN_BMP.fill(1, lo + m.index!, lo + m.index! + m[0].length);
}
/** Length of the Han character at i: 0 (none), 1, or 2 (astral). */
function hanLen(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return HAN_BMP[c];
  HAN.lastIndex = i;
  return HAN.test(s) ? HAN.lastIndex - i : 0;
}
const hanAt = (s: string, i: number) => hanLen(s, i) > 0;
/** s[from, to) is all Han (whole code points). */
function allHan(s: string, from: number, to: number): boolean {
  let i = from;
  for (let l; i < to; i += l) if (!(l = hanLen(s, i))) return false;
  return i === to;
}
// \s
const isSpace = (c: number) => c === 0x20 || (c >= 9 && c <= 13) || (c > 0x7f && (c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff));
const surnameAt = (s: string, i: number): number => COMPOUND.at(s, i)?.length ?? (SINGLE[s.charCodeAt(i)] ? 1 : 0);
const surnameShaped = (s: string, i: number) => surnameAt(s, i) > 0 || ALL_SINGLE[s.charCodeAt(i)] === 1;

// ---- jieba confirms boundaries ----
// A mention with the weakest evidence (a bare mention of a name found elsewhere, also before
// 同志) is dropped when a jieba word crosses one of its boundaries: 张清 in 一张清单, 高山 in
// 高山流水, 石磊 in 乱石磊磊. jieba splitting inside a name (孙|春节) is fine.
// Only a side the rules leave open is cut: one with a Han character next to it that is not a
// title head (区长|江海), 、 or, after the name, a cue (出席, 强调, 就). So a name the title
// rules find (after a head, before a cue) is never cut: there jieba is the one that errs,
// 县长王立成就《…》 read as 成就, 常务副区长赵一文汇报 as 文汇报.
// The cut is dictionary words only (no HMM): the HMM glues an unknown given name to the next
// character (书记李文浩受委托 → 李文浩受), which would cross every name it does not know.
// Until the segmenter has loaded (lazily, about a second) the rules alone decide; the server
// analyses again once it is ready (segmenterReady()).
const SIDE = 6; // Han characters of context cut on each open side
const CACHE_MAX = 20_000; // windows kept per segmenter
const caches = new WeakMap<Segmenter, Map<string, Uint8Array>>();

class Boundaries {
  private readonly cache: Map<string, Uint8Array>;
  constructor(private readonly seg: Segmenter) {
    let c = caches.get(seg);
    if (!c) caches.set(seg, (c = new Map()));
    this.cache = c;
  }
  /** False when a jieba word crosses an open side of s[start, end). */
  ok(s: string, start: number, end: number): boolean {
    const openStart = start > 0 && hanAt(s, start - 1) && !HEAD_ENDS.at(s, start) && s.charCodeAt(start - 1) !== 0x3001;
    const openEnd = hanAt(s, end) && !sticky(CUE, s, end);
    if (!openStart && !openEnd) return true;
    let from = start, to = end;
    if (openStart) while (from > 0 && start - from < SIDE && hanAt(s, from - 1)) from--;
    if (openEnd) while (to - end < SIDE && hanAt(s, to)) to++;
    const win = s.slice(from, to);
    let cuts = this.cache.get(win);
    if (!cuts) {
      // cuts[k] = 1 where a word starts or ends
      cuts = new Uint8Array(win.length + 1);
      let k = 0;
      for (const w of this.seg.cut(win, false)) { cuts[k] = 1; k += w.length; }
      if (k !== win.length) cuts.fill(1); // tokens that do not add up: no opinion
      cuts[k] = 1;
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(win, cuts);
    }
    return (!openStart || cuts[start - from] === 1) && (!openEnd || cuts[end - from] === 1);
  }
}

/** Whether findPeople checks boundaries with jieba now; analyse again when this turns true. */
export const segmenterReady = (): boolean => loadedSegmenter() !== null;

/** A name starting at i: surname + 1–2 given characters, ending where a cue begins. */
function nameAt(s: string, i: number, maxEnd: number): string | null {
  const sl = surnameAt(s, i);
  if (!sl) return null;
  for (const given of [2, 1]) {
    const end = i + sl + given;
    if (end > maxEnd || !allHan(s, i, end)) continue;
    const cand = s.slice(i, end);
    // 书记经济工作: a common word opens the run, so no name does
    if (cand.length === 3 && NOT_NAMES.has(cand.slice(0, 2))) continue;
    // 副区长江海出席 is a name; 江海 before anything but a verb of the report is the word
    if (NOT_NAMES.has(cand) && !sticky(VERB_CUE, s, end)) continue;
    if (sticky(CUE, s, end)) return cand;
  }
  return null;
}

/** The longest title head at i that a Han character follows. */
function headAt(s: string, i: number): string | null {
  for (const h of HEADS.list(s, i)) if (s.startsWith(h, i) && hanAt(s, i + h.length)) return h;
  return null;
}

const NAME_TOKEN = /[\p{Script=Han}][\p{Script=Han}·]{1,5}/uy;
const TOKEN_END = /(?:[\s、，,)）]|$)/uy;
const SPEECH = /[”’]([\p{Script=Han}]{2,4}?)(?:说|表示|介绍|告诉记者|坦言|笑着说|感慨地说)/uy;
const HONOUR = /[”’]((?:[\p{Script=Han}]{3}){1,4})(?=回信|等|[，,、。])/uy;
const HONOUR_WORDS = ['好人', '模范', '标兵', '楷模', '人物', '英雄', '先进个人', '代表', '道德模范'];
const HONOUR_BEFORE = new RegExp(`(?:${HONOUR_WORDS.join('|')})$`, 'u');
const HONOUR_LAST = marks(HONOUR_WORDS.map((w) => w[w.length - 1]));
const REPORTER = /记者|通讯员/u;
// what ends the role phrase before a name (read backwards from the name)
const ROLE_BREAK1 = marks('，,。；;：:！？!?“”"‘’《》由在了的和与及对向把将被让请是为');
const ROLE_BREAK2 = new Lexicon(['会见', '看望', '陪同', '邀请', '听取', '主持', '出席'], true);

// the three fixed lists scanned in one pass: bit 1 a title head, 2 a byline role, 4 a public figure
const FIXED = HEADS.bits.map((h, k) => h | (BYLINE_ROLES.bits[k] << 1) | (FIGURE_LEX.bits[k] << 2));

/** What the passes share. Each pass returns its hits; their order decides ties. */
interface Ctx { view: string; units: Uint16Array; bounds: Boundaries | null; blocked: Set<string> }
function put(ctx: Ctx, out: PersonHit[], start: number, name: string, roles: string[], kind: PersonKind): void {
  if (!ctx.blocked.has(name)) out.push({ start, end: start + name.length, name, roles, kind });
}

export function findPeople(view: string, user: UserPeople = {}, opts: PeopleOptions = {}): PersonHit[] {
  const seg = opts.segmenter === undefined ? loadedSegmenter() : opts.segmenter;
  const ctx: Ctx = { view, units: unitsOf(view), bounds: seg ? new Boundaries(seg) : null, blocked: new Set(user.notPeople || []) };
  const { titles, bylines, figures } = fixedLists(ctx);
  const quotes = closingQuotes(view);
  const hits = [...titles, ...bylines, ...credits(ctx), ...figures, ...speech(ctx, quotes)];
  hits.push(...comrades(ctx, hits), ...honours(ctx, quotes));
  for (const nm of user.names || []) for (let i = view.indexOf(nm); i >= 0; i = view.indexOf(nm, i + nm.length)) put(ctx, hits, i, nm, [], 'other');
  propagate(ctx, hits);
  // overlapping hits: keep the longer (李雪 inside 李雪梅)
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) { if (h.start === prev.start && h.roles.length && !prev.roles.length && h.end === prev.end) out[out.length - 1] = h; continue; }
    out.push(h);
  }
  return out;
}

/** Titles, bylines and public figures, in one pass over the text; each resumes where its last match ended. */
function fixedLists(ctx: Ctx): { titles: PersonHit[]; bylines: PersonHit[]; figures: PersonHit[] } {
  const u = ctx.units, n = u.length;
  const titles: PersonHit[] = [], bylines: PersonHit[] = [], figures: PersonHit[] = [];
  const figureEnd = new Map<string, number>();
  let titleFrom = 0, bylineFrom = 0;
  for (let i = 0, c1 = u[0], c2 = 0; i < n - 1; i++, c1 = c2) {
    c2 = u[i + 1];
    const f = FIXED[((c1 << 5) ^ c2) & (PAIRS - 1)];
    if (f === 0) continue;
    if (f & 1 && i >= titleFrom) titleFrom = titledAt(ctx, i, titles);
    if (f & 2 && i >= bylineFrom) bylineFrom = bylineAt(ctx, i, bylines);
    if (f & 4) figureAt(ctx, i, figures, figureEnd);
  }
  return { titles, bylines, figures };
}

/** 1. titles before a name, with enumerations: 区委常委、常务副区长刘斌，副区长周伟杰. Returns where to look next. */
function titledAt(ctx: Ctx, i: number, out: PersonHit[]): number {
  const { view } = ctx, n = view.length;
  const head = headAt(view, i);
  if (!head) return i + 1;
  const at = i + head.length;
  const name = nameAt(view, at, n);
  if (!name) return at;
  const roles = rolesBefore(view, at);
  put(ctx, out, at, name, roles, roles.some((r) => REPORTER.test(r)) ? 'reporter' : 'official');
  // 区领导张斌、周晓侣、谢铷鸿出席
  let k = at + name.length;
  while (view.charCodeAt(k) === 0x3001) {
    const next = nameAt(view, k + 1, n);
    if (!next) break;
    put(ctx, out, k + 1, next, roles, 'official');
    k += 1 + next.length;
  }
  return at;
}

/** 2. bylines: 记者 刘怡辰 通讯员 李雪 / (记者 许廷合 通讯员 丁姜岚) / 全媒体记者:王勃 陶然. Returns where to look next. */
function bylineAt(ctx: Ctx, i: number, out: PersonHit[]): number {
  const { view } = ctx, n = view.length;
  const role = BYLINE_ROLES.at(view, i);
  if (!role) return i + 1;
  let k = i + role.length;
  for (let c = view.charCodeAt(k); c === 0x3a || c === 0xff1a || isSpace(c); c = view.charCodeAt(++k));
  const resume = k;
  for (;;) {
    NAME_TOKEN.lastIndex = k;
    const tok = NAME_TOKEN.exec(view);
    if (!tok) break;
    let name = tok[0];
    // 记者 姚林明 and 通讯员 唐敏晓 joined into one line: the name ends where a role or 本报讯 begins
    let cut = false;
    for (let j = 2; j < name.length && !cut; j++) if (BYLINE_ROLES.at(view, k + j) || view.startsWith('本报', k + j)) { name = name.slice(0, j); cut = true; }
    // a byline name is a whole token: followed by space, 、, a bracket, another role or the end of the line
    const e = k + name.length;
    if (!cut && !sticky(TOKEN_END, view, e) && !BYLINE_ROLES.at(view, e)) {
      // "记者王勃" written without a space: fall back to a surname-shaped name
      const nm = nameAt(view, k, n);
      if (!nm) break;
      name = nm;
    }
    if (!surnameShaped(view, k)) break;
    put(ctx, out, k, name, [role], 'reporter');
    k += name.length;
    let sep = 0;
    while (sep < 4 && k + sep < n && (isSpace(view.charCodeAt(k + sep)) || '、，,'.includes(view[k + sep]))) sep++;
    if (!sep || BYLINE_ROLES.at(view, k + sep)) break;
    k += sep;
  }
  return resume;
}

/** 4. public figures from the list, with the title that follows one */
function figureAt(ctx: Ctx, i: number, out: PersonHit[], figureEnd: Map<string, number>): void {
  const { view } = ctx;
  for (const fig of FIGURE_LEX.list(view, i)) {
    if (!view.startsWith(fig, i) || (figureEnd.get(fig) ?? 0) > i) continue;
    figureEnd.set(fig, i + fig.length);
    const f = FIGURES.get(fig)!;
    const title = f.titles.find((t) => view.startsWith(t, i + fig.length));
    put(ctx, out, i, fig, title ? [title] : [], f.kind === 'national-leader' ? 'official' : 'other');
  }
}

/** 3. photo credits: …召开。侯聪 摄 — from each 摄 back over spaces to 2–4 Han (or ·) */
function credits(ctx: Ctx): PersonHit[] {
  const { view } = ctx, n = view.length;
  const out: PersonHit[] = [];
  for (let q = view.indexOf('摄'), last = 0; q >= 0; q = view.indexOf('摄', q + 1)) {
    if (q + 1 < n && !isSpace(view.charCodeAt(q + 1)) && !'，,。）)'.includes(view[q + 1])) continue;
    let r = q;
    while (r > last && isSpace(view.charCodeAt(r - 1))) r--;
    let p = -1;
    for (let c = Math.max(last, r - 4); c <= r - 2 && p < 0; c++) {
      if (!hanAt(view, c)) continue;
      let j = c + 1;
      while (j < r && (view.charCodeAt(j) === 0xb7 || hanAt(view, j))) j++;
      if (j === r) p = c;
    }
    if (p < 0) continue;
    last = q + 1;
    if (surnameShaped(view, p)) put(ctx, out, p, view.slice(p, r), [], 'photographer');
  }
  return out;
}

/** Positions of closing quotes (” and ’), in order: speech and honours start at one. */
function closingQuotes(view: string): number[] {
  const at: number[] = [];
  for (const q of ['”', '’']) for (let i = view.indexOf(q); i >= 0; i = view.indexOf(q, i + 1)) at.push(i);
  return at.sort((a, b) => a - b);
}

/** quoted residents: ”王随乾说 */
function speech(ctx: Ctx, quotes: number[]): PersonHit[] {
  const { view } = ctx;
  const out: PersonHit[] = [];
  for (const q of quotes) {
    SPEECH.lastIndex = q;
    const m = SPEECH.exec(view);
    if (!m) continue;
    const name = nameAt(view, q + 1, q + 1 + m[1].length);
    if (name && name.length === m[1].length) put(ctx, out, q + 1, name, [], 'other');
  }
  return out;
}

/** a name found so far before 同志: (\p{Han}{2,4}?)同志, leftmost, i.e. the longest Han run of up to 4 */
function comrades(ctx: Ctx, hits: PersonHit[]): PersonHit[] {
  const { view, bounds } = ctx;
  const out: PersonHit[] = [];
  const found = new Set(hits.map((h) => h.name));
  for (let q = view.indexOf('同志'), last = 0; q >= 0; q = view.indexOf('同志', q + 1)) {
    let p = -1;
    for (let c = Math.max(last, q - 4); c <= q - 2 && p < 0; c++) if (allHan(view, c, q)) p = c;
    if (p < 0) continue;
    last = q + 2;
    const name = view.slice(p, q);
    if (surnameAt(name, 0) && !NOT_NAMES.has(name) && found.has(name) && (!bounds || bounds.ok(view, p, q))) put(ctx, out, p, name, [], 'official');
  }
  return out;
}

/** 5. an honour in quotes followed by the people who hold it: 给"中国好人"李培生胡晓春回信 */
function honours(ctx: Ctx, quotes: number[]): PersonHit[] {
  const { view } = ctx;
  const out: PersonHit[] = [];
  for (const q of quotes) {
    if (!HONOUR_LAST[view.charCodeAt(q - 1)] || !HONOUR_BEFORE.test(view.slice(Math.max(0, q - 8), q))) continue;
    HONOUR.lastIndex = q;
    const m = HONOUR.exec(view);
    if (!m) continue;
    const run = m[1];
    const names: string[] = [];
    for (let k = 0; k < run.length; k += 3) if (SINGLE[run.charCodeAt(k)]) names.push(run.slice(k, k + 3)); else { names.length = 0; break; }
    // not cut: jieba knows neither name at a junction (张大山王秋实 → 山王)
    names.forEach((nm, j) => put(ctx, out, q + 1 + j * 3, nm, [], 'other'));
  }
  return out;
}

/** 6. every bare mention of a name found once: longest first, left to right, not overlapping */
function propagate(ctx: Ctx, hits: PersonHit[]): void {
  const { view, units, bounds } = ctx;
  const known = new Map<string, PersonHit>();
  for (const h of hits) if (!known.has(h.name)) known.set(h.name, h);
  if (!known.size) return;
  const taken = new Set(hits.map((h) => h.start));
  const names = new Lexicon(known.keys());
  const n = view.length;
  for (let i = 0; (i = names.next(units, i)) < n;) {
    let step = 1;
    for (const nm of names.list(view, i)) {
      if (!view.startsWith(nm, i)) continue;
      if (taken.has(i)) { step = nm.length; break; }
      // a word around a known name (高山流水): try a shorter name here, then move on
      if (bounds && !bounds.ok(view, i, i + nm.length)) continue;
      hits.push({ start: i, end: i + nm.length, name: nm, roles: [], kind: known.get(nm)!.kind });
      taken.add(i);
      step = nm.length;
      break;
    }
    i += step;
  }
}

/** The role phrases right before a name: 区委副书记、区长 → [区委副书记, 区长]. */
function rolesBefore(view: string, at: number): string[] {
  const from = Math.max(0, at - 80);
  // cut at the last clause boundary or function word
  let cut = from;
  for (let j = at - 1; j >= from; j--) {
    if (ROLE_BREAK1[view.charCodeAt(j)] || isSpace(view.charCodeAt(j)) || (j > from && ROLE_BREAK2.at(view, j + 1))) { cut = j + 1; break; }
  }
  const roles: string[] = [];
  // each 、 segment that ends with a title head
  for (const seg of view.slice(cut, at).split('、')) if (seg.length >= 2 && HEAD_ENDS.at(seg, seg.length)) roles.push(seg);
  return roles;
}
