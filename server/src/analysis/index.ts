// The pure analysis entry point: text in, findings and facts out, every span in
// original-text offsets. The LSP features translate these; the CLI prints them.
import { analyzeDamage, type Damage } from './damage';
import { buildView, toOriginal, type View } from './normalize';
import { findPeople, type UserPeople } from './people';
import { segmentReports } from './reports';
import { withoutResidue } from './residue';
import type { ConvertPhrases } from './convertPhrases';
import { convertEdits, detectScript, ONE_TO_MANY_SURNAMES } from './script';
import { builtinGlossary, findExpansion, findSlogans, type Glossary, type GlossaryEntry } from './slogans';
import { applyChanges, repairChanges } from './repair';
import type { DamageCode, Finding, Person, Report, ScriptInfo, SloganMention, Span, TextChange } from './types';

export interface AnalysisOptions {
  glossary?: Glossary;
  people?: UserPeople;
  /** the conversion phrase layer for the mixed-script fix (builtinPhrases when not given) */
  convertPhrases?: ConvertPhrases;
  /** the column width the text was hard-wrapped at before a repair joined it (see repairDocument) */
  setWidth?: number;
}

export interface SloganInfo extends SloganMention { entry?: GlossaryEntry }

export interface Analysis {
  text: string;
  /** damage findings (see damage.ts) and, for a half-converted report, mixed-script */
  findings: Finding[];
  reports: Report[];
  people: Person[];
  slogans: SloganInfo[];
  /** expansion the text gives for a numbered slogan, by key */
  expansions: Map<string, string[]>;
  script: ScriptInfo;
  damage: Damage;
}

/**
 * Everything the features show: the damage (given, when the caller already has it for
 * this text, e.g. updated incrementally), then people, slogans and reports, read on a
 * normalised view of the text and mapped back to original offsets.
 */
export function analyzeDocument(text: string, opts: AnalysisOptions = {}, damage?: Damage): Analysis {
  const d = damage && damage.text === text ? damage : analyzeDamage(text, opts.setWidth ?? null);
  const { residue, layout: lay, reflow: rf } = d;
  const view = buildView(text, [...residue, ...rf.joins]);
  const orig = (s: Span) => toOriginal(view, s.start, s.end);
  // as written: original script, residue and the white space of a wrap removed
  const clean = (s: Span) => { const t = withoutResidue(text, s.start, s.end, residue); return /\s/u.test(t) ? t.replace(/\s+/gu, '') : t; };

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
    const written = h.roles.map((r) => { const at = roleSpan(view, h, r); return at ? clean(at) : r; });
    for (const shown of written) if (!p.roles.includes(shown)) p.roles.push(shown);
    if (p.kind === 'other' && h.kind !== 'other') p.kind = h.kind;
    p.mentions.push({ start: span.start, end: span.end, person: idx, roles: h.roles, written, kind: h.kind });
  }

  const glossary = opts.glossary ?? builtinGlossary;
  const slogans: SloganInfo[] = findSlogans(view.text, glossary).map((s) => { const at = orig(s); return { start: at.start, end: at.end, key: s.key, text: clean(at), source: s.source, entry: s.entry, vocabulary: s.vocabulary }; });
  const expansions = new Map<string, string[]>();
  const sought = new Set<string>();
  for (const s of slogans) {
    if (sought.has(s.key) || s.entry?.expansion?.length) continue;
    sought.add(s.key);
    const ex = findExpansion(view.text, s.key);
    if (ex) expansions.set(s.key, ex);
  }

  const reports = segmentReports(lay, rf.paragraphs, rf.headlineJoins);
  const script = detectScript(text);
  const mixed = mixedScriptFindings(text, script, reports, people, opts.convertPhrases);
  const findings = mixed.length ? d.findings.concat(mixed).sort((a, b) => a.start - b.start || a.end - b.end) : d.findings;
  return { text, findings, reports, people, slogans, expansions, script, damage: d };
}

/**
 * What conversion must leave alone in text[from, to) so that names stay right: the surname
 * of each person mentioned, when OpenCC maps it one-to-many (范 → 範, 余 → 餘). The rest of
 * the name converts like any text (李伟光 → 李偉光). Spans are relative to from.
 */
