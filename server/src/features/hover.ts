// Hover: for a person, who the text says they are — roles, kind, mentions by report,
// and what other files of the workspace say; for a slogan, what it means, its
// expansion (the glossary's or the text's own) and where it comes from.
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/index';
import type { Person } from '../analysis/types';
import type { Context } from './context';
import { DETAIL, reportIndexAt } from './symbols';

const L = {
  en: { roles: 'Roles', mentions: 'Mentions', inReports: 'in', elsewhere: 'Elsewhere in the workspace', expansion: 'Expansion', textExpansion: 'Spelled out in this file', origin: 'Origin', occurrences: 'Occurrences', here: 'in this file', ws: 'in the workspace', scope: { national: 'national', provincial: 'provincial', local: 'local' }, ambiguous: 'This name covers several things; check the context.', noRole: 'no role given in the text' },
  zh: { roles: '职务', mentions: '出现', inReports: '所在报道', elsewhere: '工作区其他文件', expansion: '内容', textExpansion: '本文展开', origin: '出处', occurrences: '出现次数', here: '本文', ws: '工作区', scope: { national: '全国', provincial: '省级', local: '地方' }, ambiguous: '此名称可指多项内容，请结合上下文判断。', noRole: '文中未给出职务' },
};

export function hover(ctx: Context, doc: TextDocument, pos: Position): Hover | null {
  const a = ctx.store.analysis(doc);
  if (!a) return null;
  const off = doc.offsetAt(pos);
  const l = L[ctx.locale];
  const m = findAt(mentionsOf(a), off);
  if (m) {
    const p = a.people[m.person];
    return { contents: { kind: 'markdown', value: personCard(ctx, a, p, doc.uri) }, range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) } };
  }
  const s = findAt(a.slogans, off);
  if (s) {
    const lines = [`**${s.text}**` + (s.entry ? ` · ${l.scope[(s.entry.scope as 'national') || 'national'] || s.entry.scope}${s.entry.region ? ' · ' + s.entry.region : ''}` : '')];
    if (s.entry) {
      lines.push('', s.entry.explanation);
      if (s.entry.expansion?.length) lines.push('', `${l.expansion}: ` + s.entry.expansion.map((x, i) => `${i + 1}. ${x}`).join('；'));
      if (s.entry.origin || s.entry.year) lines.push('', `${l.origin}: ${s.entry.origin || ''}${s.entry.year ? `（${s.entry.year}）` : ''}`);
      if (s.entry.ambiguous) lines.push('', l.ambiguous);
    }
    const ex = a.expansions.get(s.key);
    if (ex) lines.push('', `${l.textExpansion}: ${ex.join('、')}`);
    const here = sloganCounts(a).get(s.key) ?? 0;
    const ws = ctx.index.sloganCount(s.key, doc.uri);
    lines.push('', `${l.occurrences}: ${here} ${l.here}` + (ws ? ` · ${ws + here} ${l.ws}` : ''));
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) } };
  }
  return null;
}

function personCard(ctx: Context, a: Analysis, p: Person, uri: string): string {
  const l = L[ctx.locale];
  const lines = [`**${p.name}** · ${DETAIL[ctx.locale][p.kind]}`, '', `${l.roles}: ${p.roles.length ? p.roles.join('、') : l.noRole}`];
  const byReport = new Map<string, number>();
  for (const m of p.mentions) {
    const ri = reportIndexAt(a, m.start);
    const name = ri >= 0 ? a.reports[ri].name : '—';
    byReport.set(name, (byReport.get(name) || 0) + 1);
  }
  lines.push('', `${l.mentions}: ${p.mentions.length} · ${l.inReports} ` + [...byReport].map(([n, c]) => `${n}（${c}）`).join('；'));
  const others = ctx.index.personElsewhere(p.key, uri);
  if (others.length) {
    lines.push('', `${l.elsewhere}:`);
    for (const o of others.slice(0, 8)) lines.push(`- ${o.file}: ${o.roles.join('、') || '—'}（${o.count}）`);
  }
  return lines.join('\n');
}

const sloganCountCache = new WeakMap<Analysis, Map<string, number>>();
/** Occurrences of each slogan key in the document (counted once per analysis). */
function sloganCounts(a: Analysis): Map<string, number> {
  let counts = sloganCountCache.get(a);
  if (!counts) {
    counts = new Map();
    for (const x of a.slogans) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
    sloganCountCache.set(a, counts);
  }
  return counts;
}

const mentionCache = new WeakMap<Analysis, Person['mentions']>();
/** Every mention, sorted by offset (computed once per analysis). */
export function mentionsOf(a: Analysis): Person['mentions'] {
  let ms = mentionCache.get(a);
  if (!ms) { ms = a.people.flatMap((p) => p.mentions).sort((x, y) => x.start - y.start); mentionCache.set(a, ms); }
  return ms;
}

/** The span containing offset (spans sorted or not); the hover point may be on the last character. */
export function findAt<T extends { start: number; end: number }>(spans: T[], off: number): T | undefined {
  // spans are sorted by start: binary search for the last one starting at or before off
  let lo = 0, hi = spans.length - 1, k = -1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (spans[mid].start <= off) { k = mid; lo = mid + 1; } else hi = mid - 1; }
  for (let i = k; i >= 0 && i > k - 4; i--) if (off >= spans[i].start && off < spans[i].end) return spans[i];
  return k >= 0 && off === spans[k].end && off > spans[k].start ? spans[k] : undefined;
}
