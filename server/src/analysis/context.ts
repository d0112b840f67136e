// Lines read in context. classify() says what a line is as it reads alone; its neighbours
// correct that: a headline-shaped line inside a wrapped paragraph or isolated by column
// breaks is a fragment of body text (in markdown, where `#` marks the headings, always), a
// lead-like start after a line that stops mid-clause is a wrapped continuation, and a subtitle
// wrapped over lines stays a headline.
import { bylineTailAt, endsLikeCredit } from './credits';
import type { Block, LayoutLine } from './layout';
import { CLAUSE_PUNCT, endsSentence, SUBTITLE } from './text';

// a news agency's mark opens a report; it never continues a sentence
const AGENCY = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯|新华社|人民网|央广网|中新网)/u;
// a headline form a body fragment does not take: "某地：…" feature titles, two phrases set apart by a space
const TITLE_FORM = /^[\p{Script=Han}]{2,10}[:：]|[\p{Script=Han}”》]\s+[\p{Script=Han}“《]/u;
/** how much of a headline its report's opening (the first OPENING characters) repeats, at least, for a lone line to be a headline */
const REPEATED = 0.34;
const UNREPEATED = 0.2;
const OPENING = 150;
// a feature paragraph's scene-setting opening, up to its first comma: 中午十一点半，/ 初秋时节，/
// 走进某村，/ 在某工坊里，/ a speaker's sentence in quotes (“…，…”); no cut sentence goes on that way
const OPENS_SCENE = /^(?:(?:清晨|早上|早晨|上午|中午|正午|午后|下午|傍晚|晚上|夜幕降临|深夜|凌晨|入夜|每天|每逢|每到)[^，。；]{0,10}，|[^，。；]{1,8}(?:时分|时节|季节|之际)，|走进[^，。；]{2,20}，|在[^，。；]{2,24}[里中内上前旁外]，|“[^”]{2,40}[，。！？])/u;
/** display columns (two per character, as an OCR column counts) a line must fall short of a wrapped column by to be no full line of it */
const SHORT_BY = 6;
const bodylike = (l: LayoutLine) => l.kind === 'body' || l.kind === 'lead';
// lines that close a report (a closing byline, a source tag, a photo credit or caption): a lone
// headline-shaped line after one heads the next report, it cannot be the middle of a paragraph
const CLOSES = new Set(['byline', 'source-tag', 'credit', 'caption']);

/**
 * Correct line kinds by their neighbours, in place (line i is lines[i - firstIndex]). `setWidth`:
 * the column the text was set in, when it is known though the text no longer shows it. Each
 * decision reads the block, the one before it and the one after it only, so an incremental
 * update that re-reads a window between safe cuts (see damage.ts) decides the same.
 */
export function readInContext(lines: LayoutLine[], blocks: Block[], wrapWidth: number | null, markdown: boolean, firstIndex = 0, setWidth: number | null = wrapWidth): void {
  const at = (i: number) => lines[i - firstIndex];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.last > b.first) {
      if (isWrappedSubtitle(lines, b, firstIndex)) {
        for (let i = b.first; i <= b.last; i++) at(i).kind = 'headline';
      } else {
        // a stack of headlines opening the block (kicker / title / subtitle over the lead or a
        // byline) stays; other headline-shaped lines of a wrapped text, or of a block ending
        // mid-clause, are wrapped fragments of its paragraph
        let run = b.first;
        while (run <= b.last && at(run).kind === 'headline') run++;
        // (lines of a wrapped paragraph that have no punctuation fill the column; a stack's do not)
        let full = 0;
        for (let i = b.first; i < run - 1; i++) if (wrapWidth !== null && at(i).width >= wrapWidth - 4 && at(i).width <= wrapWidth + 2) full++;
        const stack = run > b.first && (run > b.last || at(run).kind !== 'body') && (run - b.first < 2 || full < run - b.first - 1);
        const midClause = CLAUSE_PUNCT.test(at(b.last).fold);
        for (let i = stack ? run : b.first; i <= b.last; i++) if (at(i).kind === 'headline' && (wrapWidth !== null || midClause)) at(i).kind = 'body';
      }
      // "…截至⏎3月1日，…": a lead after a line that stops mid-clause continues it
      for (let i = b.first + 1; i <= b.last; i++) if (at(i).kind === 'lead' && !AGENCY.test(at(i).fold) && stopsMidClause(at(i - 1))) at(i).kind = 'body';
    } else if (at(b.first).kind === 'headline' && k + 1 < blocks.length && !(k > 0 && CLOSES.has(at(blocks[k - 1].last).kind)) && isFragment(at(b.first), blocks[k + 1], at, wrapWidth, setWidth, markdown, k > 0 && stopsMidClause(at(blocks[k - 1].last)))) {
      at(b.first).kind = 'body';
    }
    // the same across a column break
    const first = at(b.first);
    if (first.kind === 'lead' && k > 0 && !AGENCY.test(first.fold) && bodylike(at(blocks[k - 1].first)) && stopsMidClause(at(blocks[k - 1].last))) first.kind = 'body';
  }
}

