// Stray spaces inside Chinese text or dates ("10月 25日"): OCR and copy-paste leave them.
// Deliberate spaces stay: they separate the names of a byline (记者 甲 乙, （甲 乙）), a photo
// credit from its name and from the caption after it (记者 甲 摄 图为…), spaced headline
// phrases, metadata fields, and the space after a lead marker (本报讯 近日). All of it is
// read on the script-folded line, so 本報訊 and 記者 keep their spaces as 本报讯 and 记者 do.
import { bylineTailAt, creditSpans, NAME } from './credits';
import { foldLine, type LayoutLine } from './layout';
import type { Finding, TextChange } from './types';

const KEEP_KINDS = new Set(['blank', 'heading', 'headline', 'byline', 'credit', 'metadata', 'furniture', 'source-tag']);
const SPACE_RUN = /[ \t\u00a0\u3000]+/gu;
const HANLIKE = /[\p{Script=Han}，。、；：！？“”‘’《》（）]/u;
const LEAD_MARK = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯)\s+/u;

export function straySpaceFindings(lines: LayoutLine[], text: string): Finding[] {
  const out: Finding[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (KEEP_KINDS.has(line.kind)) continue;
    const from = line.contentStart, to = line.contentEnd;
    // most lines have no space: look for one before cutting the line out
    if (!hasSpace(text, from, to)) continue;
    const raw = text.slice(from, to);
    const s = raw === line.clean ? line.fold : foldLine(raw);
    // spans where spaces are deliberate
    const keepUntil = (LEAD_MARK.exec(s)?.[0].length) ?? 0;
    const byline = bylineTailAt(s);
    const keepFrom = byline >= 0 ? byline : s.length;
    const inBracket = separated(s);
    const changes: TextChange[] = [];
    SPACE_RUN.lastIndex = 0;
    for (let m; (m = SPACE_RUN.exec(s));) {
      const i = m.index, j = i + m[0].length;
      if (i < keepUntil || i >= keepFrom || inBracket(i)) continue;
      const prev = s[i - 1] || '', next = s[j] || '';
      const hanOrDate = (HANLIKE.test(prev) && (HANLIKE.test(next) || /\d/.test(next))) || (/\d/.test(prev) && /[\p{Script=Han}]/u.test(next));
      if (hanOrDate) changes.push({ start: from + i, end: from + j, text: '' });
    }
    if (changes.length) out.push({ code: 'stray-space', start: changes[0].start, end: changes[changes.length - 1].end, args: { count: changes.length }, changes });
  }
  return out;
}

function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) { const c = text.charCodeAt(k); if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000) return true; }
  return false;
}

const BRACKET_BYLINE = /[（(](?:[^()（）]*?(?:记者|通讯员)[^()（）]*)[)）]/gu;
const BRACKET_NAMES = new RegExp(`[（(]${NAME}(?:\\s+${NAME})+[)）]`, 'gu');
const ROLE_NAMES = new RegExp(`(?:记者|通讯员|实习生)[\\s:：]*${NAME}(?:\\s+${NAME})*`, 'gu');
/**
 * Spans whose spaces separate names: bylines in brackets (本报讯(记者 许廷合 通讯员 丁姜岚),
 * （甲 乙）), a role and its names anywhere (记者 甲 乙), photo credits with the space after them.
 */
function separated(s: string): (i: number) => boolean {
  const spans: [number, number][] = [];
  const bracket = s.includes('（') || s.includes('(');
  const role = s.includes('记者') || s.includes('通讯员') || s.includes('实习生');
  for (const re of [bracket && role ? BRACKET_BYLINE : null, bracket ? BRACKET_NAMES : null, role ? ROLE_NAMES : null]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m; (m = re.exec(s));) spans.push([m.index, m.index + m[0].length]);
  }
  if (s.includes('摄')) for (const c of creditSpans(s)) spans.push([c.start, c.end + 1]);
  return (i) => spans.some(([a, b]) => i > a && i < b);
}
