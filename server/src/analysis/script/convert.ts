// convertText / convertEdits: one conversion of the text with what stays untouched masked
// (frozen.ts), the phrase layer in front of OpenCC unless told otherwise, and minimal edits.
import { type ConvertPhrases, type Variant, builtinPhrases } from '../convertPhrases';
import type { Span } from '../types';
import { type Dirty, type Engine, engine } from './engine';
import { type Range, frozenRanges, inPlaceTables } from './frozen';
import { SEPARATOR, isHigh, isLow, sameShape } from './units';

export interface ConvertOptions {
  /** spans (UTF-16 offsets into text) left untouched, e.g. people's names */
  protect?: Span[];
  /** the phrase layer over OpenCC: builtinPhrases when not given, null for OpenCC alone */
  phrases?: ConvertPhrases | null;
}

/** A converted stretch of text: original[start, end) becomes out (soft ranges kept inside). */
interface Piece { start: number; end: number; out: string }

function pickSentinel(text: string): number {
  for (let c = 0xe000; c <= 0xf8ff; c++) if (text.indexOf(String.fromCharCode(c)) < 0) return c;
  return -1;
}

interface Gap { at: number; text: string }

/** Maps offsets of a conversion's input to its output, for nondecreasing offsets. */
class OutPos {
  private i = 0;
  private shift = 0;
  constructor(private readonly dirty: readonly Dirty[]) {}
  /** output offset of input offset `at`, or -1 when a length-changing unit spans it */
  at(at: number): number {
    const d = this.dirty;
    while (this.i < d.length && d[this.i].end <= at) this.shift += d[this.i++].delta;
    if (this.i < d.length && d[this.i].start < at) return -1;
    return at + this.shift;
  }
}

/**
 * Convert a stretch whose soft gaps were taken out (`joined`) and put the gaps back where they
 * were; when a length-changing replacement spans a gap, the parts between gaps convert apart.
 */
function convertJoined(e: Engine, joined: string, gaps: readonly Gap[]): string {
  if (gaps.length === 0) return e.convert(joined);
  const dirty: Dirty[] = [];
  const out = e.tracked(joined, -1, dirty);
  if (out !== null) {
    const map = new OutPos(dirty);
    let s = '', prev = 0;
    for (const g of gaps) {
      const q = map.at(g.at);
      if (q < 0) { prev = -1; break; }
      s += out.slice(prev, q) + g.text;
      prev = q;
    }
    if (prev >= 0) return s + out.slice(prev);
  }
  let s = '', prev = 0;
  for (const g of gaps) { s += e.convert(joined.slice(prev, g.at)) + g.text; prev = g.at; }
  return s + e.convert(joined.slice(prev));
}

const HAN_OR_COMPAT = /[\p{Script=Han}\uf900-\ufaff]/u;

interface Masked {
  e: Engine;
  /** frozenRanges, closed by an empty hard range at the end of the text */
  ranges: Range[];
  /** the text with each hard range replaced by the sentinel and the soft ranges taken out */
  masked: string;
  /** masked converted (null: it could not be tracked), and where its length changed */
  out: string | null;
  dirty: Dirty[];
}

/**
 * Convert every stretch between hard ranges. One conversion of the whole text, with each hard
 * range replaced by a sentinel character that no dictionary entry contains (so no phrase spans
 * it) and the soft ranges taken out (so phrases span them); the list of replacements that changed
 * length tells where each stretch and gap lands in the result.
 * Null when there is no Han to convert.
 */
function convertMasked(text: string, variant: Variant, opts?: ConvertOptions): Masked | null {
  if (!HAN_OR_COMPAT.test(text)) return null;
  const e = engine(variant, opts?.phrases === undefined ? builtinPhrases : opts.phrases);
  const { ranges } = frozenRanges(text, opts?.protect, inPlaceTables(e));
  ranges.push({ start: text.length, end: text.length, soft: false });
  const sentinel = pickSentinel(text);
  const sc = sentinel >= 0 ? String.fromCharCode(sentinel) : '';
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < ranges.length - 1; k++) {
    const r = ranges[k];
    parts.push(text.slice(pos, r.start));
    if (!r.soft) parts.push(sc);
    pos = r.end;
  }
  parts.push(text.slice(pos));
  const masked = parts.join('');
  const dirty: Dirty[] = [];
  const out = sentinel >= 0 ? e.tracked(masked, sentinel, dirty) : null;
  return { e, ranges, masked, out, dirty };
}

function convertPieces(text: string, variant: Variant, opts?: ConvertOptions): Piece[] {
  const c = convertMasked(text, variant, opts);
  return c ? piecesOf(text, c) : [];
}

