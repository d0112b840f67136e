// Pinyin ruby residue: reading annotations that traditional-script website widgets
// flatten into the text, as in 會(huì)議. A parenthesis counts as residue only when
// what it holds is a reading of the character before it, so (CCD), (她), (网格员) stay.
import { pinyin } from 'pinyin-pro';
import type { Span } from './types';

const CANDIDATE = /(\p{Script=Han})([(（])([a-zü\u00e0-\u01dc\u0101-\u01ce\u1ebd\u1ebf\u0300-\u036f]{1,7})([)）])/gu;

const readingCache = new Map<string, Set<string>>();
const stripTone = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/v/g, 'ü').normalize('NFC');

function readingsOf(ch: string): Set<string> {
  let set = readingCache.get(ch);
  if (!set) {
    set = new Set<string>();
    for (const r of pinyin(ch, { multiple: true, type: 'array' }) as string[]) { set.add(r.normalize('NFC')); set.add(stripTone(r)); }
    readingCache.set(ch, set);
  }
  return set;
}

export interface Residue extends Span {
  /** the annotated character's offset */
  char: number;
  reading: string;
}

/** Every residue span "(huì)" in text (the span covers the parentheses and what is inside). */
export function findResidue(text: string): Residue[] {
  const out: Residue[] = [];
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return out;
  CANDIDATE.lastIndex = 0;
  for (let m; (m = CANDIDATE.exec(text));) {
    const reading = m[3].normalize('NFC');
    const readings = readingsOf(m[1]);
    if (readings.has(reading) || readings.has(stripTone(reading))) {
      const start = m.index + m[1].length;
      out.push({ start, end: start + m[2].length + m[3].length + m[4].length, char: m.index, reading });
    }
    // the next candidate may start at the character right after this parenthesis
    CANDIDATE.lastIndex = m.index + m[0].length;
  }
  return out;
}

/** text[start, end) without the residue spans inside it (residue sorted by start, as findResidue returns it). */
export function withoutResidue(text: string, start: number, end: number, residue: Span[]): string {
  let lo = 0, hi = residue.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (residue[mid].end <= start) lo = mid + 1; else hi = mid; }
  let out = '', pos = start;
  for (let i = lo; i < residue.length && residue[i].start < end; i++) {
    out += text.slice(pos, Math.max(pos, residue[i].start));
    pos = Math.min(end, Math.max(pos, residue[i].end));
  }
  return out + text.slice(pos, end);
}