/** Body text that stops in the middle of a clause (not a byline run into its end). */
function stopsMidClause(l: LayoutLine): boolean {
  if (!bodylike(l) || endsSentence(l.fold)) return false;
  return bylineTailAt(l.fold) < 0;
}

/** ——今年将新建农村公路300公里 改造危桥⏎12座: a dash subtitle and its wrapped rest, no clause punctuation. */
function isWrappedSubtitle(lines: LayoutLine[], b: Block, firstIndex: number): boolean {
  if (b.last - b.first > 2 || !SUBTITLE.test(lines[b.first - firstIndex].fold)) return false;
  for (let i = b.first; i <= b.last; i++) {
    const l = lines[i - firstIndex];
    if ((l.kind !== 'headline' && l.kind !== 'body') || CLAUSE_PUNCT.test(l.fold)) return false;
  }
  return true;
}

/**
 * Is a lone headline-shaped line followed by body text a fragment of that text cut off by a
 * column break? In markdown always (a plain line next to a heading is part of its stack); else
 * not when it has a headline's form, is wider than the column or heads a photo caption; yes after
 * a sentence cut off; not when it falls well short of a wrapped column or the text after it opens
 * on a scene; else yes when the text after it does not repeat it (a report's opening says
 * what its headline says; the rest of a cut sentence does not), more readily for a line that
 * fills a wrapped column.
 */
function isFragment(line: LayoutLine, next: Block, at: (i: number) => LayoutLine, wrapWidth: number | null, setWidth: number | null, markdown: boolean, afterMidClause: boolean): boolean {
  if (at(next.first).kind !== 'body') return false;
  // markdown marks its headings: a plain line over body text is that text's beginning
  if (markdown) return true;
  if (SUBTITLE.test(line.fold) || TITLE_FORM.test(line.fold)) return false;
  if (wrapWidth !== null && line.width > wrapWidth + 2) return false;
  // between a sentence cut off and text that goes on, it is the cut sentence's middle
  if (afterMidClause) return true;
  // a column break falls between full lines: in a wrapped column, a line well short of the
  // column's width that ends no sentence is no piece of a paragraph but a headline set apart
  // (setWidth: the column a repair's first pass found, when its joins have unwrapped the text)
  if (setWidth !== null && 2 * line.fold.length < setWidth - SHORT_BY) return false;
  // text that opens on a scene (a time of day, a season, a place entered, a quoted voice) begins
  // a paragraph: the line over it heads it, whatever words the two share
  if (OPENS_SCENE.test(at(next.first).fold)) return false;
  // photo news: its caption ends with the credit
  if (endsLikeCredit(at(next.last).fold)) return false;
  let after = '';
  for (let i = next.first; i <= next.last && after.length < OPENING; i++) after += at(i).fold;
  // a line that fills a wrapped column (less a paragraph's indent) may well be one cut off; any
  // other line must share almost nothing with the text after it
  const fills = wrapWidth !== null && line.width >= wrapWidth - 4;
  return repeatedShare(line.fold, after.slice(0, OPENING)) < (fills ? REPEATED : UNREPEATED);
}

/** Share of the Han character pairs of `head` that occur in `text`. */
function repeatedShare(head: string, text: string): number {
  const han = head.replace(/[^\p{Script=Han}]/gu, '');
  if (han.length < 2) return 0;
  let found = 0;
  for (let i = 0; i + 1 < han.length; i++) if (text.includes(han.slice(i, i + 2))) found++;
  return found / (han.length - 1);
}
