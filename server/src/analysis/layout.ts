// Layout: what each line of an article is (headline, lead, byline, caption, body …),
// how lines group into blank-separated blocks, and the column width a hard-wrapped
// text was set at, inferred from the text itself.
import furniture from '../../data/furniture.json';
import { BYLINE_LINE, bracketedByline, CAPTION_CREDIT, CREDIT_LINE, endsLikeCredit, mayOpenByline } from './credits';
import { withoutResidue } from './residue';
import { foldChars } from './charFold';
import { readInContext } from './context';
import { displayWidth, endsSentence, isClauseMark, isSentenceMark, ownCopy } from './text';
import type { Span } from './types';

export type LineKind =
  | 'blank' | 'heading' | 'headline' | 'lead' | 'byline' | 'credit' | 'caption'
  | 'source-tag' | 'furniture' | 'metadata' | 'body';

export interface LayoutLine {
  /** offsets of the line, without its terminator */
  start: number;
  end: number;
  index: number;
  kind: LineKind;
  /** line text with pinyin residue removed and outer white space trimmed (in an update, a copy: see layoutLines) */
  clean: string;
  /**
   * clean folded to simplified script, index for index (the same string when there is nothing to
   * fold): every structural decision reads this, so traditional text is read like simplified
   */
  fold: string;
  /** offsets of the first and past-the-last non-space character */
  contentStart: number;
  contentEnd: number;
  width: number;
}

export interface Block { first: number; last: number }

export interface Layout {
  lines: LayoutLine[];
  blocks: Block[];
  /** inferred column width of hard-wrapped paragraphs, in display columns; null if the text is not wrapped */
  wrapWidth: number | null;
  /** the text has markdown headings: then only they are headings, never a plain line */
  markdown: boolean;
}

// one pattern of all the alternatives: one pass over a line instead of one per pattern
const FURNITURE = new RegExp(furniture.lines.map((p) => `(?:${p})`).join('|'), 'u');
const METADATA = new RegExp(furniture.metadata, 'u');
const PAGE_DATE = new RegExp(furniture.pageDate, 'u');
const isDigit = (c: number) => c >= 48 && c <= 57;
const FURNITURE_MAX = 80;
const SOURCE_TAG = /^[（(][\p{Script=Han}]{1,8}[)）]$/u;
export const LEAD = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯|新华社|人民网|央广网|中新网|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下中]午|晚|晚间|上旬|下旬)?[,，\s]|日前[,，]|近日[,，]|近期[,，]|连日来[,，]|昨天|今天|昨日|今年以来[,，])/u;
const HEADING = /^#{1,6}\s/u;

function classify(clean: string): LineKind {
  if (!clean) return 'blank';
  if (clean.charCodeAt(0) === 35 /* # */ && HEADING.test(clean)) return 'heading';
  if (METADATA.test(clean) || (clean.length <= 40 && isDigit(clean.charCodeAt(0)) && PAGE_DATE.test(clean))) return 'metadata';
  // furniture is a short line of its own; a paragraph never is
  if (clean.length <= FURNITURE_MAX && isFurniture(clean)) return 'furniture';
  if (SOURCE_TAG.test(clean)) return 'source-tag';
  // these patterns backtrack on long lines: test what they need first
  const lastCode = clean.charCodeAt(clean.length - 1);
  const credit = endsLikeCredit(clean);
  if (credit && clean.length <= 40 && CREDIT_LINE.test(clean)) return 'credit';
  if (clean.length <= 60 && mayOpenByline(clean) && BYLINE_LINE.test(clean)) return 'byline';
  const closing = lastCode === 0xff09 || lastCode === 41 ? bracketedByline(clean) : null;
  if (closing) return closing === 'byline' ? 'byline' : 'source-tag';
  // a caption may open with a date like a lead, so it is recognised first
  if (credit && clean.length > 12 && CAPTION_CREDIT.test(clean.slice(-40)) && /[。！？!?]\s*[^。]*摄$/u.test(clean)) return 'caption';
  if (LEAD.test(clean)) return 'lead';
  if (isHeadlineShaped(clean)) return 'headline';
  return 'body';
}

const OPEN_END = '、：:，,；;“‘《（(「『';
const HAN = /\p{Script=Han}/u;
const CONTINUED_START = '·•、，,。；;：:）)';
const TITLE_COLON = /^[\p{Script=Han}]{2,10}[:：]/u;

function isFurniture(clean: string): boolean {
  return FURNITURE.test(clean);
}

/** A line that could be a headline: short, no sentence punctuation except a "某地:" title colon. */
export function isHeadlineShaped(clean: string): boolean {
  if (clean.length < 4 || clean.length > 48) return false;
  // a line that stops on 、 ： or an opening mark is cut mid-clause (…林长制、护林防火、)
  if (OPEN_END.includes(clean[clean.length - 1])) return false;
  // one that starts inside a clause (·吾斯曼 訾雪）, or opens a bracket it does not close, is a piece of one
  if (CONTINUED_START.includes(clean[0]) || unbalanced(clean)) return false;
  // a headline is Chinese: a line of Latin letters and marks (mojibake, a URL) is not one
  if (!HAN.test(clean)) return false;
  if (isSentenceMark(clean.charCodeAt(clean.length - 1)) && endsSentence(clean)) return false;
  // "老吴营社区:清理河道垃圾,寨河变…" — a feature title may hold one comma after its colon
  const title = TITLE_COLON.exec(clean);
  let punct = 0;
  for (let i = title ? title[0].length : 0; i < clean.length; i++) if (isClauseMark(clean.charCodeAt(i))) punct++;
  return title ? punct <= 1 : punct === 0;
}

