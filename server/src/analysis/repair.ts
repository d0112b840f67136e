// Repair: the one safe edit that applies every selected fix at once. Fixes of a caption
// that moves are applied to the moved text, so nothing is left for a second pass.
// Changes are only chosen here, never invented. What each repair protects (shown in
// test/unit/repair-protects.test.mjs):
//   hard-wrap, split-sentence, split-headline: only line breaks go; headlines, bylines and
//     credits never join body text (reflow's NEVER_JOINED line kinds);
//   caption-interrupts: the caption moves whole, credit and all, once, in order;
//   halfwidth-punct: numbers and times (10:30, 1,700), URLs, e-mail, Latin text, brackets
//     holding no Chinese, and a `?` standing for a lost character (punctuation.ts);
//   stray-space: the spaces that separate a byline's or credit's names (spacing.ts);
//   pinyin-residue: only the readings go, never a character.
// Everything is linear in the number of changes and iterative (no spread of a big array
// into a call, no recursion): one finding may hold hundreds of thousands of changes.
import { firstFrom } from './text';
import type { DamageCode, Finding, TextChange } from './types';

export function repairChanges(text: string, findings: Finding[], codes: Iterable<DamageCode>): { changes: TextChange[]; applied: Partial<Record<DamageCode, number>> } {
  const want = new Set(codes);
  const chosen = findings.filter((f) => want.has(f.code) && f.changes.length);
  const moves = chosen.filter((f) => f.code === 'caption-interrupts').sort((a, b) => a.start - b.start);
  const changes: TextChange[] = [];
  const applied: Partial<Record<DamageCode, number>> = {};
  const count = (code: DamageCode) => { applied[code] = (applied[code] || 0) + 1; };
  // the fixes inside a moving caption travel with it
  const inner: TextChange[][] = moves.map(() => []);
  for (const f of chosen) {
    if (f.code === 'caption-interrupts') continue;
    let own = 0;
    for (const c of f.changes) {
      const m = moves.length ? moveHolding(moves, c) : -1;
      if (m >= 0) inner[m].push(c);
      else { changes.push(c); own++; }
    }
    if (own) count(f.code);
  }
  for (let k = 0; k < moves.length; k++) {
    const [del, ins] = moves[k].changes;
    changes.push(del, { ...ins, text: withFixes(text, moves[k].start, ins.text, inner[k]) });
    count('caption-interrupts');
  }
  // drop anything that overlaps an earlier change (a caption's deletion covers its old place).
  // The sort is stable: insertions at one offset keep their order (the LSP rule for such edits).
  changes.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  let end = -1;
  for (const c of changes) {
    if (c.start < end) continue;
    out.push(c);
    end = Math.max(end, c.end);
  }
  return { changes: out, applied };
}

/** Index of the caption move whose span holds the change, or -1 (moves sorted, not overlapping). */
function moveHolding(moves: Finding[], c: TextChange): number {
  const last = firstFrom(moves, c.start + 1, (m) => m.start) - 1; // the last one starting at or before it
  return last >= 0 && c.end <= moves[last].end ? last : -1;
}

/**
 * The caption's inserted text with the fixes that fall inside it. The insertion is the
 * caption's lines joined by blank lines ("\n\n" + line + "\n\n" + line…); each line is found
 * in the original from `from` on, and the fixes inside it are applied to it.
 */
function withFixes(text: string, from: number, insertion: string, fixes: TextChange[]): string {
  if (!fixes.length || !insertion.startsWith('\n\n')) return insertion;
  const pieces = insertion.slice(2).split('\n\n');
  let at = from;
  const fixed = pieces.map((piece) => {
    const start = text.indexOf(piece, at);
    if (start < 0) return piece;
    at = start + piece.length;
    const inside = fixes.filter((c) => c.start >= start && c.end <= at);
    return applyChanges(piece, inside.map((c) => ({ start: c.start - start, end: c.end - start, text: c.text })));
  });
  return '\n\n' + fixed.join('\n\n');
}

/**
 * Apply non-overlapping changes to text in one pass. Changes at one offset are inserted in the
 * order given (as LSP applies edits at one position).
 */
export function applyChanges(text: string, changes: TextChange[]): string {
  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.c.end - b.c.end || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const { c } of sorted) {
    if (c.start < at) continue; // overlapping: the caller's contract is broken; keep the text whole
    parts.push(text.slice(at, c.start), c.text);
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
