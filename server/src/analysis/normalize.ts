// The normalised view the analysers read: pinyin residue and the line breaks that
// repairs would remove are dropped, traditional characters folded to simplified.
// Every view offset maps back to exactly one original offset.
import { foldToSimplified } from './script';
import type { Span } from './types';

export interface View {
  text: string;
  /** toOrig[i] = original offset of view character i; toOrig[text.length] = end of the source */
  toOrig: Int32Array;
}

/** Build a view of `text` without the `drop` spans (must not overlap), folded to simplified. */
export function buildView(text: string, drop: Span[]): View {
  const spans = drop.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const toOrig = new Int32Array(text.length + 1);
  let n = 0, pos = 0;
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    for (let i = from; i < to; i++) toOrig[n++] = i;
  };
  for (const s of spans) {
    if (s.start < pos) continue; // overlapping: the earlier span already dropped it
    keep(pos, s.start);
    pos = s.end;
  }
  keep(pos, text.length);
  toOrig[n] = text.length;
  const folded = foldToSimplified(parts.join(''));
  return { text: folded.text, toOrig: toOrig.slice(0, n + 1) };
}

/** Original span of view[start, end). */
export function toOriginal(view: View, start: number, end: number): Span {
  if (end <= start) return { start: view.toOrig[start], end: view.toOrig[start] };
  return { start: view.toOrig[start], end: view.toOrig[end - 1] + 1 + surrogateTail(view, end - 1) };
}

// an astral character is two code units in both texts; keep the pair whole
function surrogateTail(view: View, i: number): number {
  const c = view.text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 1 : 0;
}

