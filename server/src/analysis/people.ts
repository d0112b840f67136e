// People: names found by the patterns local reports use — a chain of titles before a
// name (区委副书记、区长李伟光), bylines (记者 刘怡辰), photo credits (侯聪 摄), a name
// before 同志/总书记, quoted residents (”王随乾说), public figures from a list — then
// every bare mention of a name found once. Runs on the normalised view (simplified,
// residue and wraps removed); the caller maps spans back to the original.
import figures from '../../data/public-figures.json';
import notNames from '../../data/not-names.json';
import roleData from '../../data/roles.json';
import surnameData from '../../data/surnames.json';
import type { PersonKind, Span } from './types';

export interface PersonHit extends Span { name: string; roles: string[]; kind: PersonKind }
export interface UserPeople { names?: string[]; notPeople?: string[] }

// the surname table marks characters that are surnames only in principle (有, 家, 能) with
// the smallest share; they start a name only in a byline or credit, where it is a whole token
const RARE = 0.0001;
const ALL_SINGLE = new Set(Object.keys(surnameData.single));
const SINGLE = new Set(Object.entries(surnameData.single as Record<string, number>).filter(([, share]) => share > RARE).map(([s]) => s));
const COMPOUND = Object.keys(surnameData.compound);
const NOT_NAMES = new Set<string>(notNames.words);
const FIGURES = new Map<string, { titles: string[]; kind: string }>(figures.people.map((p: { name: string; titles: string[]; kind: string }) => [p.name, p]));
const alt = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
const HEADS = alt(roleData.heads);
const BYLINE_ROLES = alt(roleData.bylines.filter((r) => r !== '摄' && r !== '文' && r !== '图'));

// what may follow a name: punctuation, or a word that starts the next clause
const CUE = new RegExp(`^(?:[，,、。；;：:！？!?）)”’\\s]|$|${alt([
  '主持', '出席', '参加', '强调', '指出', '表示', '说', '介绍', '讲话', '提出', '要求', '就', '在', '带领', '一行', '同志', '等', '率', '陪同',
  '调研', '宣布', '作', '代表', '致辞', '通报', '传达', '领学', '一边', '对', '向', '为', '和', '与', '及', '以', '所作', '受', '也', '还', '则',
  '深入', '先后', '到', '来到', '前往', '走进', '察看', '听取', '看望', '慰问', '会见', '会上', '部署', '宣读', '解读', '汇报', '发言', '总结',
  '主讲', '授课', '带队', '担任', '兼任', '任', '是', '告诉', '坦言', '笑着', '感慨', '回信', '亲自', '专门', '现场', '再次', '首先', '最后',
  '同', '跟', '给', '把', '将', '从', '于', '分别', '共同', '一起', '视察', '考察', '检查', '督导', '点评', '签署', '签约', '揭牌', '颁发', '颁奖',
])})`, 'u');
const VERB_CUE = /^(?:主持|出席|参加|强调|指出|表示|讲话|提出|要求|介绍|带领|一行|同志|陪同|调研|宣布|致辞|通报|传达|说)/u;
const SURNAME_AT = (s: string, i: number): number => {
  for (const c of COMPOUND) if (s.startsWith(c, i)) return c.length;
  return SINGLE.has(s[i]) ? 1 : 0;
};
const HAN = /\p{Script=Han}/u;

/** A name starting at i: surname + 1–2 given characters, ending where a cue begins. */
function nameAt(s: string, i: number, maxEnd = s.length): string | null {
  const sl = SURNAME_AT(s, i);
  if (!sl) return null;
  for (const given of [2, 1]) {
    const end = i + sl + given;
    if (end > maxEnd) continue;
    const cand = s.slice(i, end);
    if (![...cand].every((c) => HAN.test(c))) continue;
    // 书记经济工作: a common word opens the run, so no name does
    if (cand.length === 3 && NOT_NAMES.has(cand.slice(0, 2))) continue;
    const after = s.slice(end, end + 4);
    // 副区长江海出席 is a name; 江海 before anything but a verb of the report is the word
    if (NOT_NAMES.has(cand) && !VERB_CUE.test(after)) continue;
    if (CUE.test(after)) return cand;
  }
  return null;
}

