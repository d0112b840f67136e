// Source damage: every finding a repair can act on (wraps, split sentences and headlines,
// captions, residue, half-width punctuation, stray spaces, furniture, merged bylines,
// mojibake), for a whole text or, after an edit, for the part of it the edit touched.
//
// Incremental update rests on one property of the reflow: nothing joins across a block
// whose last line is body text ending a sentence short of a wrapped column's width (a "safe cut"). Between two safe cuts the
// analysis depends only on that stretch of text and on the column width the whole text
// was wrapped at. So an edit re-analyses the stretch around it; the rest is reused, shifted.
import { mojibakeFinding } from './encoding';
import { furnitureFindings } from './furniture';
import { readInContext } from './context';
import { blocksOf, hasHeadings, inferWrapWidth, layout, layoutLines, type Block, type Layout, type LayoutLine } from './layout';
import { lostCharacterFindings } from './lostCharacters';
import { halfwidthFindings } from './punctuation';
import { fillsColumn, reflow, type Paragraph, type Reflow } from './reflow';
import { findResidue, type Residue } from './residue';
import { straySpaceFindings } from './spacing';
import { endsSentence, firstFrom } from './text';
import type { Finding, Span, TextChange } from './types';

export interface Damage {
  text: string;
  residue: Residue[];
  layout: Layout;
  reflow: Reflow;
  /** every damage finding, sorted by start (the mojibake notice, if any, first) */
  findings: Finding[];
  /** where the edit that made this version from the previous one starts (updateDamage) */
  edited?: number;
}

export function analyzeDamage(text: string, setWidth: number | null = null): Damage {
  const residue = findResidue(text);
  const lay = layout(text, residue, setWidth);
  const rf = reflow(lay, text);
  const findings = rf.findings.concat(lineFindings(text, lay.lines, lay.lines, residue));
  findings.sort(byPosition);
  // the mojibake notice concerns the whole text: first, whatever else starts at 0
  const moj = mojibakeFinding(text);
  if (moj) findings.unshift(moj);
  return { text, residue, layout: lay, reflow: rf, findings };
}

const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** Findings that belong to single lines: residue, half-width punctuation, stray spaces, furniture. */
function lineFindings(text: string, all: LayoutLine[], lines: LayoutLine[], residue: Residue[]): Finding[] {
  const out: Finding[] = [];
  // residue: one finding per line
  let ri = 0;
  if (lines.length) while (ri < residue.length && residue[ri].start < lines[0].start) ri++;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (ri >= residue.length) break;
    if (residue[ri].start > line.end) continue;
    const first = ri;
    while (ri < residue.length && residue[ri].start <= line.end) ri++;
    const group = residue.slice(first, ri);
    out.push({ code: 'pinyin-residue', start: group[0].char, end: group[group.length - 1].end, args: { count: group.length, example: text.slice(group[0].char, group[0].end) }, changes: group.map((r) => ({ start: r.start, end: r.end, text: '' })) });
  }
  // concat, not push(...): a long text has more findings than a call takes arguments
  return out.concat(halfwidthFindings(lines, text, residue), straySpaceFindings(lines, text), furnitureFindings(all, lines), lostCharacterFindings(lines, text));
}

/** Can nothing join across the end of a block ending with this line? */
// (in a wrapped text, not a line that fills the column: the paragraph may go on after a column break)
const safeCutAfter = (last: LayoutLine, wrapWidth: number | null) => (last.kind === 'body' || last.kind === 'lead') && endsSentence(last.clean) && (wrapWidth === null || !fillsColumn(last, wrapWidth));

// an edit touching more than this share of the text is analysed afresh
const LARGE_EDIT = 0.25;

