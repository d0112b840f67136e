// People: names found where the text vouches for them — a title or status noun before the
// name, with its enumeration (区领导张斌、周晓侣、谢铷鸿出席), an appointment (任命X为…局长),
// a credit (记者 刘怡辰 通讯员 李雪, 侯聪 摄), a quoted speaker (”王随乾说), a public figure from
// a list, a minority name with a middle dot — then every bare mention of a name found once.
// Runs on the normalised view (simplified, residue and wraps removed); the caller maps spans
// back to the original. The modules under people/ hold each concern; nothing here depends on
// a segmenter, so the CLI, the server and any moment of either find the same people.
import figures from '../../data/public-figures.json';
import { bracketedBylines, creditAt, CREDIT_ROLES, photoCredits, REPORTER, slashCredits, type Found } from './people/credits';
import { dotNameAt, Evidence, FUNCTION, givenOnlyAt, joinsNames, nameAt, SURNAME_START, transliteratedAt, wordAt } from './people/names';
import { hanAt, Lexicon, marks, unitsOf } from './people/scan';
import { comrades, propagate, type PersonHit } from './people/mentions';
import { closingQuotes, honours, speakers, speechFollows } from './people/speech';
import { COLLECTIVE, groupLabelBefore, HEAD_LAST, headBefore, headStarts, nameEndsAt, rolesBefore } from './people/titles';
import type { PersonKind } from './types';

export type { PersonHit };
export interface UserPeople { names?: string[]; notPeople?: string[] }

const FIGURES = new Map<string, { titles: string[]; kind: string }>(figures.people.map((p: { name: string; titles: string[]; kind: string }) => [p.name, p]));
const FIGURE_LEX = new Lexicon(FIGURES.keys());
const CLOSE_QUOTE = marks('”’」』"');
const COLON = marks('：:');

/** What the passes share. */
interface Ctx { view: string; units: Uint16Array; blocked: Set<string>; hits: PersonHit[] }
// (end: where a credit pads a two-character name with a space, 李 萌, the span is longer than the name)
function put(ctx: Ctx, start: number, name: string, roles: string[], kind: PersonKind, end = start + name.length): void {
  if (!ctx.blocked.has(name)) ctx.hits.push({ start, end, name, roles, kind });
}
const putAll = (ctx: Ctx, found: Found[], kind: (f: Found) => PersonKind) => { for (const f of found) put(ctx, f.start, f.name, f.roles, kind(f), f.end); };
const kindOf = (roles: string[], official: boolean): PersonKind => (roles.some((r) => REPORTER.test(r)) ? 'reporter' : official ? 'official' : 'other');

