// Credits: bylines (记者 刘怡辰 通讯员 李雪, （记者 许廷合）, 全媒体记者:王勃 陶然), editorial
// credit lines (责任编辑：左岚 审核：桑宁), photo credits (侯聪 摄), and a role-less bracketed
// byline closing a report (（庞一凡 卓思琪）). A credit vouches for its names: a whole token
// there is a name even without a listed surname (额尔敦), or when it is an everyday word.
// A credit never continues past its own line.
import roleData from '../../../data/roles.json';
import { closedAt, dotNameAt, Evidence, nameAt, surnameAt, surnameShaped, wordAt } from './names';
import { hanAt, isInlineSpace, isSpace, Lexicon, sticky } from './scan';

export const CREDIT_ROLES = new Lexicon(roleData.bylines.filter((r) => r !== '摄' && r !== '文' && r !== '图'));
export interface Found { start: number; name: string; roles: string[]; end?: number }

const NAME_TOKEN = /[\p{Script=Han}][\p{Script=Han}·]{1,8}/uy;
const TOKEN_END = /(?:[\s、，,)）]|$)/uy;
export const REPORTER = /记者|通讯员|实习生/u;
const PADDED = /^\p{Script=Han}[ \u3000]\p{Script=Han}(?!\p{Script=Han})/u;
const COLON = (c: number) => c === 0x3a || c === 0xff1a;

/**
 * Names in a token of run-together credits, split by name shape: 郑家宁高远山 → 郑家宁, 高远山.
 * A token that holds one name comes back whole.
 */
function splitRun(s: string, k: number, len: number): number[] {
  if (len <= 3 || s.indexOf('·', k) - k < len && s.indexOf('·', k) >= k) return [len];
  if (surnameAt(s, k) === 2) return len <= 4 ? [len] : [4, ...splitRun(s, k + 4, len - 4).filter((x) => x > 0)];
  for (const first of len === 4 ? [2] : [3, 2]) {
    const rest = len - first;
    if (rest >= 2 && rest <= 6 && surnameAt(s, k + first) > 0 && (len !== 4 || surnameAt(s, k) > 0)) return [first, ...splitRun(s, k + first, rest)];
  }
  return [len];
}

/**
 * The names of a whole credit token at k, as lengths: a dot name, one name, or a run split by
 * name shape. Each is 2–4 characters and no everyday word; a token alone is vouched for by the
 * credit that sets it off, the pieces of a run must each look like a name.
 */
function wholeToken(s: string, k: number, len: number, separated: boolean): number[] | null {
  const dot = dotNameAt(s, k, k + len);
  if (dot) return [dot.length];
  const names = splitRun(s, k, len);
  let at = k;
  for (const l of names) {
    const vouched = names.length === 1 ? surnameAt(s, at) > 0 || separated : nameAt(s, at, at + l, Evidence.Strong)?.length === l;
    if (l < 2 || l > 4 || (l === 2 && wordAt(s, at)) || !vouched) return null;
    at += l;
  }
  return names;
}

/** A credit role at i and the names after it, on its line. Returns where to look next. */
export function creditAt(s: string, i: number, out: Found[]): number {
  const role = CREDIT_ROLES.at(s, i);
  if (!role) return i + 1;
  const n = s.length;
  let k = i + role.length;
  for (let c = s.charCodeAt(k); COLON(c) || isInlineSpace(c); c = s.charCodeAt(++k));
  // 审核：⏎禚长河 — a role closing its line with a colon: the name is on the next one
  if (COLON(s.charCodeAt(k - 1)) && s[k] === '\n' && hanAt(s, k + 1)) k++;
  const resume = k;
  let separated = k > i + role.length;
  // 审核, 策划, 视频 are words too: as a credit they stand before a colon or a space
  if (k === i + role.length && !REPORTER.test(role)) return resume;
  for (;;) {
    // a two-character name padded to the width of three (李 萌), as credits align names
    if (PADDED.test(s.slice(k, k + 4)) && surnameAt(s, k) && sticky(TOKEN_END, s, k + 3)) {
      out.push({ start: k, name: s[k] + s[k + 2], roles: [role], end: k + 3 });
      k += 3;
    } else {
      NAME_TOKEN.lastIndex = k;
      const tok = NAME_TOKEN.exec(s);
      if (!tok) break;
      let len = tok[0].length;
      // 记者 姚林明 and 通讯员 唐敏晓 joined into one line: the name ends where a role or 本报讯 begins
      let cut = false;
      for (let j = 2; j < len && !cut; j++) if (CREDIT_ROLES.at(s, k + j) || s.startsWith('本报', k + j)) { len = j; cut = true; }
      // a whole token, set off by a space or colon (or short, in brackets: （记者王勃）)
      const ends = cut || sticky(TOKEN_END, s, k + len) || CREDIT_ROLES.at(s, k + len) !== null;
      const run = ends && len > 4 && splitRun(s, k, len).length > 1; // 通讯员郑家宁高远山
      const whole = ends && (separated || len <= 4 || run);
      let names = whole ? wholeToken(s, k, len, separated) : null;
      if (!names) {
        // "记者王勃" written without a space, or a token running on: a surname-shaped name
        const nm = dotNameAt(s, k, n) ?? nameAt(s, k, n, Evidence.Strong);
        if (!nm) break;
        names = [nm.length];
        len = nm.length;
      }
      let at = k;
      for (const l of names) { out.push({ start: at, name: s.slice(at, at + l), roles: [role] }); at += l; }
      k += len;
    }
    let sep = 0;
    while (sep < 4 && k + sep < n && (isInlineSpace(s.charCodeAt(k + sep)) || '、，,'.includes(s[k + sep]))) sep++;
    if (!sep || CREDIT_ROLES.at(s, k + sep)) break;
    k += sep;
    separated = true;
  }
  return resume;
}