/** The damage of `text`, an edited version of prev.text, re-analysing only what the edit touched. */
export function updateDamage(prev: Damage, text: string): Damage {
  const old = prev.text;
  if (old === text) return prev;
  // the edit: old[p, old.length - s) became text[p, text.length - s)
  let p = commonPrefix(old, text);
  let s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  const delta = text.length - old.length;
  const afresh = (): Damage => ({ ...analyzeDamage(text), edited: p });
  if (Math.max(old.length - s - p, text.length - s - p) > text.length * LARGE_EDIT) return afresh();
  // a pair of surrogates or \r\n cut by the diff: widen to the whole pair
  if (p > 0 && (isHighSurrogate(old.charCodeAt(p - 1)) || old.charCodeAt(p - 1) === 13)) p--;
  if (s > 0 && (isLowSurrogate(old.charCodeAt(old.length - s)) || old.charCodeAt(old.length - s) === 10)) s--;

  const { lines: oldLines, blocks: oldBlocks, wrapWidth, markdown } = prev.layout;
  // the window: whole blocks from the last safe cut before the edit to the first after it
  let b0 = blockAtOrBefore(oldBlocks, oldLines, p);
  while (b0 > 0 && !safeCutAfter(oldLines[oldBlocks[b0 - 1].last], wrapWidth)) b0--;
  let b1 = blockAtOrAfter(oldBlocks, oldLines, Math.max(p, old.length - s));
  for (;;) {
    // the cut after the window's last block must be safe once it is re-analysed; test it on the new lines below
    while (b1 < oldBlocks.length - 1 && !safeCutAfter(oldLines[oldBlocks[b1].last], wrapWidth)) b1++;
    const firstLine = b0 === 0 ? 0 : oldBlocks[b0].first;
    const endLine = b1 + 1 < oldBlocks.length ? oldBlocks[b1 + 1].first : oldLines.length; // exclusive
    const from = firstLine < oldLines.length ? oldLines[firstLine].start : old.length;
    // the window holds whole lines: up to the start of the next chunk's first line, less its terminator
    const oldTo = endLine < oldLines.length ? oldLines[endLine - 1].end : old.length;
    if (from > p || oldTo < old.length - s) return afresh(); // the edit is not inside whole lines of the window
    const to = oldTo + delta;
    // residue lies within lines, so none straddles the window's edges
    const windowResidue = shiftSpans(findResidue(text.slice(from, to)), from);
    const oldResidue = prev.residue, residueAfter = shifted(oldResidue, firstFrom(oldResidue, oldTo, byStart), (r) => ({ start: r.start + delta, end: r.end + delta, char: r.char + delta, reading: r.reading }));
    const residue = oldResidue.slice(0, firstFrom(oldResidue, from, byStart)).concat(windowResidue, residueAfter);

    const mid = layoutLines(text, windowResidue, from, to, firstLine, true);
    const lineDelta = firstLine + mid.length - endLine;
    const midBlocks = blocksOf(mid).map((b) => ({ first: b.first + firstLine, last: b.last + firstLine }));
    readInContext(mid, midBlocks, wrapWidth, markdown, firstLine);
    const lastMid = midBlocks.length ? mid[midBlocks[midBlocks.length - 1].last - firstLine] : null;
    if (endLine < oldLines.length && lastMid && !safeCutAfter(lastMid, wrapWidth) && b1 < oldBlocks.length - 1) { b1++; continue; }
    const lines = oldLines.slice(0, firstLine).concat(mid, shifted(oldLines, endLine, (l) => shiftLine(l, delta, lineDelta)));
    // blocks and paragraphs hold line numbers only: typing within a line leaves those after the window as they are
    const blocksAfter = oldBlocks.slice(b1 + 1);
    const blocks = oldBlocks.slice(0, b0).concat(midBlocks, lineDelta ? blocksAfter.map((b) => ({ first: b.first + lineDelta, last: b.last + lineDelta })) : blocksAfter);
    // a different column width changes how every line reads: analyse afresh
    // so does a first or last markdown heading (in markdown, plain lines are never headlines)
    if (inferWrapWidth(lines, blocks) !== wrapWidth || hasHeadings(lines) !== markdown) return afresh();
    const lay: Layout = { lines, blocks, wrapWidth, markdown };

    const rfMid = reflow({ lines, blocks: midBlocks, wrapWidth, markdown }, text);
    const old_ = prev.reflow;
    const inWindow = (line: number) => line >= firstLine && line < endLine;
    const oldParagraphs = old_.paragraphs, firstAfter = firstFrom(oldParagraphs, endLine, byFirstLine);
    const paragraphs: Paragraph[] = oldParagraphs.slice(0, firstFrom(oldParagraphs, firstLine, byFirstLine)).concat(rfMid.paragraphs,
      lineDelta ? shifted(oldParagraphs, firstAfter, (q) => (q.moved ? { lines: q.lines.map((i) => i + lineDelta), moved: true } : { lines: q.lines.map((i) => i + lineDelta) })) : oldParagraphs.slice(firstAfter));
    const headlineJoins = new Set<number>();
    for (const i of old_.headlineJoins) if (i < firstLine) headlineJoins.add(i); else if (!inWindow(i)) headlineJoins.add(i + lineDelta);
    for (const i of rfMid.headlineJoins) headlineJoins.add(i);
    const joins = old_.joins.filter((j) => j.end <= from).concat(rfMid.joins, old_.joins.filter((j) => j.start >= oldTo).map((j) => shiftSpan(j, delta)));
    const rf: Reflow = { paragraphs, findings: [], joins, headlineJoins };

    const midFindings = rfMid.findings.concat(lineFindings(text, lines, mid, windowResidue)).sort(byPosition);
    // the old findings without the mojibake notice (at the top, found afresh for the whole text)
    const oldFindings = prev.findings, skip = oldFindings[0]?.code === 'mojibake' ? 1 : 0;
    const moj = mojibakeFinding(text);
    const findings = (moj ? [moj] : []).concat(oldFindings.slice(skip, Math.max(skip, firstFrom(oldFindings, from, byStart))), midFindings,
      shifted(oldFindings, Math.max(skip, firstFrom(oldFindings, oldTo, byStart)), (f) => shiftFinding(f, delta)));
    return { text, residue, layout: lay, reflow: rf, findings, edited: p };
  }
}