export function surnameShields(people: Person[], from = 0, to = Infinity): Span[] {
  const out: Span[] = [];
  for (const p of people) {
    if (!ONE_TO_MANY_SURNAMES.has(p.key[0])) continue;
    for (const m of p.mentions) if (m.start >= from && m.end <= to) out.push({ start: m.start - from, end: m.start - from + 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A report that mixes scripts was half converted; only a document holding both scripts can hold one. */
function mixedScriptFindings(text: string, script: ScriptInfo, reports: Report[], people: Person[], phrases?: ConvertPhrases): Finding[] {
  const out: Finding[] = [];
  if (script.script !== 'mixed' && !(script.traditionalShare > 0.02 && script.simplifiedShare > 0.02)) return out;
  for (const r of reports) {
    const info = detectScript(text, r.start, r.end);
    if (info.script !== 'mixed') continue;
    const variant = info.traditionalShare >= info.simplifiedShare ? 'traditional' : 'simplified';
    const protect = surnameShields(people, r.start, r.end);
    const changes = convertEdits(text.slice(r.start, r.end), variant, { protect, phrases }).map((c) => ({ start: c.start + r.start, end: c.end + r.start, text: c.text }));
    out.push({ code: 'mixed-script', start: r.nameSpan.start, end: r.nameSpan.end, args: { traditional: Math.round(info.traditionalShare * 100), simplified: Math.round(info.simplifiedShare * 100), variant }, changes });
  }
  return out;
}

// Where a role stands in the original (it is shown as written: original script, residue
// removed): right after the name or the nearest before it.
function roleSpan(view: View, hit: Span, role: string): Span | null {
  // after the name: at once (习近平总书记) or past a verb (任命X为…局长, X当选为…会长)
  const after = view.text.indexOf(role, hit.end);
  const at = after >= 0 && after - hit.end <= 3 ? after : view.text.lastIndexOf(role, hit.start);
  return at < 0 ? null : toOriginal(view, at, at + role.length);
}

/**
 * Repair to a fixpoint: a join can make a line body text whose stray space was a headline's
 * deliberate one, or bring a half-width mark next to Chinese, so the repaired text is analysed
 * again until nothing is left to fix (a few passes at most; bounded). When one pass suffices
 * the changes are minimal; otherwise one change replaces the whole text.
 * Only mixed-script needs people and reports; every other repair needs the damage alone.
 * The server's fix-all, Repair Document and the CLI's `fix` all call this one function.
 */
export function repairDocument(text: string, codes: Iterable<DamageCode>, opts: AnalysisOptions = {}, first?: { findings: Finding[] }): { changes: TextChange[]; applied: Partial<Record<DamageCode, number>>; text: string } {
  const want = [...codes];
  const a = first ?? (want.includes('mixed-script') ? analyzeDocument(text, opts) : analyzeDamage(text));
  // the passes after the first read a text whose column the first joined: they keep its width
  const setWidth = a.findings.find((f) => f.code === 'hard-wrap')?.args?.width;
  const width = typeof setWidth === 'number' && setWidth > 0 ? setWidth : undefined;
  const analyse = want.includes('mixed-script') ? (t: string) => analyzeDocument(t, { ...opts, setWidth: width }) : (t: string) => analyzeDamage(t, width ?? null);
  const { changes, applied } = repairChanges(text, a.findings, want);
  let out = applyChanges(text, changes);
  let extra = false;
  for (let pass = 0; pass < MAX_EXTRA_PASSES && changes.length; pass++) {
    const again = analyse(out);
    const more = repairChanges(out, again.findings, want);
    if (!more.changes.length) break;
    extra = true;
    for (const [k, n] of Object.entries(more.applied)) applied[k as DamageCode] = (applied[k as DamageCode] || 0) + (n || 0);
    out = applyChanges(out, more.changes);
  }
  return { changes: extra ? [{ start: 0, end: text.length, text: out }] : changes, applied, text: out };
}
// each pass removes a kind of damage a join revealed; real texts need at most two
const MAX_EXTRA_PASSES = 4;

export { builtinGlossary } from './slogans';
export { analyzeDamage, updateDamage, type Damage } from './damage';
export type { Finding, Person, Report, ScriptInfo, SloganMention } from './types';
