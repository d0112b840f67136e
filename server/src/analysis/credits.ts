// Credits: bylines (记者 刘怡辰 通讯员 李雪), closing bylines in brackets, photo credits
// (侯聪 摄). Layout uses them to say which lines are credits, spacing to keep the spaces
// that separate names, reports to list every credited name. All patterns read the
// script-folded text (traditional 記者 / 通訊員 fold to these).
import roles from '../../data/roles.json';

/** one name of a credit: 2 to 6 Han characters, or an ethnic name with its dot (帕尔哈提·吾斯曼) */
export const NAME = '(?=[\\p{Script=Han}·•]{2})[\\p{Script=Han}]{1,6}(?:[·•][\\p{Script=Han}]{1,6})?';
const NAME_TOKEN = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Han}]{1,6}[·•][\p{Script=Han}]{1,6})$/u;
const ROLE = [...roles.bylines].sort((a, b) => b.length - a.length).map((r) => r.replace('/', '\\/')).join('|');
const NAMES = `${NAME}(?:[\\s、，,]+${NAME})*`;
// a whole line of bylines: 记者 刘怡辰 通讯员 李雪 / 本报记者 许廷合 通讯员 王若晖 / 全媒体记者:王勃 陶然
export const BYLINE_LINE = new RegExp(`^(?:(?:${ROLE})[\\s:：]*${NAMES}\\s*)+$`, 'u');
// a closing byline in brackets, with roles or without: （记者 甲 通讯员 乙） / （甲 乙）
const BRACKETED = new RegExp(`^[（(]\\s*(?:(?:${ROLE})[\\s:：]*)?${NAMES}(?:\\s*(?:${ROLE})[\\s:：]*${NAMES})*\\s*[)）]$`, 'u');
const HAS_ROLE = new RegExp(`^[（(]\\s*(?:${ROLE})|\\s(?:${ROLE})[\\s:：]`, 'u');
export const BYLINE_TAIL = new RegExp(`(?:(?:本报|全媒体|融媒体)?(?:记者|通讯员))[\\s:：]*${NAME}(?:[\\s、]+${NAME})*(?:\\s+(?:记者|通讯员|实习生)[\\s:：]*${NAME}(?:[\\s、]+${NAME})*)*$`, 'u');
const CREDIT_ROLE = '(?:本报记者|记者|通讯员|本报通讯员|实习生)';
// a photo credit alone: 许廷合 摄 / 记者 某某 摄 / （记者 某某 摄） / 本报记者 某某 摄影报道
export const CREDIT_LINE = new RegExp(`^[（(]?(?:${CREDIT_ROLE}\\s*)?${NAME}(?:[\\s、]+${NAME})*\\s*摄(?:影)?(?:报道)?[)）]?$`, 'u');
/** Does a (folded) line end like a photo credit? (a cheap test before the patterns) */
export function endsLikeCredit(s: string): boolean {
  let n = s.length;
  if (n && (s.charCodeAt(n - 1) === 0xff09 || s.charCodeAt(n - 1) === 41)) n--; // ）
  if (n >= 2 && s.charCodeAt(n - 1) === 0x9053 && s.charCodeAt(n - 2) === 0x62a5) n -= 2; // 报道
  if (n && s.charCodeAt(n - 1) === 0x5f71) n--; // 影
  return n > 0 && s.charCodeAt(n - 1) === 0x6444; // 摄
}
// a caption ends with its credit: "…召开。侯聪 摄"
export const CAPTION_CREDIT = new RegExp(`(?:${CREDIT_ROLE}\\s*)?${NAME}(?:[\\s、]+${NAME})*\\s*摄$`, 'u');
const ROLE_FIRST = new Set(roles.bylines.map((r) => r[0]));
/** Could this (folded) text begin a byline? (a cheap test before the patterns) */
export const mayOpenByline = (s: string): boolean => ROLE_FIRST.has(s[0]) || (s[0] === '（' && ROLE_FIRST.has(s[1]));
/** a line that ends with a byline role whose names went to the next line (…。通讯员 ⏎ 庞一凡 摄) */
export const DANGLING_ROLE = new RegExp(`(?:^|[。！？\\s])${CREDIT_ROLE}\\s*$`, 'u');

