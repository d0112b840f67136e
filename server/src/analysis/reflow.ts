// Reflow: rebuild the paragraphs a damaged text was cut from. Lines of a hard-wrapped
// column are joined, sentences split by a blank line (a column or page break) are
// joined, photo captions dropped inside a split sentence are moved after its paragraph,
// headlines broken over lines are joined. Joins only ever remove white space.
import { bracketedByline, BYLINE_LINE, bylineTailAt, DANGLING_ROLE, mayOpenByline, NAME } from './credits';
import { foldLine, type Layout, type LayoutLine } from './layout';
import { CLAUSE_PUNCT, endsSentence, ownCopy, SUBTITLE } from './text';
import type { Finding, Span, TextChange } from './types';

export interface Paragraph {
  /** line indices, in reading order */
  lines: number[];
  /** a caption moved out of the sentence it interrupted */
  moved?: boolean;
}

export interface Reflow {
  paragraphs: Paragraph[];
  findings: Finding[];
  /** white space that joins remove (for the analysis view) */
  joins: Span[];
  /** headline lines joined to the headline line after them (split headlines) */
  headlineJoins: Set<number>;
}

const BODYLIKE = new Set(['body', 'lead']);
// lines a headline may be followed by before its report's opening paragraph
const FRONT_MATTER = new Set(['byline', 'metadata', 'credit']);
const NEVER_JOINED = new Set(['byline', 'credit', 'heading', 'furniture', 'metadata', 'source-tag', 'blank']);