/** A line folded to simplified character for character (the same string when nothing folds). */
export const foldLine = foldChars;

/** A bracket opened and not closed on the line, or closed and not opened (a wrapped piece of a parenthesis). */
function unbalanced(s: string): boolean {
  const open = s.search(/[（(]/u), close = s.search(/[)）]/u);
  return (open >= 0 && close < open) || (close >= 0 && open < 0);
}

/** `setWidth`: the column width the text was set in before a repair unwrapped it (see readInContext). */
export function layout(text: string, residue: Span[] = [], setWidth: number | null = null): Layout {
  const lines = layoutLines(text, residue, 0, text.length, 0);
  const blocks = blocksOf(lines);
  const wrapWidth = inferWrapWidth(lines, blocks);
  const markdown = hasHeadings(lines);
  readInContext(lines, blocks, wrapWidth, markdown, 0, wrapWidth ?? setWidth);
  return { lines, blocks, wrapWidth, markdown };
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xfeff || c === 0xa0 || c === 11 || c === 12 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

/**
 * Classified lines of text[from, to) (from at a line start, to at a line end or the text's
 * end), numbered from firstIndex. Kinds are as the line reads alone: see demoteWrappedHeadlines.
 * `copy`: lines made for an edit outlive their version of the text (later versions reuse
 * them), so their clean text must not be a slice that keeps that whole version alive.
 */
export function layoutLines(text: string, residue: Span[], from: number, to: number, firstIndex: number, copy = false): LayoutLine[] {
  const lines: LayoutLine[] = [];
  // residue spans are sorted: walk them with the lines instead of searching per line
  let ri = 0;
  while (ri < residue.length && residue[ri].end <= from) ri++;
  // without carriage returns, native indexOf finds the line ends (a character loop is many times slower)
  const cr = text.indexOf('\r', from);
  const lf = cr < 0 || cr >= to;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (lf) { i = text.indexOf('\n', i); if (i < 0 || i > to) i = to; }
    const c = i < to ? text.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    const end = i;
    let cs = start, ce = end;
    while (cs < ce && isSpace(text.charCodeAt(cs))) cs++;
    while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
    while (ri < residue.length && residue[ri].end <= cs) ri++;
    const cut = ri < residue.length && residue[ri].start < ce ? withoutResidue(text, cs, ce, residue) : text.slice(cs, ce);
    const clean = copy ? ownCopy(cut) : cut;
    const fold = foldLine(clean);
    lines.push({ start, end, index: firstIndex + lines.length, kind: classify(fold), clean, fold, contentStart: cs, contentEnd: ce, width: displayWidth(clean) });
    if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return lines;
}

/** Maximal runs of non-blank lines. */
export function blocksOf(lines: LayoutLine[], from = 0, to = lines.length): Block[] {
  const blocks: Block[] = [];
  for (let i = from; i < to; i++) {
    if (lines[i].kind === 'blank') continue;
    let j = i;
    while (j + 1 < to && lines[j + 1].kind !== 'blank') j++;
    blocks.push({ first: i, last: j });
    i = j;
  }
  return blocks;
}

export function hasHeadings(lines: LayoutLine[]): boolean {
  for (let i = 0; i < lines.length; i++) if (lines[i].kind === 'heading') return true;
  return false;
}

/**
 * The column width of hard-wrapped paragraphs: the most common display width of lines
 * that are followed by another line of the same block. Null when too few lines agree.
 */
export function inferWrapWidth(lines: LayoutLine[], blocks: Block[]): number | null {
  const widths: number[] = [];
  for (let k = 0; k < blocks.length; k++) for (let i = blocks[k].first; i < blocks[k].last; i++) if (lines[i].kind === 'body' || lines[i].kind === 'lead' || lines[i].kind === 'headline') widths.push(lines[i].width);
  if (widths.length < 4) return null;
  const count = new Map<number, number>();
  for (let k = 0; k < widths.length; k++) count.set(widths[k], (count.get(widths[k]) || 0) + 1);
  let best = 0, bestScore = 0;
  for (const w of count.keys()) {
    // lines of a column end within one cell of the width (half-width digits shift them) or hang one mark past it
    const score = (count.get(w) || 0) + (count.get(w - 1) || 0) + (count.get(w + 2) || 0);
    if (score > bestScore || (score === bestScore && w > best)) { best = w; bestScore = score; }
  }
  if (best < 12 || best > 160) return null;
  return bestScore >= Math.max(4, widths.length * 0.5) ? best : null;
}
