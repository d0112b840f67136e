// Offsets into an analysed text → LSP positions, for every feature that answers with ranges.
import type { Position, Range } from 'vscode-languageserver/node';
import type { Span } from '../analysis/types';

const isEol = (c: number) => c === 10 || c === 13;

/**
 * Offsets → positions in an analysed text, exactly as TextDocument.positionAt answers (a line
 * ends at \n, \r\n or \r; an offset inside \r\n stands before it). Built once per analysis
 * (linesOf) and shared by every feature. It remembers the last line it answered, so offsets
 * asked in about document order (as every feature here asks them) cost a step or two each
 * instead of a binary search.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private last = 0;
  constructor(private readonly text: string) {
    if (text.indexOf('\r') < 0) {
      // \n only (the usual case): a native search per line instead of a loop over every character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; this.starts.push(i + 1); } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number { return this.starts.length; }

  /** offset where line starts (clamped to the lines there are) */
  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }

  /** the line holding offset (clamped to the text) */
  line(offset: number): number {
    const s = this.starts, n = s.length;
    const off = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    let l = this.last;
    if (s[l] > off) {
      let lo = 0, hi = l - 1; // the answer is in [0, l)
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= off) lo = mid; else hi = mid - 1; }
      l = lo;
    } else if (l + 1 < n && s[l + 1] <= off) {
      l++;
      for (let k = 0; k < 4 && l + 1 < n && s[l + 1] <= off; k++) l++;
      if (l + 1 < n && s[l + 1] <= off) {
        let lo = l + 1, hi = n - 1; // the answer is in (l, n)
        while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= off) lo = mid; else hi = mid - 1; }
        l = lo;
      }
    }
    this.last = l;
    return l;
  }

  position(offset: number): Position {
    const l = this.line(offset), start = this.starts[l];
    let off = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    while (off > start && isEol(this.text.charCodeAt(off - 1))) off--;
    return { line: l, character: off - start };
  }

  /** The range of a span, widened to whole characters: it never starts or ends inside a surrogate pair. */
  range(s: Span): Range {
    const start = this.splitsPair(s.start) ? s.start - 1 : s.start;
    const end = this.splitsPair(s.end) ? s.end + 1 : s.end;
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Does offset fall between the two halves of a surrogate pair? */
  private splitsPair(offset: number): boolean {
    const lo = this.text.charCodeAt(offset);
    if (!(lo >= 0xdc00 && lo <= 0xdfff)) return false;
    const hi = this.text.charCodeAt(offset - 1);
    return hi >= 0xd800 && hi <= 0xdbff;
  }
}

const lineCache = new WeakMap<{ text: string }, LineIndex>();
/** The line index of an analysis's (or a damage's) text, built once per object: their offsets are into that text. */
export function linesOf(a: { text: string }): LineIndex {
  let li = lineCache.get(a);
  if (!li) { li = new LineIndex(a.text); lineCache.set(a, li); }
  return li;
}
