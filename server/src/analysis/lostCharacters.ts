// Lost characters: a few Chinese characters lost to `?`, `？` or U+FFFD inside Chinese text
// (a page saved through a code page that lacked them, or partly mis-decoded). Unlike whole-file
// mojibake (encoding.ts) there is nothing to reopen: the characters are gone and must be looked
// up in the source. So the finding has no fix, and no other repair may turn the `?` into
// punctuation (punctuation.ts asks lostCharacterAt before converting one).
import questionWords from '../../data/question-words.json';
import type { LayoutLine } from './layout';
import type { Finding } from './types';

const isLostMark = (c: number) => c === 63 /* ? */ || c === 0xff1f /* ？ */ || c === 0xfffd;
const isClauseEnd = (c: number) => c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1b || c === 0xff1a || c === 44 || c === 33 || c === 59 || c === 10;
const isHanUnit = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
const isAstralHanLead = (c: number) => c >= 0xd840 && c <= 0xd87f;
/** Is the character ending at s[k] (a unit, or the low half of a pair) Han? */
const hanEndsAt = (s: string, k: number) => k >= 0 && (isHanUnit(s.charCodeAt(k)) || (k > 0 && isAstralHanLead(s.charCodeAt(k - 1)) && s.charCodeAt(k) >= 0xdc00 && s.charCodeAt(k) <= 0xdfff));
/** Is the character starting at s[k] Han? */
const hanStartsAt = (s: string, k: number) => k < s.length && (isHanUnit(s.charCodeAt(k)) || isAstralHanLead(s.charCodeAt(k)));
const PARTICLES = new Set(questionWords.particles);
const INTERROGATIVES: string[] = questionWords.interrogatives;
// how far back a clause is searched for an interrogative word
const CLAUSE_REACH = 40;

/** The run of lost-character marks around i: [start, end). */
function runAt(s: string, i: number): [number, number] {
  let a = i, b = i + 1;
  while (a > 0 && isLostMark(s.charCodeAt(a - 1))) a--;
  while (b < s.length && isLostMark(s.charCodeAt(b))) b++;
  return [a, b];
}

/** Is the run s[a, b) of ? ？ U+FFFD characters lost to damage rather than punctuation? */
function isLostRun(s: string, a: number, b: number): boolean {
  const before = hanEndsAt(s, a - 1), after = hanStartsAt(s, b);
  if (s.slice(a, b).includes('\ufffd')) return before || after;
  if (!before || !after) return false;
  if (b - a > 1) return true;
  return !isQuestion(s, a);
}

/** Is the single mark at i a question mark: after a question particle, or in a clause asking something? */
function isQuestion(s: string, i: number): boolean {
  if (PARTICLES.has(s[i - 1])) return true;
  let from = i;
  while (from > 0 && i - from < CLAUSE_REACH && !isClauseEnd(s.charCodeAt(from - 1))) from--;
  const clause = s.slice(from, i);
  return INTERROGATIVES.some((w) => clause.includes(w));
}

/** Does the `?` (or `？`, U+FFFD) at s[i] stand for a lost character? */
export function lostCharacterAt(s: string, i: number): boolean {
  const [a, b] = runAt(s, i);
  return isLostRun(s, a, b);
}

/** One finding per line that has any, counting the lost characters; no fix (they are gone). */
export function lostCharacterFindings(lines: LayoutLine[], text: string): Finding[] {
  const out: Finding[] = [];
  for (const line of lines) {
    if (line.kind === 'blank') continue;
    let first = -1, last = -1, count = 0, s = '';
    for (let i = line.start; i < line.end; i++) {
      if (!isLostMark(text.charCodeAt(i))) continue;
      let b = i + 1;
      while (b < line.end && isLostMark(text.charCodeAt(b))) b++;
      // the run is judged within its line
      if (!s) s = text.slice(line.start, line.end);
      if (isLostRun(s, i - line.start, b - line.start)) {
        if (first < 0) first = i;
        last = b;
        count += b - i;
      }
      i = b - 1;
    }
    if (count) out.push({ code: 'lost-characters', start: first, end: last, args: { count, example: text.slice(Math.max(line.start, first - 2), Math.min(line.end, last + 2)) }, changes: [] });
  }
  return out;
}
