// Titles and status nouns before a name, recognised by form: a listed head (书记, 主任, 领导,
// 班子成员), or a word ending in a head character (县长, 站长, 技术员, 药剂师 — an explicit
// title; 果农, 养殖户, 游客 — a status noun), or a status, occupation or kinship noun (村民,
// 志愿者, 女儿). What stands before the head (the organisation, the place) is read back from
// the name to the last break as the role phrase; 、 separates stacked roles.
import roleData from '../../../data/roles.json';
import { Evidence, nameAt, surnameAt, wordAt } from './names';
import { hanAt, isSpace, Lexicon, marks } from './scan';

const HEADS = new Lexicon(roleData.heads, true);
const STATUS = new Lexicon(roleData.status, true);
const EPITHETS = new Lexicon(roleData.epithets, true);
const FORMS = new Map<number, boolean>(Object.entries(roleData.headForms as Record<string, string>).map(([c, tier]) => [c.charCodeAt(0), tier === 'strong']));
const NOT_TITLES = new Set<string>(roleData.notTitles);
// a count before 人 or 户 is a number of people, not a noun: 三人, 20余户
const COUNT = marks('一二两三四五六七八九十百千万余多几数每各该此0123456789０１２３４５６７８９');

/** Characters a title, status noun or epithet ends with: a scan tests these first. */
export const HEAD_LAST = marks([...roleData.heads, ...roleData.status, ...roleData.epithets, ...Object.keys(roleData.headForms)].map((w) => w[w.length - 1]));

export interface Head { len: number; strong: boolean; epithet?: boolean }
// collective labels: what follows must look like a name (县领导张斌, not 县级领导包联)
const GROUP = new Lexicon(roleData.groupLabels, true);
export const groupLabelBefore = (s: string, p: number) => GROUP.at(s, p) !== null;

/** The title head or status noun that ends at p, if any (forms: also one recognised by its last character). */
export function headBefore(s: string, p: number, forms = true): Head | null {
  const h = HEADS.at(s, p);
  if (h) return { len: h.length, strong: true };
  const ep = EPITHETS.at(s, p);
  if (ep) return { len: ep.length, strong: true, epithet: true };
  const st = STATUS.at(s, p);
  const form = FORMS.get(s.charCodeAt(p - 1));
  // (and not when the form's character opens a word with the next: 师|范大学, 工|程)
  const byForm = forms && form !== undefined && p >= 2 && hanAt(s, p - 2) && !COUNT[s.charCodeAt(p - 2)]
    && !NOT_TITLES.has(s.slice(p - 2, p)) && !wordAt(s, p - 1);
  if (byForm) return { len: Math.max(2, st?.length ?? 0), strong: form && !st }; // 人员 is a status noun
  return st ? { len: st.length, strong: false } : null;
}

// what ends the role phrase before a name (read backwards from the name)
const ROLE_BREAK = marks('，,。；;：:！？!?“”"‘’《》「」『』()（）由在了的对向把将被让请是为从');
// a preposition that opens the clause is not part of the role: 据|县气象局副局长
const OPENERS = marks('据经按受');
const ROLE_BREAK_WORDS = new Lexicon(['会见', '看望', '陪同', '邀请', '听取', '主持', '出席', '任命', '免去', '选举', '当选'], true);
const JOINS = marks('和与及');
// the part of an organisation name after its 和: 县文化广电和旅游局, 和睦社区
const ORG_END = marks('局部委厅办院所站队会司区村镇乡县市省州旗校馆团社行处科室组中心');

// a plural group before its title: 广大干部, 全体党员 — no single name follows it
export const COLLECTIVE = new RegExp(roleData.collectives.join('|'), 'u');

/** A name (2–4 characters, a surname first) ends at j and follows a break or a title: 长孙丽华|和. */
export function nameEndsAt(s: string, j: number): boolean {
  for (let len = 2; len <= 4; len++) {
    const p = j - len;
    if (p >= 0 && surnameAt(s, p) && (!hanAt(s, p - 1) || headBefore(s, p)) && nameAt(s, p, j, Evidence.Strong)?.length === len) return true;
  }
  return false;
}

/**
 * Whether 和/与/及 at j is inside an organisation name: between it and the head the role
 * ends with stands an organisation word (和|旅游局|局长), not just a title (和|副县长).
 */
function joinsOrganisation(s: string, j: number, at: number, head: number): boolean {
  // (also where 和 opens the phrase: ”和睦社区党委书记)
  if (hanAt(s, j - 1) && (headBefore(s, j) || nameEndsAt(s, j))) return false;
  for (let k = j + 1; k < at - head; k++) if (ORG_END[s.charCodeAt(k)]) return true;
  return false;
}

/** Whether a listed title or status word starts at p (干部, 班子成员, 区长): then no name does. */
export function headStarts(s: string, p: number): boolean {
  for (let e = p + 2; e <= p + 6 && e <= s.length; e++) { const h = headBefore(s, e, false); if (h && e - h.len <= p) return true; }
  return false;
}

/** The role phrases right before a name at `at`: 区委副书记、区长 → [区委副书记, 区长]. */
export function rolesBefore(s: string, at: number): string[] {
  const from = Math.max(0, at - 80);
  const last = headBefore(s, at);
  // an epithet is the role by itself, with the era before it: 民族英雄, 唐代诗人
  if (last?.epithet) {
    const era = /\p{Script=Han}[代朝]$/u.exec(s.slice(Math.max(0, at - last.len - 2), at - last.len));
    return [(era ? era[0] : '') + s.slice(at - last.len, at)];
  }
  let cut = from;
  for (let j = at - 1; j >= from; j--) {
    const c = s.charCodeAt(j);
    if (JOINS[c] && !joinsOrganisation(s, j, at, last?.len ?? 0)) { cut = j + 1; break; }
    // (a verb that is part of the head itself does not end it: 主持|人)
    if (ROLE_BREAK[c] || isSpace(c) || (j > from && j < at - (last?.len ?? 0) && ROLE_BREAK_WORDS.at(s, j + 1))) { cut = j + 1; break; }
  }
  if (OPENERS[s.charCodeAt(cut)] && !hanAt(s, cut - 1)) cut++;
  const roles: string[] = [];
  // each 、 segment that ends with a title head, a status noun or an epithet (民族英雄)
  // (a head by form only where no name ends the segment: 县委书记张建民、|县长)
  for (const seg of s.slice(cut, at).split('、')) {
    const listed = headBefore(seg, seg.length, false) !== null;
    if (seg.length >= 2 && (listed || (headBefore(seg, seg.length) && !nameEndsAt(seg, seg.length)))) roles.push(seg);
  }
  return roles;
}