const gap = (a: LayoutLine, b: LayoutLine): TextChange => ({ start: a.contentEnd, end: b.contentStart, text: joiner(a, b) });
// Latin words or numbers wrapped across a line keep one space between them
// and a credit split between its role and its name keeps the space that separates them
function joiner(a: LayoutLine, b: LayoutLine): string {
  if ((b.kind === 'credit' || a.kind === 'byline') && DANGLING_ROLE.test(a.fold)) return ' ';
  if (a.kind === 'byline' && ROLE_START.test(b.fold)) return ' ';
  return isAsciiLetter(a.clean.charCodeAt(a.clean.length - 1)) && isAsciiLetter(b.clean.charCodeAt(0)) ? ' ' : '';
}
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// a headline's text as its report repeats it: without spaces and quotes, but with the commas
// that tell a title and its subtitle ("A，B") from one headline broken in two ("AB")
const squash = (s: string) => s.replace(/[\s“”‘’「」『』《》"']/gu, '');

export function reflow(lay: Layout, text: string): Reflow {
  const { lines, blocks, wrapWidth } = lay;
  const findings: Finding[] = [];
  const joins: Span[] = [];

  // 1. paragraphs inside each block: wrapped lines join
  const paras: { lines: number[]; wrapped: TextChange[] }[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    let cur = { lines: [b.first], wrapped: [] as TextChange[] };
    for (let i = b.first; i < b.last; i++) {
      const a = lines[i], n = lines[i + 1];
      if (creditJoins(a, n) || subtitleJoins(a, n) || (wrapWidth !== null && (wrapJoins(a, n, wrapWidth) || metadataJoins(a, n)))) {
        cur.lines.push(i + 1);
        cur.wrapped.push(gap(a, n));
      } else {
        paras.push(cur);
        cur = { lines: [i + 1], wrapped: [] };
      }
    }
    paras.push(cur);
  }

  // 2. across blank lines: split sentences, with captions dropped inside them
  const out: Paragraph[] = [];
  // captions: one run of caption paragraphs per place the sentence is interrupted
  const merged: { lines: number[]; wrapped: TextChange[]; captions: number[][][] }[] = [];
  for (let k = 0; k < paras.length; k++) {
    const p = { lines: paras[k].lines, wrapped: paras[k].wrapped, captions: [] as number[][][] };
    for (;;) {
      const last = lines[p.lines[p.lines.length - 1]];
      // a byline cut in two by a column break (记者 甲 通⏎⏎讯员 乙) is one byline
      const after = k + 1 < paras.length ? paras[k + 1] : null;
      const rest = after !== null && (bylineCut(lines, p.lines, after.lines) || (wrapWidth !== null && columnGoesOn(lines, p.lines, after.lines, wrapWidth)));
      if (!rest && !unfinished(lines, p.lines)) break;
      // skip captions (and their lone credit lines) that interrupt the sentence
      let j = k + 1;
      const caps: number[][] = [];
      while (!rest && j < paras.length && isCaption(lines, paras[j].lines)) { caps.push(paras[j].lines); j++; }
      // over captions, only body text continues the sentence (a lone headline after them is the next report's)
      const goesOn = rest || (j < paras.length && (caps.length ? lines[paras[j].lines[0]].kind === 'body' : continues(lines, p.lines, lines[paras[j].lines[0]], paras[j].lines.length)));
      if (!goesOn) {
        // no body text goes on: the caption right after is the sentence's rest (photo news split by a column break)
        if (!caps.length || lines[caps[0][0]].kind !== 'caption') break;
        j = k + 1;
        caps.length = 0;
      }
      const next = paras[j];
      const first = lines[next.lines[0]];
      const change = gap(last, first);
      if (caps.length) {
        // the view keeps the caption where it stands (its credit names a photographer)
        p.captions.push(caps);
      } else {
        findings.push({ code: 'split-sentence', start: Math.max(last.contentEnd - 1, last.contentStart), end: first.contentStart + 1, changes: [change] });
        joins.push(change);
      }
      p.lines = p.lines.concat(next.lines);
      p.wrapped = p.wrapped.concat(next.wrapped);
      k = j;
    }
    merged.push(p);
  }

  for (let k = 0; k < merged.length; k++) {
    const p = merged[k];
    for (let w = 0; w < p.wrapped.length; w++) joins.push(p.wrapped[w]);
    if (p.wrapped.length) {
      const first = lines[p.lines[0]], last = lines[p.lines[p.lines.length - 1]];
      findings.push({ code: 'hard-wrap', start: first.contentStart, end: last.contentEnd, args: { lines: p.wrapped.length + 1, width: wrapWidth ?? 0 }, changes: p.wrapped });
    }
    out.push({ lines: p.lines });
    // each run of captions moves after the paragraph it interrupted, in order; the sentence
    // joins over it. One finding per run: a run's deletion covers that run alone, so body text
    // between two runs is never moved (or copied) with them.
    const end = lines[p.lines[p.lines.length - 1]].contentEnd;
    for (const run of p.captions) {
      const capLines = run.flat();
      const capStart = lines[capLines[0]].contentStart, capEnd = lines[capLines[capLines.length - 1]].contentEnd;
      const before = lines[p.lines[p.lines.findIndex((i) => i > capLines[0]) - 1]];
      const after = lines[p.lines.find((i) => i > capLines[0])!];
      // each caption paragraph moves whole: a credit wrapped to its own line stays on its caption's
      const captionText = run.map((c) => c.map((i, n) => (n ? joiner(lines[c[n - 1]], lines[i]) : '') + text.slice(lines[i].contentStart, lines[i].contentEnd)).join('')).join('\n\n');
      findings.push({
        code: 'caption-interrupts', start: capStart, end: capEnd,
        args: { caption: lines[capLines[0]].clean.slice(0, 24) },
        changes: [{ start: before.contentEnd, end: after.contentStart, text: '' }, { start: end, end, text: '\n\n' + captionText }],
      });
    }
    for (const run of p.captions) for (const c of run) out.push({ lines: c, moved: true });
  }

  // 3. headlines broken over lines (inside a block or across a blank line)
  const headlineJoins = new Set<number>();
  for (const f of splitHeadlines(lay, out, joins, headlineJoins)) findings.push(f);
  // 4. bylines run into the end of a paragraph
  for (let k = 0; k < out.length; k++) {
    const p = out[k];
    const last = lines[p.lines[p.lines.length - 1]];
    if (last.kind !== 'body' && last.kind !== 'lead') continue;
    const raw = text.slice(last.contentStart, last.contentEnd);
    const at = bylineTailAt(raw === last.clean ? last.fold : foldLine(raw));
    if (at <= 0) continue;
    const before = raw.slice(0, at);
    if (!/[。！？”)）]\s*$/u.test(before)) continue;
    const ws = before.length - before.replace(/\s+$/u, '').length;
    const start = last.contentStart + at - ws;
    findings.push({ code: 'byline-merged', start: last.contentStart + at, end: last.contentEnd, args: { byline: ownCopy(raw.slice(at)) }, changes: [{ start, end: last.contentStart + at, text: '\n' }] });
  }
  findings.sort((a, b) => a.start - b.start);
  return { paragraphs: out.sort((a, b) => a.lines[0] - b.lines[0]), findings, joins, headlineJoins };
}

/** Inside a block of a text wrapped at `width` columns, does line a run on into line n? */
function wrapJoins(a: LayoutLine, n: LayoutLine, width: number): boolean {
  if (NEVER_JOINED.has(a.kind) || NEVER_JOINED.has(n.kind) || n.kind === 'lead' || a.kind === 'caption') return false;
  // headline lines of a stack are not wrapped into one another; a headline at the column's full width is
  if (a.kind === 'headline' && n.kind === 'headline') return a.width >= width - 1 && a.width <= width + 2;
  if (!endsSentence(a.fold)) return true;
  // a full line that ends a sentence: the paragraph goes on unless the line is clearly short
  // (an OCR column counts characters: half-width digits make a full line look short by width)
  return reachesColumn(a, width);
}

/** A dash subtitle (a stack's last line) and the rest it wrapped to, wrapped text or not: ——计划投资… 打通断头⏎路17条. */
const subtitleJoins = (a: LayoutLine, n: LayoutLine): boolean => a.kind === 'headline' && n.kind === 'headline' && SUBTITLE.test(a.fold) && !SUBTITLE.test(n.fold);

/**
 * A caption's credit on the line after it, whole (…计划造林3000亩。⏎通讯员 庞一凡 摄), with its
 * role left behind (…达到95%。通讯员⏎庞一凡 摄) or its name cut (…。记者 司⏎马瑞雪 摄), belongs to
 * that caption's paragraph; so do the names of a byline wrapped after its role (记者 甲 通讯员⏎乙).
 */
function creditJoins(a: LayoutLine, n: LayoutLine): boolean {
  if (n.kind === 'credit') return BODYLIKE.has(a.kind);
  if (a.kind === 'byline' && DANGLING_ROLE.test(a.fold) && n.kind === 'body' && BYLINE_NAMES.test(n.fold)) return true;
  // a byline wrapped inside a role word or a name (记者 甲 通⏎讯员 乙): neither half alone is one
  return (a.kind !== 'byline' || n.kind !== 'byline') && a.fold.length + n.fold.length <= 60 && mayOpenByline(a.fold) && BYLINE_LINE.test(a.fold + n.fold);
}
const BYLINE_NAMES = new RegExp(`^${NAME}(?:[\\s、]+${NAME})*$`, 'u');

/** A metadata line wrapped in the column: 来源：某某街⏎道办事处, 编辑：甲 审核：⏎乙 (a short rest, no clause in it). */
function metadataJoins(a: LayoutLine, n: LayoutLine): boolean {
  return a.kind === 'metadata' && (n.kind === 'body' || n.kind === 'headline') && n.fold.length <= 12 && !CLAUSE_PUNCT.test(n.fold);
}

/** Does a line reach the column's width? (an OCR column counts characters: half-width digits make a full line look short) */
const reachesColumn = (l: LayoutLine, width: number): boolean => Math.max(l.width, 2 * l.clean.length) >= width - 1;
/** Is a line one full line of the column: reaching its width, not a longer line of another layout? */
export const fillsColumn = (l: LayoutLine, width: number): boolean => reachesColumn(l, width) && l.width <= width + 2;

/**
 * In a column whose paragraphs open indented (this one's first line is short), a paragraph that
 * ends a sentence at the column's full width and a block after it that opens at full width are
 * one paragraph a column break cut at a sentence's end.
 */
function columnGoesOn(lines: LayoutLine[], p: number[], q: number[], width: number): boolean {
  const last = lines[p[p.length - 1]], first = lines[q[0]], opening = lines[p[0]];
  if (p.length < 2 || !BODYLIKE.has(last.kind) || first.kind !== 'body' || !endsSentence(last.fold)) return false;
  return fillsColumn(last, width) && fillsColumn(first, width) && !fillsColumn(opening, width - 2);
}

/** Two one-line paragraphs that are one byline only when read together. */
function bylineCut(lines: LayoutLine[], p: number[], q: number[]): boolean {
  if (p.length !== 1 || q.length !== 1) return false;
  const a = lines[p[0]], b = lines[q[0]];
  return a.kind !== 'byline' && b.kind !== 'body' && b.kind !== 'lead' && a.fold.length + b.fold.length <= 60 && mayOpenByline(a.fold) && BYLINE_LINE.test(a.fold + b.fold);
}

/** Does this paragraph stop in the middle of a sentence (so the next block may continue it)? */
function unfinished(lines: LayoutLine[], p: number[]): boolean {
  const last = lines[p[p.length - 1]];
  if (!BODYLIKE.has(last.kind) && !(last.kind === 'headline' && p.length > 1)) return false;
  if (endsSentence(last.fold) || lines[p[0]].kind === 'byline') return false;
  // "…参加会议。记者 鲁燕 通讯员 王以琳": the report ended, its byline ran on
  const at = bylineTailAt(last.fold);
  if (at > 0 && endsSentence(last.fold.slice(0, at))) return false;
  // "…开放至晚上九点。（通讯员 华佳）": a brief closed by its byline in brackets
  const open = Math.max(last.fold.lastIndexOf('（'), last.fold.lastIndexOf('('));
  if (open > 0 && bracketedByline(last.fold.slice(open)) && endsSentence(last.fold.slice(0, open))) return false;
  // body text that stops mid-sentence goes on, unless it is a closing byline wrapped over lines
  if (BODYLIKE.has(last.kind)) return p.length === 1 || p.length > 3 || !/[)）]$/u.test(last.fold) || !bracketedByline(p.map((i) => lines[i].fold).join(''));
  // headline lines: a paragraph, not a title, when it has clause punctuation or is long
  let chars = 0;
  for (const i of p) {
    const l = lines[i];
    if (l.kind === 'lead' || CLAUSE_PUNCT.test(l.fold)) return true;
    chars += l.fold.length;
  }
  return chars > 40;
}