export function findPeople(view: string, user: UserPeople = {}): PersonHit[] {
  const ctx: Ctx = { view, units: unitsOf(view), blocked: new Set(user.notPeople || []), hits: [] };
  titled(ctx);
  appointments(ctx);
  dotNames(ctx);
  credits(ctx);
  figuresIn(ctx);
  const quotes = closingQuotes(view);
  putAll(ctx, speakers(view, quotes), () => 'other');
  putAll(ctx, honours(view, quotes), () => 'other');
  ctx.hits.push(...comrades(view, ctx.hits).filter((h) => !ctx.blocked.has(h.name)));
  for (const nm of user.names || []) for (let i = view.indexOf(nm); i >= 0; i = view.indexOf(nm, i + nm.length)) put(ctx, i, nm, [], 'other');
  propagate(view, ctx.units, ctx.hits);
  // overlapping hits: keep the longer (李雪 inside 李雪梅), and at one span the one with roles
  const hits = ctx.hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (h.start === prev.start && h.end === prev.end && h.roles.length && !prev.roles.length) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** 1. A name after a title or status noun, and the names listed after it. */
function titled(ctx: Ctx): void {
  const { view, units } = ctx, n = view.length;
  for (let p = 1, from = 0; p < n; p++) {
    if (p < from) continue;
    // where the title ends: right before the name, or before a quote closing it (“最美乡村教师”涂春燕)
    // or a colon opening a list (出席会议的县领导有：张三、李四)
    const at = HEAD_LAST[units[p - 1]] ? p : titleBeforeMark(view, units, p);
    if (at < 0) continue;
    const head = headBefore(view, at);
    const marked = at < p;
    // (a longer title goes on here: 理事|长; a head by form only may be a name's end: 郭长|顺)
    if (!head || (!marked && (headBefore(view, p + 1)?.len ?? 0) > head.len)) continue;
    if (!marked && !headBefore(view, p, false) && nameEndsAt(view, p)) continue;
    const ev = !head.strong ? Evidence.Weak : groupLabelBefore(view, at) ? Evidence.Group : Evidence.Strong;
    let name = !SURNAME_START[units[p]] ? null : nameAt(view, p, n, ev);
    // a Tibetan or Mongolian name is longer than a surname reading of it: 队长乌云其木格 (not 乌云其)
    const tr = !head.epithet ? transliteratedAt(view, p, n) : null;
    if (tr && tr.length > (name?.length ?? 0)) name = tr;
    // a name without a Han surname, vouched for by an explicit title: 副县长扎西多吉
    if (!name && head.strong && !head.epithet) name = givenOnlyAt(view, p, n);
    // a status noun and a speech verb together vouch like a title: 退役军人范一航激动地说
    if (!name && !head.strong) { const nm = nameAt(view, p, n, Evidence.Strong); if (nm && speechFollows(view, p + nm.length)) name = nm; }
    if (!name || headStarts(view, p)) continue;
    const roles = rolesBefore(view, at);
    if (roles.length && COLLECTIVE.test(roles[roles.length - 1])) continue;
    const kind = kindOf(roles, head.strong);
    put(ctx, p, name, roles, kind);
    from = listed(ctx, p + name.length, roles, kind);
  }
}

/** Where a title ends before a closing quote, or before 有/为 and a colon, at p; else -1. */
function titleBeforeMark(view: string, units: Uint16Array, p: number): number {
  if (p >= 2 && CLOSE_QUOTE[units[p - 1]] && HEAD_LAST[units[p - 2]]) return p - 1;
  if (!COLON[units[p - 1]]) return -1;
  const q = '有为是'.includes(view[p - 2]) ? p - 2 : p - 1;
  return q >= 1 && HEAD_LAST[units[q - 1]] ? q : -1;
}

const SEPARATORS = '、，,。；;：:！？!?（）() \t\n“”"等';
/**
 * 2. The rest of an enumeration after a name at k: A、B、C等 / A和B. Every name-shaped item gets
 * the list's roles; an item that is no name is passed over when a name follows it; an item that
 * is itself a role ends the list (区委副书记甲、区委常委、副区长乙: 乙 is the title pass's).
 */
function listed(ctx: Ctx, k: number, roles: string[], kind: PersonKind): number {
  const { view } = ctx, n = view.length;
  for (;;) {
    const c = view[k];
    const joined = c === '和' || c === '与' || c === '及';
    if (c !== '、' && !joined) return k;
    const q = k + 1;
    let segEnd = q;
    while (segEnd < n && segEnd - q < 14 && !SEPARATORS.includes(view[segEnd])) segEnd++;
    // a stacked role ends the list (one recognised by its form only past a name's length: 王建民)
    if (headBefore(view, segEnd, segEnd - q > 4) || headStarts(view, q) || roleOpens(view, q, segEnd)) return k;
    const item = dotNameAt(view, q, n) ?? transliteratedAt(view, q, n) ?? nameAt(view, q, n, joined ? Evidence.Weak : Evidence.Strong);
    if (item) {
      put(ctx, q, item, roles, kind);
      k = q + item.length;
    } else if (!joined && segEnd - q <= 4 && view[segEnd] === '、') {
      k = segEnd; // not a name: the next item may be
    } else return k;
  }
}

/** Whether a role phrase with a name after it opens the item at q: 、区政协主席钱进. */
function roleOpens(s: string, q: number, segEnd: number): boolean {
  for (let e = q + 2; e < segEnd - 1 && e <= q + 12; e++) if (headBefore(s, e, false) && nameAt(s, e, s.length, Evidence.Strong)) return true;
  return false;
}

/** 3. Appointments: 任命靳卫华为县教育和体育局局长，阚明远为县农业农村局局长; 侯建华、柳青当选为副会长. */
function appointments(ctx: Ctx): void {
  const { view } = ctx;
  for (const verb of ['任命', '提名', '选举', '补选', '增补', '推选', '聘任', '聘请']) {
    for (let i = view.indexOf(verb); i >= 0; i = view.indexOf(verb, i + 1)) {
      let k = i + verb.length;
      for (let guard = 0; guard < 20; guard++) {
        // 任命王刚为…, 任命王刚同志为…: the name ends at 为 (曹东|为, not 曹东为)
        const name = appointee(view, k, '为');
        let e = name ? k + name.length : k;
        if (view.startsWith('同志', e)) e += 2;
        const role = name && view[e] === '为' ? roleAfter(view, e + 1) : null;
        if (!name || !role) break;
        put(ctx, k, name, [role.text], kindOf([], role.strong));
        if (view[role.end] !== '，' && view[role.end] !== '、' && view[role.end] !== ',') break;
        k = role.end + 1;
      }
    }
  }
  // 免去王刚(同志)的县农业农村局局长职务
  for (let v = view.indexOf('免去'); v >= 0; v = view.indexOf('免去', v + 1)) {
    const k = v + 2, name = appointee(view, k, '的');
    const e = name ? k + name.length + (view.startsWith('同志', k + name.length) ? 2 : 0) : k;
    if (!name || view[e] !== '的') continue;
    const close = view.indexOf('职务', e);
    const role = close > e + 2 && close - e < 32 ? roleAfter(view.slice(0, close), e + 1) : null;
    if (role && role.end === close) put(ctx, k, name, [role.text], kindOf([], role.strong));
  }
  // the names before 当选(为) a role, a list of them included
  for (let v = view.indexOf('当选'); v >= 0; v = view.indexOf('当选', v + 1)) {
    const role = roleAfter(view, v + (view[v + 2] === '为' ? 3 : 2));
    if (!role) continue;
    let b = v;
    while (b > 0 && v - b < 30 && (hanAt(view, b - 1) || view[b - 1] === '、' || view[b - 1] === '·')) b--;
    const items = view.slice(b, v).split('、');
    let at = b;
    const found: [number, string][] = [];
    for (const item of items) {
      // the first item may carry what stands before it (…领导班子，薛明): its tail must be a name
      let p = at;
      while (p < at + item.length - 2 && nameAt(view, p, at + item.length, Evidence.Strong)?.length !== at + item.length - p) p++;
      const name = nameAt(view, p, at + item.length, Evidence.Strong);
      if (name && p + name.length === at + item.length && (p === at || found.length === 0)) found.push([p, name]);
      else found.length = 0;
      at += item.length + 1;
    }
    for (const [p, name] of found) put(ctx, p, name, [role.text], kindOf([], role.strong));
  }
}

/** The name at k an appointment names, ending right before `mark` (为, 的) where one stands within reach. */
function appointee(view: string, k: number, mark: string): string | null {
  const m = view.indexOf(mark, k + 2);
  const stop = m >= 0 && m <= k + 6 ? m : view.length;
  return dotNameAt(view, k, stop) ?? nameAt(view, k, stop, Evidence.Strong);
}

/** A role right after a verb or 为: Han characters to the next break, ending in a head. */
function roleAfter(s: string, r: number): { text: string; end: number; strong: boolean } | null {
  let e = r;
  while (e < s.length && e - r < 30 && hanAt(s, e)) e++;
  const head = headBefore(s, e);
  return e - r >= 2 && head ? { text: s.slice(r, e), end: e, strong: head.strong } : null;
}

/** 4. Minority names with a middle dot, after a title or noun, or opening a clause. */
function dotNames(ctx: Ctx): void {
  const { view } = ctx, n = view.length;
  const found: { start: number; name: string }[] = [];
  for (let d = view.indexOf('·'), last = 0; d >= 0; d = view.indexOf('·', d + 1)) {
    if (d < last || !joinsNames(view, d)) continue;
    // the first part starts after a title or noun (书记阿布都外力), else after a function
    // character (和阿依古丽) or a break, whichever comes first
    let start = -1, after = -1;
    for (let p = d - 2; p >= Math.max(0, d - 9) && hanAt(view, p); p--) {
      if (headBefore(view, p)) { start = p; break; }
      if (after < 0 && (!hanAt(view, p - 1) || FUNCTION[view.charCodeAt(p - 1)])) after = p;
    }
    if (start < 0) start = after;
    const name = start < 0 ? null : dotNameAt(view, start, n);
    if (!name || start + name.length <= d || (!headBefore(view, start) && !standsAlone(view, start, name))) continue;
    found.push({ start, name });
    last = start + name.length;
  }
  // where the last part's end is unclear (托合提结对), a shorter reading found elsewhere wins
  const names = found.map((f) => f.name);
  for (const f of found) {
    const name = names.filter((o) => o.length < f.name.length && f.name.startsWith(o)).sort((a, b) => b.length - a.length)[0] ?? f.name;
    const head = headBefore(view, f.start);
    const roles = head ? rolesBefore(view, f.start) : [];
    put(ctx, f.start, name, roles, kindOf(roles, head?.strong ?? false));
  }
}

/** A dot name no title introduces is no quoted title (“巾帼心向党·关爱你我他”) and holds no common word. */
function standsAlone(s: string, start: number, name: string): boolean {
  if (start > 0 && '“‘《「『"\''.includes(s[start - 1])) return false;
  for (let k = start; k + 1 < start + name.length; k++) if (wordAt(s, k) && name[k - start] !== '·' && name[k + 1 - start] !== '·') return false;
  return true;
}

/** 5. Credits: bylines and editorial credits, photo credits, closing bracketed bylines. */
function credits(ctx: Ctx): void {
  const { view, units } = ctx, n = view.length;
  const found: Found[] = [];
  for (let i = 0, from = 0; (i = CREDIT_ROLES.next(units, i)) < n; i++) if (i >= from) from = creditAt(view, i, found);
  putAll(ctx, found, () => 'reporter');
  putAll(ctx, photoCredits(view), () => 'photographer');
  putAll(ctx, bracketedBylines(view), () => 'reporter');
  putAll(ctx, slashCredits(view), (f) => (f.roles[0] === '文' ? 'reporter' : 'photographer'));
}

/** 6. Public figures from the list, with an epithet before (民族英雄岳飞) or a title after. */
function figuresIn(ctx: Ctx): void {
  const { view, units } = ctx, n = view.length;
  const figureEnd = new Map<string, number>();
  for (let i = 0; (i = FIGURE_LEX.next(units, i)) < n; i++) {
    for (const fig of FIGURE_LEX.list(view, i)) {
      if (!view.startsWith(fig, i) || (figureEnd.get(fig) ?? 0) > i) continue;
      figureEnd.set(fig, i + fig.length);
      const f = FIGURES.get(fig)!;
      const title = f.titles.find((t) => view.startsWith(t, i + fig.length));
      const before = headBefore(view, i) ? rolesBefore(view, i) : [];
      put(ctx, i, fig, title ? [...before, title] : before, f.kind === 'national-leader' ? 'official' : 'other');
    }
  }
}
