// Quoted people: the speaker after a closing quote (”王随乾说, "…。"罗冬梅激动地说 — curly or
// ASCII straight quotes; a status noun before the name is the title pass's), and the holders
// of a quoted honour (给"中国好人"李培生胡晓春回信).
import { Evidence, nameAt, commonSurnameAt } from './names';
import { hanAt, marks } from './scan';
import type { Found } from './credits';

/** Positions of closing quotes, in order: ” ’, and a straight " after the end of a sentence. */
export function closingQuotes(s: string): number[] {
  const at: number[] = [];
  for (const q of ['”', '’']) for (let i = s.indexOf(q); i >= 0; i = s.indexOf(q, i + 1)) at.push(i);
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) if (i > 0 && '。！？!?…，,'.includes(s[i - 1])) at.push(i);
  return at.sort((a, b) => a - b);
}

// the speech verb, and what may stand between the name and it: an adverb ending in 地 or 着,
// or 边走边 (激动地说, 笑着说)
const SPEECH_VERB = /说|表示|介绍|告诉|坦言|感慨|笑称|称赞|指出|谈到|讲述|回忆/uy;
const MANNER = marks('地着边');

// the occasion of the speech between name and verb: 在发言中表示, 在致辞时说
const OCCASION = /在\p{Script=Han}{2,3}[中时上]/uy;

/**
 * Whether a speech verb follows at once, after a short adverb ending in 地/着/边 (激动地说),
 * or after the occasion (在发言中表示).
 */
export function speechFollows(s: string, end: number): boolean {
  OCCASION.lastIndex = end;
  if (OCCASION.test(s)) end = OCCASION.lastIndex;
  for (let v = end; v <= end + 5 && (v === end || hanAt(s, v - 1)); v++) {
    SPEECH_VERB.lastIndex = v;
    if (SPEECH_VERB.test(s) && (v === end || MANNER[s.charCodeAt(v - 1)])) return true;
  }
  return false;
}

/** The speaker right after a closing quote. */
export function speakers(s: string, quotes: number[]): Found[] {
  const out: Found[] = [];
  for (const q of quotes) {
    // a speech verb is fair evidence: a three-character candidate need not pass the everyday-word veto
    const strong = nameAt(s, q + 1, q + 6, Evidence.Strong);
    const name = nameAt(s, q + 1, q + 6, Evidence.Weak) ?? (strong?.length === 3 ? strong : null);
    if (!name) continue;
    if (speechFollows(s, q + 1 + name.length) && commonSurnameAt(s, q + 1)) out.push({ start: q + 1, name, roles: [] });
  }
  return out;
}

const HONOUR = /[”’"]((?:[\p{Script=Han}]{3}){1,4})(?=回信|等|[，,、。])/uy;
const HONOUR_WORDS = ['好人', '模范', '标兵', '楷模', '人物', '英雄', '先进个人', '代表', '道德模范'];
const HONOUR_BEFORE = new RegExp(`(?:${HONOUR_WORDS.join('|')})$`, 'u');
const HONOUR_LAST = marks(HONOUR_WORDS.map((w) => w[w.length - 1]));

/** An honour in quotes followed by the people who hold it: 给"中国好人"李培生胡晓春回信. */
export function honours(s: string, quotes: number[]): Found[] {
  const out: Found[] = [];
  for (const q of quotes) {
    if (!HONOUR_LAST[s.charCodeAt(q - 1)] || !HONOUR_BEFORE.test(s.slice(Math.max(0, q - 8), q))) continue;
    HONOUR.lastIndex = q;
    const m = HONOUR.exec(s);
    if (!m) continue;
    const run = m[1];
    const names: string[] = [];
    for (let k = 0; k < run.length; k += 3) if (commonSurnameAt(run, k)) names.push(run.slice(k, k + 3)); else { names.length = 0; break; }
    // the honour is their role: from the opening quote to the closing one
    const before = s.slice(Math.max(0, q - 13), q);
    const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('"'), before.lastIndexOf('‘'));
    const honour = open >= 0 ? [before.slice(open + 1)] : [];
    names.forEach((nm, j) => out.push({ start: q + 1 + j * 3, name: nm, roles: honour }));
  }
  return out;
}