const TITLE_NAME = new RegExp(`(?:${HEADS})(?=[\\p{Script=Han}])`, 'gu');
const NEXT_ROLE = new RegExp(`^(?:${BYLINE_ROLES})`, 'u');
const BYLINE = new RegExp(`(?:${BYLINE_ROLES})[\\s:：]*`, 'gu');
const NAME_TOKEN = /^[\p{Script=Han}][\p{Script=Han}·]{1,5}/u;
const CREDIT = /([\p{Script=Han}][\p{Script=Han}·]{1,3})\s*摄(?=\s*$|\s*\n|[\s，,。）)])/gmu;
const SPEECH = /[”’]([\p{Script=Han}]{2,4}?)(?:说|表示|介绍|告诉记者|坦言|笑着说|感慨地说)/gu;
// role phrases: segments joined by 、 each ending with a title head; org words before a head
const ROLE_SEG = new RegExp(`[\\p{Script=Han}（）()]{0,30}?(?:${HEADS})$`, 'u');
const ROLE_BREAK = /[，,。；;：:！？!?“”"‘’《》\s]|由|在|了|的|和|与|及|对|向|把|将|被|让|请|是|为|会见|看望|陪同|邀请|听取|主持|出席/gu;

export function findPeople(view: string, user: UserPeople = {}): PersonHit[] {
  const hits: PersonHit[] = [];
  const blocked = new Set(user.notPeople || []);
  const add = (start: number, name: string, roles: string[], kind: PersonKind) => {
    if (blocked.has(name)) return;
    hits.push({ start, end: start + name.length, name, roles, kind });
  };

  // 1. titles before a name, with enumerations: 区委常委、常务副区长刘斌，副区长周伟杰
  TITLE_NAME.lastIndex = 0;
  for (let m; (m = TITLE_NAME.exec(view));) {
    const at = m.index + m[0].length;
    const name = nameAt(view, at);
    if (!name) continue;
    const roles = rolesBefore(view, at);
    add(at, name, roles, roles.some((r) => /记者|通讯员/u.test(r)) ? 'reporter' : 'official');
    // 区领导张斌、周晓侣、谢铷鸿出席
    let k = at + name.length;
    while (view[k] === '、') {
      const next = nameAt(view, k + 1);
      if (!next) break;
      add(k + 1, next, roles, 'official');
      k += 1 + next.length;
    }
  }
  // 2. bylines: 记者 刘怡辰 通讯员 李雪 / (记者 许廷合 通讯员 丁姜岚) / 全媒体记者:王勃 陶然
  BYLINE.lastIndex = 0;
  for (let m; (m = BYLINE.exec(view));) {
    const role = m[0].replace(/[\s:：]+$/u, '');
    let k = m.index + m[0].length;
    for (;;) {
      const tok = NAME_TOKEN.exec(view.slice(k, k + 6));
      if (!tok) break;
      // a byline name is a whole token: followed by space, 、, a bracket, another role or the end of the line
      let name = tok[0];
      const after = view.slice(k + name.length, k + name.length + 5);
      if (!/^(?:[\s、，,)）]|$)/u.test(after) && !NEXT_ROLE.test(after)) {
        // "记者王勃" written without a space: fall back to a surname-shaped name
        const n = nameAt(view, k);
        if (!n) break;
        name = n;
      }
      if (!SURNAME_AT(name, 0) && !ALL_SINGLE.has(name[0])) break;
      add(k, name, [role], 'reporter');
      k += name.length;
      const sep = /^[\s、，,]+/u.exec(view.slice(k, k + 4));
      if (!sep || nextRoleAt(view, k + sep[0].length)) break;
      k += sep[0].length;
    }
  }
  // 3. photo credits: …召开。侯聪 摄
  CREDIT.lastIndex = 0;
  for (let m; (m = CREDIT.exec(view));) {
    const name = m[1];
    const start = m.index + (m[0].indexOf(name));
    if (SURNAME_AT(name, 0) || ALL_SINGLE.has(name[0])) add(start, name, [], 'photographer');
  }
  // 4. names before 同志 / 总书记; quoted residents; public figures from the list
  for (const fig of FIGURES.keys()) {
    for (let i = view.indexOf(fig); i >= 0; i = view.indexOf(fig, i + fig.length)) {
      const after = view.slice(i + fig.length, i + fig.length + 4);
      const title = FIGURES.get(fig)!.titles.find((t) => after.startsWith(t));
      add(i, fig, title ? [title] : [], FIGURES.get(fig)!.kind === 'national-leader' ? 'official' : 'other');
    }
  }
  SPEECH.lastIndex = 0;
  for (let m; (m = SPEECH.exec(view));) {
    const start = m.index + 1;
    const name = nameAt(view, start, start + m[1].length);
    if (name && name.length === m[1].length) add(start, name, [], 'other');
  }
  const AFTER = /([\p{Script=Han}]{2,4}?)同志/gu;
  const found = new Set(hits.map((h) => h.name));
  for (let m; (m = AFTER.exec(view));) {
    const name = m[1];
    if (SURNAME_AT(name, 0) && !NOT_NAMES.has(name) && found.has(name)) add(m.index, name, [], 'official');
  }
  // 5. an honour in quotes followed by the people who hold it: 给"中国好人"李培生胡晓春回信
  const HONOUR = /[”’]((?:[\p{Script=Han}]{3}){1,4})(?=回信|等|[，,、。])/gu;
  for (let m; (m = HONOUR.exec(view));) {
    const before = view.slice(Math.max(0, m.index - 8), m.index);
    if (!/(?:好人|模范|标兵|楷模|人物|英雄|先进个人|代表|道德模范)$/u.test(before)) continue;
    const run = m[1];
    const names: string[] = [];
    for (let k = 0; k < run.length; k += 3) if (SINGLE.has(run[k])) names.push(run.slice(k, k + 3)); else { names.length = 0; break; }
    names.forEach((n, j) => add(m!.index + 1 + j * 3, n, [], 'other'));
  }
  for (const n of user.names || []) for (let i = view.indexOf(n); i >= 0; i = view.indexOf(n, i + n.length)) add(i, n, [], 'other');

  // 6. every bare mention of a name found once
  const known = new Map<string, PersonHit>();
  for (const h of hits) if (!known.has(h.name)) known.set(h.name, h);
  const taken = new Set(hits.map((h) => h.start));
  if (known.size) {
    // one pass over the text for all names, longest first
    const all = new RegExp([...known.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu');
    for (let m; (m = all.exec(view));) {
      if (taken.has(m.index)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, name: m[0], roles: [], kind: known.get(m[0])!.kind });
      taken.add(m.index);
    }
  }
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

function nextRoleAt(view: string, k: number): boolean {
  return NEXT_ROLE.test(view.slice(k, k + 6));
}

/** The role phrases right before a name: 区委副书记、区长 → [区委副书记, 区长]. */
function rolesBefore(view: string, at: number): string[] {
  const from = Math.max(0, at - 80);
  const window = view.slice(from, at);
  // cut at the last clause boundary or function word
  let cut = 0;
  ROLE_BREAK.lastIndex = 0;
  for (let m; (m = ROLE_BREAK.exec(window));) cut = m.index + m[0].length;
  const phrase = window.slice(cut);
  const segs = phrase.split('、');
  const roles: string[] = [];
  for (const seg of segs) {
    const m = ROLE_SEG.exec(seg);
    if (m) roles.push(seg);
  }
  return roles.filter((r) => r.length >= 2);
}
