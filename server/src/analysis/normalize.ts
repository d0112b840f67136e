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
  // what is kept: the gaps between the dropped spans
  const keep: number[] = [];
  let pos = 0, n = 0;
  for (const s of spans) {
    if (s.start < pos) continue; // overlapping: the earlier span already dropped it
    if (s.start > pos) { keep.push(pos, s.start); n += s.start - pos; }
    pos = s.end;
  }
  if (pos < text.length) { keep.push(pos, text.length); n += text.length - pos; }
  const toOrig = new Int32Array(n + 1);
  const parts: string[] = [];
  let k = 0;
  for (let i = 0; i < keep.length; i += 2) {
    parts.push(text.slice(keep[i], keep[i + 1]));
    for (let o = keep[i]; o < keep[i + 1]; o++) toOrig[k++] = o;
  }
  toOrig[n] = text.length;
  const folded = foldToSimplified(parts.join(''));
  return { text: folded.text, toOrig };
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

