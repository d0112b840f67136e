// People navigation: definition (the first mention with a role), references (every
// mention, workspace-wide), document highlights; and workspace symbols for reports and
// people (people also by pinyin initials: 李伟光 is "李伟光 lwg", found by #lwg).
import { DocumentHighlightKind, SymbolKind, type DocumentHighlight, type Location, type Position, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pinyin } from 'pinyin-pro';
import type { Context } from './context';
import { findAt, mentionsOf } from './hover';
import { linesOf } from './lines';

function personAt(ctx: Context, doc: TextDocument, pos: Position) {
  const a = ctx.store.analysis(doc);
  if (!a) return null;
  const m = findAt(mentionsOf(a), doc.offsetAt(pos));
  return m ? { a, p: a.people[m.person] } : null;
}

export function definition(ctx: Context, doc: TextDocument, pos: Position): Location | null {
  const hit = personAt(ctx, doc, pos);
  if (!hit) return null;
  const m = hit.p.mentions.find((x) => x.roles.length) ?? hit.p.mentions[0];
  return { uri: doc.uri, range: linesOf(hit.a).range(m) };
}

export function references(ctx: Context, doc: TextDocument, pos: Position): Location[] {
  const hit = personAt(ctx, doc, pos);
  if (!hit) return [];
  const li = linesOf(hit.a);
  const out: Location[] = hit.p.mentions.map((m) => ({ uri: doc.uri, range: li.range(m) }));
  for (const f of ctx.index.all()) {
    if (f.uri === doc.uri) continue;
    const p = f.people.find((x) => x.key === hit.p.key);
    if (!p) continue;
    for (const m of p.mentions) out.push({ uri: f.uri, range: m.range });
  }
  return out;
}

export function highlights(ctx: Context, doc: TextDocument, pos: Position): DocumentHighlight[] {
  const hit = personAt(ctx, doc, pos);
  if (!hit) return [];
  const li = linesOf(hit.a);
  return hit.p.mentions.map((m) => ({ range: li.range(m), kind: m.roles.length ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

const initials = (name: string) => (pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }) as string[]).join('').toLowerCase();

export function workspaceSymbols(ctx: Context, query: string): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const f of ctx.index.all()) {
    for (const r of f.reports) {
      if (q && !(r.name.toLowerCase().includes(q) || (r.date || '').includes(q))) continue;
      out.push({ name: r.name, kind: SymbolKind.Module, containerName: [r.date, f.file].filter(Boolean).join(' · '), location: { uri: f.uri, range: r.range } });
    }
    for (const p of f.people) {
      const abbr = initials(p.key);
      if (q && !(p.name.includes(query.trim()) || p.key.includes(query.trim()) || abbr.startsWith(q))) continue;
      // the initials are part of the name: VS Code filters the answer again by the name alone
      out.push({ name: `${p.name} ${abbr}`, kind: SymbolKind.Object, containerName: [p.roles.join('、'), f.file].filter(Boolean).join(' · '), location: { uri: f.uri, range: p.mentions[0].range } });
    }
    if (out.length > 500) break;
  }
  return out;
}
