// Half-width punctuation inside Chinese text: , : ; ( ) ! ? between Chinese characters.
// Numbers, times (10:30), URLs and Latin text keep theirs; pinyin residue is left to its own finding.
import type { LayoutLine } from './layout';
import type { Finding, Span, TextChange } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’《》「」『』【】…—]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const URLISH = /(?:https?:\/\/|www\.)\S+|[\w.-]+@[\w.-]+\.\w+/gu;

/** One finding per line that has any, holding every change of the line. */
export function halfwidthFindings(lines: LayoutLine[], text: string, skip: Span[]): Finding[] {
  const out: Finding[] = [];
  let si = 0;
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'metadata' || line.kind === 'furniture') continue;
    const s = text.slice(line.start, line.end);
    if (!/[,:;()!?]/.test(s)) continue;
    const protectedSpans: Span[] = [];
    URLISH.lastIndex = 0;
    if (/:\/\/|www\.|@/u.test(s)) for (let m; (m = URLISH.exec(s));) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
    while (si < skip.length && skip[si].end <= line.start) si++;
    for (let k = si; k < skip.length && skip[k].start < line.end; k++) protectedSpans.push({ start: skip[k].start - line.start, end: skip[k].end - line.start });
    const inside = protectedSpans.length ? (i: number) => protectedSpans.some((p) => i >= p.start && i < p.end) : () => false;
    const changes: TextChange[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (!(c in FULL) || inside(i)) continue;
      if (c === '(') {
        const close = s.indexOf(')', i + 1);
        const inner = close > 0 ? s.slice(i + 1, close) : '';
        // a parenthesis holding Chinese is Chinese: (记者 许廷合) (魏宣); (CCD) stays
        if (close > 0 && /\p{Script=Han}/u.test(inner) && !inside(close)) {
          changes.push({ start: line.start + i, end: line.start + i + 1, text: '（' }, { start: line.start + close, end: line.start + close + 1, text: '）' });
          i = close;
        }
        continue;
      }
      if (c === ')') continue; // handled with its opening parenthesis
      const prev = prevVisible(s, i), next = nextVisible(s, i);
      if (c === ':' && LATIN_OR_DIGIT.test(prev) && LATIN_OR_DIGIT.test(next)) continue; // 10:30, ratios
      if (c === ',' && /\d/.test(prev) && /\d/.test(next)) continue; // 1,700
      if (LATIN_OR_DIGIT.test(prev) && LATIN_OR_DIGIT.test(next)) continue;
      // "网址:www" keeps its colon; otherwise a mark touching Chinese is Chinese
      if (CJK.test(prev) || (CJK.test(next) && !(c === ':' && /[A-Za-z]/.test(prev)))) changes.push({ start: line.start + i, end: line.start + i + 1, text: FULL[c] });
    }
    if (changes.length) out.push({ code: 'halfwidth-punct', start: changes[0].start, end: changes[changes.length - 1].end, args: { count: changes.length }, changes });
  }
  return out;
}

function prevVisible(s: string, i: number): string {
  for (let k = i - 1; k >= 0; k--) if (!/\s/.test(s[k])) return s[k];
  return '';
}
function nextVisible(s: string, i: number): string {
  for (let k = i + 1; k < s.length; k++) if (!/\s/.test(s[k])) return s[k];
  return '';
}