/** Can a block starting with this line continue the sentence paragraph p stops in? */
function continues(lines: LayoutLine[], p: number[], first: LayoutLine, blockLines: number): boolean {
  if (first.kind === 'body') return true;
  // a lone line with no punctuation looks like a headline; it ends a sentence that surely is one
  return first.kind === 'headline' && blockLines === 1 && p.some((i) => lines[i].kind === 'lead' || CLAUSE_PUNCT.test(lines[i].fold));
}

function isCaption(lines: LayoutLine[], p: number[]): boolean {
  if (!p.length) return false;
  // a caption whose credit wrapped to its own line: sentences, then the credit (…分拣葡萄。⏎通讯员 甲 摄)
  const last = lines[p[p.length - 1]];
  if (last.kind === 'credit' && p.length > 1 && endsSentence(lines[p[p.length - 2]].fold)) return true;
  for (const i of p) if (lines[i].kind !== 'caption' && lines[i].kind !== 'credit') return false;
  return true;
}

/**
 * Two adjacent headline lines are one headline broken in two when their concatenation
 * is what the report's opening paragraph says (…魏都区召开政通可优数字产业园项目专题协调会…);
 * a kicker / title / subtitle stack is not repeated that way.
 */
function splitHeadlines(lay: Layout, paras: Paragraph[], joins: Span[], joinedLines: Set<number>): Finding[] {
  const { lines } = lay;
  const found: Finding[] = [];
  const isHead = (p: Paragraph) => p.lines.every((i) => lines[i].kind === 'headline');
  const isFront = (p: Paragraph) => p.lines.every((i) => FRONT_MATTER.has(lines[i].kind));
  for (let k = 0; k < paras.length; k++) {
    if (!isHead(paras[k])) continue;
    let end = k;
    while (end + 1 < paras.length && isHead(paras[end + 1])) end++;
    let headCount = 0;
    for (let q = k; q <= end; q++) headCount += paras[q].lines.length;
    let bodyAt = end + 1;
    while (bodyAt < paras.length && isFront(paras[bodyAt])) bodyAt++;
    if (headCount >= 2) {
      const headLines = paras.slice(k, end + 1).flatMap((p) => p.lines);
      const lead = bodyAt < paras.length ? leadText(lines, paras[bodyAt], 200) : '';
      for (let h = 0; h + 1 < headLines.length; h++) {
        const a = lines[headLines[h]], b = lines[headLines[h + 1]];
        const joined = squash(a.fold + b.fold);
        // broken at a quote (柳河镇：“三变改革 / ”激活…), or repeated whole by the lead
        const atQuote = opensQuote(a.fold) && CLOSING_QUOTE.test(b.fold);
        if (atQuote || (joined.length >= 6 && lead.includes(joined))) {
          const change = { start: a.contentEnd, end: b.contentStart, text: '' };
          joins.push(change);
          joinedLines.add(a.index);
          found.push({ code: 'split-headline', start: a.contentStart, end: b.contentEnd, args: { headline: a.clean + b.clean }, changes: [change] });
        }
      }
    }
    k = end;
  }
  return found;
}

const CLOSING_QUOTE = /^[”’」』]/u;
const ROLE_START = /^(?:本报记者|全媒体记者|融媒体记者|记者|本报通讯员|通讯员|实习生)/u;
/** Does the line leave a quotation open? */
function opensQuote(s: string): boolean {
  let open = 0;
  for (const ch of s) if (ch === '“' || ch === '「') open++; else if ((ch === '”' || ch === '」') && open > 0) open--;
  return open > 0;
}

/** The first `max` characters of a paragraph without white space or punctuation (enough lines, not all of them). */
function leadText(lines: LayoutLine[], p: Paragraph, max: number): string {
  let s = '';
  for (const i of p.lines) { s += squash(lines[i].fold); if (s.length >= max) break; }
  return s.slice(0, max);
}
