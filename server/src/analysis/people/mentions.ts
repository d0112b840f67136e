// Mentions of names found elsewhere: again before 同志, and every bare mention, except where a
// frequent word of jieba's dictionary crosses it (一张|清单 for 张清) or a name that is itself an
// everyday word (高峰, 周密) stands where the word would.
import { closedAt, Evidence, FUNCTION, nameAt, NOT_NAMES, surnameAt, wordAt } from './names';
import { allHan, hanAt, Lexicon } from './scan';
import { headBefore } from './titles';
import type { PersonKind, Span } from '../types';

export interface PersonHit extends Span { name: string; roles: string[]; kind: PersonKind }

/** A name before 同志: one found so far (the longest Han run of up to 4 before it), or one that looks like a name. */
export function comrades(view: string, hits: PersonHit[]): PersonHit[] {
  const out: PersonHit[] = [];
  const found = new Set(hits.map((h) => h.name));
  for (let q = view.indexOf('同志'), last = 0; q >= 0; q = view.indexOf('同志', q + 1)) {
    let p = -1;
    for (let c = Math.max(last, q - 4); c <= q - 2 && p < 0; c++) if (allHan(view, c, q)) p = c;
    if (p < 0) continue;
    last = q + 2;
    const run = view.slice(p, q);
    if (surnameAt(run, 0) && !NOT_NAMES.has(run) && found.has(run) && bareMention(view, p, q, run)) {
      out.push({ start: p, end: q, name: run, roles: [], kind: 'official' });
      continue;
    }
    // a name not found before: the longest that looks like one (任命王刚同志为…)
    for (let len = q - p; len >= 2; len--) {
      const name = nameAt(view, q - len, q, Evidence.Weak);
      if (name?.length === len) { out.push({ start: q - len, end: q, name, roles: [], kind: 'official' }); break; }
    }
  }
  return out;
}

/**
 * Whether a bare mention of a known name at [start, end) stands free: no frequent word crosses
 * an open side (一张|清单 for 张清, 乱石|磊磊 for 石磊). A name that is an everyday word (高峰,
 * 周密, 金秋) stands only where the word would not: after a title, or after a break or a
 * function character and before one or a verb (。周密在报告中说, 。高峰强调; not 要周密安排,
 * 金秋时节).
 */
function bareMention(s: string, start: number, end: number, name: string): boolean {
  const titled = headBefore(s, start) !== null;
  const openStart = start > 0 && hanAt(s, start - 1) && !titled && s[start - 1] !== '、';
  if (openStart && wordAt(s, start - 1)) return false;
  const openEnd = hanAt(s, end) && !FUNCTION[s.charCodeAt(end)];
  if (openEnd && wordAt(s, end - 1)) return false;
  const everyday = NOT_NAMES.has(name) || (name.length === 2 && wordAt(s, start));
  return !everyday || titled || (!(openStart && !FUNCTION[s.charCodeAt(start - 1)]) && (!openEnd || closedAt(s, end)));
}

/** Every bare mention of a name found once (added to hits): longest first, left to right, not overlapping. */
export function propagate(view: string, units: Uint16Array, hits: PersonHit[]): void {
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
      if (!bareMention(view, i, i + nm.length, nm)) continue;
      hits.push({ start: i, end: i + nm.length, name: nm, roles: [], kind: known.get(nm)!.kind });
      taken.add(i);
      step = nm.length;
      break;
    }
    i += step;
  }
}