// Compare in slices first: string equality is native, a character loop over a megabyte is not.
const CHUNK = 4096;
function commonPrefix(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= min && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}
/** Length of the common end of a and b, at most max. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + CHUNK <= max && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}
/** xs[from..] through shift, in a preallocated array (indexed loops: this code runs once per edit, mostly unoptimised, where for-of allocates per step) */
function shifted<T>(xs: T[], from: number, shift: (x: T) => T): T[] {
  const out: T[] = new Array(Math.max(0, xs.length - from));
  for (let i = from; i < xs.length; i++) out[i - from] = shift(xs[i]);
  return out;
}
const byStart = (s: Span) => s.start;
const byFirstLine = (p: Paragraph) => p.lines[0];
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Index of the block holding offset off, or of the last block before it (0 if none). */
function blockAtOrBefore(blocks: Block[], lines: LayoutLine[], off: number): number {
  let lo = 0, hi = blocks.length - 1, found = 0;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (lines[blocks[m].first].start <= off) { found = m; lo = m + 1; } else hi = m - 1;
  }
  return found;
}
/** Index of the block holding offset off, or of the first block after it (the last block if none). */
function blockAtOrAfter(blocks: Block[], lines: LayoutLine[], off: number): number {
  let lo = 0, hi = blocks.length - 1, found = blocks.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (lines[blocks[m].last].end >= off) { found = m; hi = m - 1; } else lo = m + 1;
  }
  return Math.max(0, found);
}

function shiftSpans<T extends Span & { char?: number }>(spans: T[], by: number): T[] {
  for (const r of spans) { r.start += by; r.end += by; if (r.char !== undefined) r.char += by; }
  return spans;
}
// Shifts build objects literally: spreading them is several times slower, and an edit near
// the top of a long text shifts every line and finding below it.
const shiftChange = (c: TextChange, by: number): TextChange => ({ start: c.start + by, end: c.end + by, text: c.text });
const shiftSpan = (c: Span, by: number): Span => ({ start: c.start + by, end: c.end + by });
const shiftLine = (l: LayoutLine, by: number, lineBy: number): LayoutLine =>
  ({ start: l.start + by, end: l.end + by, index: l.index + lineBy, kind: l.kind, clean: l.clean, fold: l.fold, contentStart: l.contentStart + by, contentEnd: l.contentEnd + by, width: l.width });
function shiftFinding(f: Finding, by: number): Finding {
  const changes: TextChange[] = new Array(f.changes.length);
  for (let i = 0; i < changes.length; i++) changes[i] = shiftChange(f.changes[i], by);
  return f.args ? { code: f.code, start: f.start + by, end: f.end + by, args: f.args, changes } : { code: f.code, start: f.start + by, end: f.end + by, changes };
}