/** Is this (folded) line a closing byline in brackets? 'byline' when it names a role, 'names' when it holds names only. */
export function bracketedByline(s: string): 'byline' | 'names' | null {
  if (s.length > 60 || !BRACKETED.test(s)) return null;
  return HAS_ROLE.test(s) ? 'byline' : 'names';
}

/** Offset of a byline run into the end of this text, or -1 (only the tail is searched: the pattern backtracks). */
export function bylineTailAt(s: string): number {
  const from = Math.max(0, s.length - 48);
  const tail = s.slice(from);
  if (!/记者|通讯员/u.test(tail)) return -1;
  const at = tail.search(BYLINE_TAIL);
  return at < 0 ? -1 : from + at;
}

/** Offset of a photo credit closing this text (…侯聪 摄), or -1. */
export function creditAt(s: string): number {
  if (!/摄$/u.test(s)) return -1;
  const from = Math.max(0, s.length - 24);
  const at = s.slice(from).search(CAPTION_CREDIT);
  return at < 0 ? -1 : from + at;
}

const CREDIT_MARK = /摄(?:影)?(?:报道)?(?=[\s)）]|$|图)/gu;
const ROLE_START = new RegExp(`^${CREDIT_ROLE}`, 'u');
/**
 * Every photo credit in a line (a line of photo news holds several: 图①…。记者 甲 摄 图②…。乙 摄),
 * from its role or first name to past 摄, with its names. Walking back from 摄 over names set
 * apart by spaces: a role word ends the walk, and so does a run glued to the caption's prose.
 */
export function creditSpans(s: string): { start: number; end: number; names: string[] }[] {
  const out: { start: number; end: number; names: string[] }[] = [];
  CREDIT_MARK.lastIndex = 0;
  for (let m; (m = CREDIT_MARK.exec(s));) {
    const names: string[] = [];
    let i = m.index, start = -1;
    for (;;) {
      let e = i;
      while (e > 0 && /[\s、]/u.test(s[e - 1])) e--;
      let b = e;
      while (b > 0 && /[\p{Script=Han}·•]/u.test(s[b - 1]) && e - b < 9) b--;
      const tok = s.slice(b, e);
      const role = ROLE_START.exec(tok);
      if (role) {
        if (tok.length - role[0].length >= 2) names.unshift(tok.slice(role[0].length));
        start = b;
        break;
      }
      // a name: 2–4 characters standing apart (after a space, a mark or the line start)
      if (tok.length < 2 || tok.length > 4 || (b > 0 && /[\p{Script=Han}]/u.test(s[b - 1]))) break;
      names.unshift(tok);
      start = b;
      i = b;
      if (b === 0 || !/[\s、]/u.test(s[b - 1])) break;
    }
    // no name stands apart (…侧柏庞一凡 摄): the spaces around 摄 still set the credit apart
    if (start < 0) start = Math.max(0, m.index - 2);
    out.push({ start, end: m.index + m[0].length, names });
  }
  return out;
}

const BYLINE_ROLE_TOKEN = /^(?:本报记者|全媒体记者|融媒体记者|记者|本报通讯员|通讯员|实习生)$/u;
/** Bylines in a (folded) line: role words each followed by whole-token names (记者 鲁燕 通讯员 武刘敏 王维). `shown` is the line as printed (same length). */
export function bylinesIn(line: string, shown = line): { role: string; names: string[] }[] {
  const out: { role: string; names: string[] }[] = [];
  let cur: { role: string; names: string[] } | null = null;
  const re = /[^\s、:：（）()，,]+/gu;
  for (let m; (m = re.exec(line));) {
    const t = m[0];
    const role = /^(本报记者|全媒体记者|融媒体记者|记者|本报通讯员|通讯员|实习生)/u.exec(t)?.[1];
    const parts = role ? [[role, m.index], [t.slice(role.length), m.index + role.length]] as const : [[t, m.index]] as const;
    for (const [tok, at] of parts) {
      if (!tok) continue;
      if (BYLINE_ROLE_TOKEN.test(tok)) { cur = { role: shown.slice(at, at + tok.length), names: [] }; out.push(cur); continue; }
      if (cur && NAME_TOKEN.test(tok)) cur.names.push(shown.slice(at, at + tok.length));
      else cur = null;
    }
  }
  return out.filter((b) => b.names.length);
}
