// Quotations: every “…” / 「…」 / "…" span of a paragraph, marks included, so that the editor
// can paint quoted speech apart from slogans (a slogan in quotes is a slogan, not speech).
// A quotation may run over hard-wrapped lines but never across a blank line.
import type { Span } from './types';

/** the longest quotation looked for (code units); a longer "quote" is an unmatched mark */
const MAX_QUOTE = 600;
const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"' };

export function findQuotations(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const close = PAIRS[text[i]];
    if (!close) continue;
    const end = closingMark(text, i + 1, text[i], close);
    if (end < 0) continue;
    out.push({ start: i, end: end + 1 });
    i = end;
  }
  return out;
}

/** The index of the mark closing the quotation opened before `from`, or -1 (blank line, too long, end of text). */
function closingMark(text: string, from: number, open: string, close: string): number {
  const limit = Math.min(text.length, from + MAX_QUOTE);
  let depth = 0;
  for (let j = from; j < limit; j++) {
    const c = text[j];
    if (c === close && open !== close && depth > 0) { depth--; continue; }
    if (c === close) return j === from ? -1 : j;
    if (c === open && open !== close) { depth++; continue; }
    if (c === '\n' && blankLineAt(text, j + 1)) return -1; // a blank line ends the paragraph
  }
  return -1;
}

function blankLineAt(text: string, k: number): boolean {
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u3000' || text[k] === '\r')) k++;
  return k >= text.length || text[k] === '\n';
}