/** Each converted stretch between hard ranges, soft ranges put back. */
function piecesOf(text: string, { e, ranges, masked, out, dirty }: Masked): Piece[] {
  const map = new OutPos(dirty);
  const pieces: Piece[] = [];
  let pos = 0;
  let m = 0; // offset in masked
  let pieceStart = 0, pieceM = 0;
  let gaps: Gap[] = [];
  for (const r of ranges) {
    m += r.start - pos;
    pos = r.end;
    if (r.soft) {
      gaps.push({ at: m - pieceM, text: text.slice(r.start, r.end) });
      continue;
    }
    if (r.start > pieceStart) {
      let piece: string | undefined;
      if (out !== null) {
        // a sentinel never lies inside a replaced unit, so both ends of the stretch map
        const a = map.at(pieceM);
        let s = '', prev = a;
        for (const g of gaps) {
          const q = map.at(pieceM + g.at);
          if (q < 0) { prev = -1; break; }
          s += out.slice(prev, q) + g.text;
          prev = q;
        }
        if (prev >= 0) piece = gaps.length ? s + out.slice(prev, map.at(m)) : out.slice(a, map.at(m));
      }
      if (piece === undefined) piece = convertJoined(e, masked.slice(pieceM, m), gaps);
      pieces.push({ start: pieceStart, end: r.start, out: piece });
    }
    m += 1; // the sentinel
    pieceStart = r.end;
    pieceM = m;
    gaps = [];
  }
  return pieces;
}

/**
 * Convert text to a variant, leaving untouched: the `protect` spans, pinyin ruby residue such as
 * (huì), Latin words, numbers, URLs and e-mail addresses. Han text between those converts in
 * stretches (phrase-level conversion works within a stretch, and across residue and hard wraps).
 */
export function convertText(text: string, variant: Variant, opts?: ConvertOptions): string {
  const c = convertMasked(text, variant, opts);
  if (!c) return text;
  if (c.out !== null && c.dirty.length === 0) {
    // no length changed: offsets in masked are offsets in its conversion
    const out = c.out;
    const parts: string[] = [];
    let pos = 0, m = 0, from = 0;
    for (const r of c.ranges) {
      m += r.start - pos;
      parts.push(out.slice(from, m), text.slice(r.start, r.end));
      if (!r.soft && r.start < text.length) m++; // the sentinel
      from = m;
      pos = r.end;
    }
    return parts.join('');
  }
  const pieces = piecesOf(text, c);
  if (pieces.length === 0) return text;
  const out: string[] = [];
  let pos = 0;
  for (const p of pieces) {
    out.push(text.slice(pos, p.start), p.out);
    pos = p.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

export interface TextEdit { start: number; end: number; text: string }

function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Edits turning a into b for a stretch at `base`. */
function diffInto(a: string, b: string, base: number, edits: TextEdit[]): void {
  if (a === b) return;
  if (a.length === b.length && sameShape(a, b)) {
    // positional: each run of changed code units, widened to whole code points
    for (let i = 0; i < a.length; i++) {
      if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
      let s = i;
      if (s > 0 && isHigh(a.charCodeAt(s - 1))) s--;
      let e = i + 1;
      while (e < a.length && a.charCodeAt(e) !== b.charCodeAt(e)) e++;
      if (e < a.length && isHigh(a.charCodeAt(e - 1))) e++;
      edits.push({ start: base + s, end: base + e, text: b.slice(s, e) });
      i = e - 1;
    }
    return;
  }
  const pa = a.split(SEPARATOR), pb = b.split(SEPARATOR);
  if (pa.length > 1 && pa.length === pb.length && pa.every((x, i) => i % 2 === 0 || x === pb[i])) {
    let off = base;
    for (let i = 0; i < pa.length; i++) {
      if (i % 2 === 0) diffInto(pa[i], pb[i], off, edits);
      off += pa[i].length;
    }
    return;
  }
  lcsDiff(a, b, base, edits);
}

/** Code-point LCS diff of two short strings (common prefix / suffix trimmed first). */
function lcsDiff(a: string, b: string, base: number, edits: TextEdit[]): void {
  let pre = 0;
  while (pre < a.length && pre < b.length && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  if (pre > 0 && isHigh(a.charCodeAt(pre - 1))) pre--;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  if (suf > 0 && a.length - suf < a.length && isLow(a.charCodeAt(a.length - suf))) suf--;
  const A = codePoints(a.slice(pre, a.length - suf)), B = codePoints(b.slice(pre, b.length - suf));
  const start = base + pre;
  const n = A.length, m = B.length;
  if (n === 0 || m === 0 || n * m > 4_000_000) {
    edits.push({ start, end: start + (a.length - suf - pre), text: b.slice(pre, b.length - suf) });
    return;
  }
  // L[i][j] = LCS length of A[i..], B[j..]
  const L = new Uint32Array((n + 1) * (m + 1));
  const w = m + 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * w + j] = A[i] === B[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  let i = 0, j = 0, offA = start;
  let eStart = -1, eEnd = -1, eText = '';
  const flush = () => {
    if (eStart >= 0) edits.push({ start: eStart, end: eEnd, text: eText });
    eStart = -1; eText = '';
  };
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      flush();
      offA += A[i].length; i++; j++;
    } else if (j < m && (i === n || L[i * w + j + 1] >= L[(i + 1) * w + j])) {
      if (eStart < 0) { eStart = offA; eEnd = offA; }
      eText += B[j++];
    } else {
      if (eStart < 0) { eStart = offA; eEnd = offA; }
      offA += A[i].length; eEnd = offA; i++;
    }
  }
  flush();
}

/**
 * Minimal edits (changed runs only, sorted, non-overlapping, in original offsets) that turn text
 * into convertText(text, variant, opts) — for a WorkspaceEdit that keeps cursor and undo sane.
 */
export function convertEdits(text: string, variant: Variant, opts?: ConvertOptions): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const p of convertPieces(text, variant, opts)) diffInto(text.slice(p.start, p.end), p.out, p.start, edits);
  return edits;
}
