// The pure analysis entry point: text in, findings and facts out, every span in
// original-text offsets. The LSP features translate these; the CLI prints them.
import { furnitureFindings } from './furniture';
import { mojibakeFinding } from './encoding';
import { layout, type Layout } from './layout';
import { buildView, toOriginal, type View } from './normalize';
import { findPeople, type UserPeople } from './people';
import { halfwidthFindings } from './punctuation';
import { reflow, type Paragraph } from './reflow';
import { segmentReports } from './reports';
import { findResidue, withoutResidue } from './residue';
import { convertEdits, detectScript } from './script';
import { builtinGlossary, findExpansion, findSlogans, type Glossary, type GlossaryEntry } from './slogans';
import { straySpaceFindings } from './spacing';
import { applyChanges, repairChanges } from './repair';
import type { DamageCode, Finding, Person, Report, ScriptInfo, SloganMention, Span, TextChange } from './types';

export interface AnalysisOptions {
  glossary?: Glossary;
  people?: UserPeople;
}

export interface SloganInfo extends SloganMention { entry?: GlossaryEntry }

export interface Analysis {
  text: string;
  findings: Finding[];
  reports: Report[];
  people: Person[];
  slogans: SloganInfo[];
  /** expansion the text gives for a numbered slogan, by key */
  expansions: Map<string, string[]>;
  script: ScriptInfo;
  layout: Layout;
  paragraphs: Paragraph[];
  view: View;
}

export function analyzeDocument(text: string, opts: AnalysisOptions = {}): Analysis {
  const residue = findResidue(text);
  const lay = layout(text, residue);
  const rf = reflow(lay);
  const view = buildView(text, [...residue, ...rf.joins]);
  const orig = (s: Span) => toOriginal(view, s.start, s.end);
  const clean = (s: Span) => withoutResidue(text, s.start, s.end, residue).replace(/\s+/gu, '');

  // people, grouped by name
  const people: Person[] = [];
  const byName = new Map<string, number>();
  for (const h of findPeople(view.text, opts.people)) {
    const span = orig(h);
    let idx = byName.get(h.name);
    if (idx === undefined) {
      idx = people.length;
      byName.set(h.name, idx);
      people.push({ name: clean(span), key: h.name, roles: [], kind: h.kind, mentions: [] });
    }
    const p = people[idx];
    for (const r of h.roles) { const at = roleSpan(view, h, r); const shown = at ? clean(at) : r; if (!p.roles.includes(shown)) p.roles.push(shown); }
    if (p.kind === 'other' && h.kind !== 'other') p.kind = h.kind;
    p.mentions.push({ ...span, person: idx, roles: h.roles, kind: h.kind });
  }

  const glossary = opts.glossary ?? builtinGlossary;
  const slogans: SloganInfo[] = findSlogans(view.text, glossary).map((s) => ({ ...orig(s), key: s.key, text: clean(orig(s)), source: s.source, entry: s.entry, vocabulary: s.vocabulary }));
  const expansions = new Map<string, string[]>();
  for (const s of slogans) {
    if (expansions.has(s.key) || s.entry?.expansion?.length) continue;
    const ex = findExpansion(view.text, s.key);
    if (ex) expansions.set(s.key, ex);
  }

  const reports = segmentReports(lay, rf.paragraphs, rf.headlineJoins);
  const script = detectScript(text);

  const findings: Finding[] = [...rf.findings];
  // residue: one finding per line
  for (let i = 0, li = 0; i < residue.length;) {
    while (lay.lines[li].end < residue[i].start) li++;
    const line = lay.lines[li];
    const group = [];
    while (i < residue.length && residue[i].start <= line.end) group.push(residue[i++]);
    findings.push({ code: 'pinyin-residue', start: group[0].char, end: group[group.length - 1].end, args: { count: group.length, example: text.slice(group[0].char, group[0].end) }, changes: group.map((r) => ({ start: r.start, end: r.end, text: '' })) });
  }
  findings.push(...halfwidthFindings(lay.lines, text, residue));
  findings.push(...straySpaceFindings(lay.lines, text));
  findings.push(...furnitureFindings(lay));
  const moj = mojibakeFinding(text);
  if (moj) findings.push(moj);
  // a report that mixes scripts was half converted
  // only a document holding both scripts can hold a half-converted report
  if (script.script === 'mixed' || (script.traditionalShare > 0.02 && script.simplifiedShare > 0.02)) {
    for (const r of reports) {
      const info = detectScript(text.slice(r.start, r.end));
      if (info.script !== 'mixed') continue;
      const variant = info.traditionalShare >= info.simplifiedShare ? 'traditional' : 'simplified';
      const protect = people.flatMap((p) => p.mentions).filter((m) => m.start >= r.start && m.end <= r.end).map((m) => ({ start: m.start - r.start, end: m.end - r.start }));
      const changes = convertEdits(text.slice(r.start, r.end), variant, { protect }).map((c) => ({ start: c.start + r.start, end: c.end + r.start, text: c.text }));
      findings.push({ code: 'mixed-script', start: r.nameSpan.start, end: r.nameSpan.end, args: { traditional: Math.round(info.traditionalShare * 100), simplified: Math.round(info.simplifiedShare * 100), variant }, changes });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, findings, reports, people, slogans, expansions, script, layout: lay, paragraphs: rf.paragraphs, view };
}

// Where a role stands in the original (it is shown as written: original script, residue removed).
function roleSpan(view: View, hit: Span, role: string): Span | null {
  const at = view.text.lastIndexOf(role, hit.start);
  return at < 0 ? null : toOriginal(view, at, at + role.length);
}

/**
 * Repair to a fixpoint: a join can make a line body text whose stray space was a headline's
 * deliberate one, so the repaired text is analysed again (at most twice more). When one
 * pass suffices the changes are minimal; otherwise one change replaces the whole text.
 */
export function repairDocument(text: string, codes: Iterable<DamageCode>, opts: AnalysisOptions = {}, first?: Analysis): { changes: TextChange[]; applied: Partial<Record<DamageCode, number>>; text: string } {
  const want = [...codes];
  const a = first ?? analyzeDocument(text, opts);
  const { changes, applied } = repairChanges(text, a.findings, want);
  let out = applyChanges(text, changes);
  let extra = false;
  for (let pass = 0; pass < 2; pass++) {
    const again = analyzeDocument(out, opts);
    const more = repairChanges(out, again.findings, want);
    if (!more.changes.length) break;
    extra = true;
    for (const [k, n] of Object.entries(more.applied)) applied[k as DamageCode] = (applied[k as DamageCode] || 0) + (n || 0);
    out = applyChanges(out, more.changes);
  }
  return { changes: extra ? [{ start: 0, end: text.length, text: out }] : changes, applied, text: out };
}

export { builtinGlossary } from './slogans';
export type { Finding, Person, Report, ScriptInfo, SloganMention } from './types';
