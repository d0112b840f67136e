// Semantic tokens: `person` on every mention (modifiers for reporters and photographers)
// and `slogan` on every formulation, so themes colour them. Tokens never span lines.
import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import { linesOf } from './lines';

export const LEGEND: SemanticTokensLegend = { tokenTypes: ['person', 'slogan'], tokenModifiers: ['reporter', 'photographer', 'glossary'] };

/** how many times tokens were computed (tests read it) */
export const computed = { semanticTokens: 0 };
const tokenCache = new WeakMap<Analysis, number[]>();

/** The encoded tokens, computed once per analysis (the same array while the document is unchanged). */
export function semanticTokens(_doc: TextDocument, a: Analysis): number[] {
  let data = tokenCache.get(a);
  if (!data) { data = compute(a); tokenCache.set(a, data); }
  return data;
}

function compute(a: Analysis): number[] {
  computed.semanticTokens++;
  const spans: { start: number; end: number; type: number; mods: number }[] = [];
  for (const p of a.people) for (const m of p.mentions) spans.push({ start: m.start, end: m.end, type: 0, mods: m.kind === 'reporter' || p.kind === 'reporter' ? 1 : m.kind === 'photographer' || p.kind === 'photographer' ? 2 : 0 });
  for (const s of a.slogans) if (!s.vocabulary) spans.push({ start: s.start, end: s.end, type: 1, mods: s.entry ? 4 : 0 });
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const b = new SemanticTokensBuilder();
  const li = linesOf(a);
  let last = -1;
  for (const s of spans) {
    if (s.start < last) continue;
    last = s.end;
    // a name or slogan cut by a hard wrap: its pieces alone would read as other words, so it
    // gets no token (hover and the outline still know it)
    const startPos = li.position(s.start), endLine = li.line(s.end);
    if (startPos.line !== endLine) continue;
    b.push(startPos.line, startPos.character, s.end - s.start, s.type, s.mods);
  }
  return b.build().data;
}