/** Photo credits: …召开。侯聪 摄 — from each 摄 back over spaces to 2–4 Han (or ·). */
export function photoCredits(s: string): Found[] {
  const n = s.length;
  const out: Found[] = [];
  for (let q = s.indexOf('摄'), last = 0; q >= 0; q = s.indexOf('摄', q + 1)) {
    // 摄 ends its credit; where a joined line runs on after it (…召开。侯聪 摄项目…) the credit
    // must stand apart: a space before 摄 and a break before the name
    const runsOn = q + 1 < n && !isSpace(s.charCodeAt(q + 1)) && !'，,。）)'.includes(s[q + 1]);
    let r = q;
    while (r > last && isInlineSpace(s.charCodeAt(r - 1))) r--;
    if (runsOn && r === q) continue;
    let p = -1;
    // 2–4 Han, or up to 9 with a middle dot (努尔兰·哈力木 摄)
    for (let c = Math.max(last, r - 9); c <= r - 2 && p < 0; c++) {
      if (!hanAt(s, c)) continue;
      let j = c + 1;
      while (j < r && (s.charCodeAt(j) === 0xb7 || hanAt(s, j))) j++;
      if (j === r && (r - c <= 4 || s.slice(c, r).includes('·'))) p = c;
    }
    if (p < 0 || (runsOn && hanAt(s, p - 1))) continue;
    last = q + 1;
    const name = s.slice(p, r);
    if (surnameShaped(s, p) || (name.includes('·') && dotNameAt(s, p, r) === name)) out.push({ start: p, name, roles: [] });
  }
  return out;
}

/**
 * A credit token that is a word, not a name: a two-character word (图片), a credit role
 * (通讯员), or a longer one opening with a verb (a name may open with a word: 庞大|海).
 */
const openingWord = (s: string, at: number, len: number) => (len === 2 ? wordAt(s, at) : closedAt(s, at) || CREDIT_ROLES.at(s, at) !== null);

// a name before its credit: 张晓东/文 李雪梅/图
const SLASH_CREDIT = /(?<![\p{Script=Han}·])([\p{Script=Han}·]{2,9})[/／]([文图摄])(?![\p{Script=Han}])/gu;

/** Credits written name first: 张晓东/文, 李雪梅/图. */
export function slashCredits(s: string): Found[] {
  const out: Found[] = [];
  for (const m of s.matchAll(SLASH_CREDIT)) {
    const name = m[1], at = m.index!;
    const ok = name.includes('·') ? dotNameAt(s, at, at + name.length) === name : name.length <= 4 && surnameShaped(s, at) && !openingWord(s, at, name.length);
    if (ok) out.push({ start: at, name, roles: [m[2]] });
  }
  return out;
}

// a line that is only names in brackets, separated by spaces: （庞一凡 卓思琪）
const BRACKETED = /^[ \t\u3000]*[（(]([\p{Script=Han}·]{2,9}(?:[ \t\u3000]+[\p{Script=Han}·]{2,9})+)[）)][ \t\u3000]*$/gmu;

/** A role-less byline closing a report: every token must look like a name. */
export function bracketedBylines(s: string): Found[] {
  const out: Found[] = [];
  for (const m of s.matchAll(BRACKETED)) {
    const body = m[1], base = m.index! + m[0].indexOf(body);
    const found: Found[] = [];
    for (const t of body.matchAll(/[^ \t\u3000]+/gu)) {
      const at = base + t.index!;
      const ok = t[0].includes('·') ? dotNameAt(s, at, at + t[0].length) === t[0] : t[0].length <= 4 && surnameShaped(s, at) && !openingWord(s, at, t[0].length);
      if (!ok) { found.length = 0; break; }
      found.push({ start: at, name: t[0], roles: [] });
    }
    out.push(...found);
  }
  return out;
}
