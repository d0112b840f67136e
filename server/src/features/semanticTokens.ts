// Semantic tokens: `person` on every mention (modifiers for reporters and photographers, the
// bylines), `slogan` on every formulation, `quotation` on quoted speech and `headline` on a
// report's headline lines, so that themes tell them apart (package.json semanticTokenScopes).
// Headlines come from the analysis, not from a grammar guess. LSP tokens never span lines: a
// name, slogan or quotation cut by a line break gets one token per line's piece.
import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import { findQuotations } from '../analysis/quotations';
import type { Span } from '../analysis/types';
import { linesOf, type LineIndex } from './lines';

// `person` and `slogan` stay first: the quality scorer and other clients read them by name
export const TOKEN_TYPES = ['person', 'slogan', 'quotation', 'headline'] as const;
export const TOKEN_MODIFIERS = ['reporter', 'photographer', 'glossary'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE = { person: 0, slogan: 1, quotation: 2, headline: 3 } as const;
const MOD = { reporter: 1, photographer: 2, glossary: 4 } as const;

/** how many times tokens were computed (tests read it) */
export const computed = { semanticTokens: 0 };
const tokenCache = new WeakMap<Analysis, number[]>();

/** The encoded tokens, computed once per analysis (the same array while the document is unchanged). */
export function semanticTokens(_doc: TextDocument, a: Analysis): number[] {
  let data = tokenCache.get(a);
  if (!data) { data = compute(a); tokenCache.set(a, data); }
  return data;
}

interface Token extends Span { type: number; mods: number }

function compute(a: Analysis): number[] {
  computed.semanticTokens++;
  // names and slogans in front; quotations and headlines behind them, showing around them
  const front: Token[] = [];
  for (const p of a.people) {
    for (const m of p.mentions) {
      const kind = m.kind !== 'official' && m.kind !== 'other' ? m.kind : p.kind;
      front.push({ start: m.start, end: m.end, type: TYPE.person, mods: kind === 'reporter' ? MOD.reporter : kind === 'photographer' ? MOD.photographer : 0 });
    }
  }
  for (const s of a.slogans) if (!s.vocabulary) front.push({ start: s.start, end: s.end, type: TYPE.slogan, mods: s.entry ? MOD.glossary : 0 });
  const fore = disjoint(front);
  const back: Token[] = [];
  for (const q of findQuotations(a.text)) {
    // a slogan in quotes is the slogan itself: its marks are not speech
    if (fore.some((f) => f.type === TYPE.slogan && f.start === q.start + 1 && f.end === q.end - 1)) continue;
    back.push({ ...q, type: TYPE.quotation, mods: 0 });
  }
  for (const r of a.reports) if (r.headline) back.push({ ...r.headline, type: TYPE.headline, mods: 0 });
  const all = fore.concat(behind(disjoint(back), fore)).sort((x, y) => x.start - y.start);
  const b = new SemanticTokensBuilder();
  const li = linesOf(a);
  for (const t of all) for (const piece of linePieces(a.text, li, t)) b.push(piece.line, piece.character, piece.length, t.type, t.mods);
  return b.build().data;
}

/** Sorted, without overlaps: of two overlapping spans the one starting first (the longer at a tie) stays. */
function disjoint(spans: Token[]): Token[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Token[] = [];
  for (const s of sorted) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

/** The parts of each background span that no foreground span covers (both sorted and disjoint). */
function behind(back: Token[], fore: Token[]): Token[] {
  const out: Token[] = [];
  let k = 0;
  for (const s of back) {
    while (k < fore.length && fore[k].end <= s.start) k++;
    let at = s.start;
    for (let j = k; j < fore.length && fore[j].start < s.end; j++) {
      if (fore[j].start > at) out.push({ ...s, start: at, end: fore[j].start });
      at = Math.max(at, fore[j].end);
    }
    if (at < s.end) out.push({ ...s, start: at });
  }
  return out;
}

/** A span as one piece per line it touches, without the line breaks and the white space around them. */
function linePieces(text: string, li: LineIndex, s: Span): { line: number; character: number; length: number }[] {
  const first = li.line(s.start), last = li.line(s.end);
  if (first === last) return s.end > s.start ? [{ ...li.position(s.start), length: s.end - s.start }] : [];
  const out = [];
  for (let line = first; line <= last; line++) {
    let from = line === first ? s.start : li.lineStart(line);
    let to = line === last ? s.end : li.lineStart(line + 1);
    while (to > from && /[\s\u3000]/u.test(text[to - 1])) to--;
    while (from < to && /[\s\u3000]/u.test(text[from])) from++;
    if (to > from) out.push({ line, character: from - li.lineStart(line), length: to - from });
  }
  return out;
}
