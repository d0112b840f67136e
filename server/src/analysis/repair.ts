// Repair: the one safe edit that applies every selected fix at once. Fixes of a caption
// that moves are applied to the moved text, so nothing is left for a second pass.
import type { DamageCode, Finding, TextChange } from './types';

export function repairChanges(text: string, findings: Finding[], codes: Iterable<DamageCode>): { changes: TextChange[]; applied: Partial<Record<DamageCode, number>> } {
  const want = new Set(codes);
  const chosen = findings.filter((f) => want.has(f.code) && f.changes.length);
  const moves = chosen.filter((f) => f.code === 'caption-interrupts');
  const changes: TextChange[] = [];
  const applied: Partial<Record<DamageCode, number>> = {};
  const inMoved = (c: TextChange) => moves.some((m) => c.start >= m.start && c.end <= m.end);
  for (const f of chosen) {
    if (f.code === 'caption-interrupts') continue;
    const own = f.changes.filter((c) => !inMoved(c));
    changes.push(...own);
    if (own.length) applied[f.code] = (applied[f.code] || 0) + 1;
  }
  for (const m of moves) {
    const [del, ins] = m.changes;
    // the caption text moves with the fixes that fall inside it
    const inner = chosen.filter((f) => f !== m).flatMap((f) => f.changes).filter((c) => c.start >= m.start && c.end <= m.end).sort((a, b) => b.start - a.start);
    let moved = text.slice(m.start, m.end);
    for (const c of inner) moved = moved.slice(0, c.start - m.start) + c.text + moved.slice(c.end - m.start);
    const original = text.slice(m.start, m.end);
    changes.push(del, { ...ins, text: ins.text.replace(original, moved) });
    applied['caption-interrupts'] = (applied['caption-interrupts'] || 0) + 1;
  }
  // drop anything that overlaps an earlier change (a caption's deletion covers its old place)
  const sorted = changes.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  let end = -1;
  for (const c of sorted) {
    if (c.start < end) continue;
    out.push(c);
    end = Math.max(end, c.end);
  }
  return { changes: out, applied };
}

/** Apply changes (non-overlapping) to text. */
export function applyChanges(text: string, changes: TextChange[]): string {
  const sorted = [...changes].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const c of sorted) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  return text;
}
