// The corpus seen per person, per slogan and per month, kept in step with the workspace index
// file by file: when one file changes, only its summary is taken out and put in again, so a
// view's answer after an edit costs about that file, not the corpus.
import { pinyin } from 'pinyin-pro';
import { compareDates, type ResolvedDate } from '../analysis/dates';
import { foldToSimplified } from '../analysis/script';
import type { Glossary } from '../analysis/slogans';
import type { PeopleSort, PersonItem, SloganItem } from '../protocol';
import type { FileSummary, PersonSummary, SloganOccurrence } from './summary';

export interface PersonEntry {
  key: string;
  seen: { f: FileSummary; p: PersonSummary }[];
  mentions: number;
  /** derived from `seen` on first use after a change */
  item?: PersonItem;
  /** names and roles folded to simplified, for the filter */
  search?: string;
  /** the name in pinyin, for the order by name (kept: it depends on the key alone) */
  pinyin?: string;
}
export interface SloganEntry { key: string; seen: { f: FileSummary; s: SloganOccurrence }[]; item?: SloganItem }
export interface ReportAt { f: FileSummary; i: number }

export const when = (f: FileSummary, report: number): ResolvedDate | undefined => f.reports[report]?.when;

/** YYYY-MM, YYYY (year only), --MM (year unknown) or '' (undated). */
export function monthKey(w?: ResolvedDate): string {
  if (!w) return '';
  const mm = w.month ? String(w.month).padStart(2, '0') : '';
  if (w.year === undefined) return mm ? `--${mm}` : '';
  return mm ? `${w.year}-${mm}` : String(w.year);
}

export class CorpusAggregate {
  readonly people = new Map<string, PersonEntry>();
  readonly slogans = new Map<string, SloganEntry>();
  readonly months = new Map<string, ReportAt[]>();
  /** the summary each file is counted with */
  private readonly counted = new Map<string, FileSummary>();
  private sorted: Partial<Record<PeopleSort, PersonEntry[]>> = {};

  constructor(readonly glossary: Glossary) {}

  /** Bring the aggregate to these summaries; only files whose summary changed are counted again. */
  sync(current: FileSummary[]): void {
    const present = new Set<string>();
    let changed = false;
    for (const f of current) {
      present.add(f.uri);
      const old = this.counted.get(f.uri);
      if (old === f) continue;
      if (old) this.remove(old);
      this.add(f);
      changed = true;
    }
    for (const [uri, old] of this.counted) if (!present.has(uri)) { this.remove(old); changed = true; }
    if (changed) this.sorted = {};
  }

  private add(f: FileSummary): void {
    this.counted.set(f.uri, f);
    for (const p of f.people) {
      let e = this.people.get(p.key);
      if (!e) this.people.set(p.key, (e = { key: p.key, seen: [], mentions: 0 }));
      e.seen.push({ f, p });
      e.mentions += p.mentions.length;
      e.item = e.search = undefined;
    }
    for (const s of f.sloganOccurrences) {
      let e = this.slogans.get(s.key);
      if (!e) this.slogans.set(s.key, (e = { key: s.key, seen: [] }));
      e.seen.push({ f, s });
      e.item = undefined;
    }
    f.reports.forEach((r, i) => {
      const key = monthKey(r.when);
      const list = this.months.get(key);
      if (list) list.push({ f, i }); else this.months.set(key, [{ f, i }]);
    });
  }

  private remove(f: FileSummary): void {
    this.counted.delete(f.uri);
    for (const p of f.people) {
      const e = this.people.get(p.key);
      if (!e) continue;
      e.seen = e.seen.filter((x) => x.f !== f);
      e.mentions -= p.mentions.length;
      e.item = e.search = undefined;
      if (!e.seen.length) this.people.delete(p.key);
    }
    for (const key of new Set(f.sloganOccurrences.map((s) => s.key))) {
      const e = this.slogans.get(key);
      if (!e) continue;
      e.seen = e.seen.filter((x) => x.f !== f);
      e.item = undefined;
      if (!e.seen.length) this.slogans.delete(key);
    }
    for (const key of new Set(f.reports.map((r) => monthKey(r.when)))) {
      const left = (this.months.get(key) ?? []).filter((x) => x.f !== f);
      if (left.length) this.months.set(key, left); else this.months.delete(key);
    }
  }

  /** What the People view shows of a person: counts, kind and the role of the latest dated mention. */
  personItem(e: PersonEntry): PersonItem {
    if (e.item) return e.item;
    const first = e.seen[0].p;
    const name = mostWritten(e.seen.map(({ p }) => [p.name, p.mentions.length]), e.key);
    const item: PersonItem = { key: e.key, name, kind: first.kind, mentions: e.mentions, reports: 0 };
    let latest: ResolvedDate | undefined;
    for (const { f, p } of e.seen) {
      item.reports += new Set(p.mentions.map((m) => m.report)).size;
      if (item.kind === 'other') item.kind = p.kind;
      for (const m of p.mentions) {
        if (!m.roles.length) continue;
        const w = when(f, m.report);
        if (!item.latestRole || compareDates(w, latest) >= 0) { item.latestRole = m.roles[m.roles.length - 1]; latest = w; }
      }
    }
    return (e.item = item);
  }

  /** Whether the person's names or roles hold `folded` (a simplified string). */
  personMatches(e: PersonEntry, folded: string): boolean {
    e.search ??= foldToSimplified(e.key + e.seen.map(({ p }) => p.name + p.mentions.map((m) => m.roles.join('')).join('')).join('')).text;
    return e.search.includes(folded);
  }

  /** Everyone, most mentioned first or by name (pinyin); sorted once per change. */
  sortedPeople(sort: PeopleSort): PersonEntry[] {
    return (this.sorted[sort] ??= sortPeople([...this.people.values()], sort));
  }

  sloganItem(e: SloganEntry): SloganItem {
    if (e.item) return e.item;
    const s = e.seen[0].s;
    const reports = new Set(e.seen.map(({ f, s: o }) => `${f.uri}#${o.report}`)).size;
    const text = mostWritten(e.seen.map(({ s: o }) => [o.text, 1]), e.key);
    const g = this.glossary.lookup(e.key);
    return (e.item = {
      key: e.key, text, count: e.seen.length, reports, source: s.source, scope: s.scope,
      explanation: g?.explanation, expansion: g?.expansion, origin: g?.origin, year: g?.year ?? undefined,
    });
  }
}

const byKey = (a: PersonEntry, b: PersonEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const pinyinOf = (e: PersonEntry) => (e.pinyin ??= pinyin(e.key, { toneType: 'num', type: 'string' }));

/** People most mentioned first, or by name in pinyin order (each name's pinyin computed once). */
export function sortPeople(list: PersonEntry[], sort: PeopleSort): PersonEntry[] {
  if (sort === 'name') return list.sort((a, b) => { const x = pinyinOf(a), y = pinyinOf(b); return x < y ? -1 : x > y ? 1 : byKey(a, b); });
  return list.sort((a, b) => b.mentions - a.mentions || byKey(a, b));
}

/** The form written most often (a corpus in one script shows that script); on a tie, the key's (simplified) form. */
function mostWritten(forms: [text: string, count: number][], key: string): string {
  const counts = new Map<string, number>();
  for (const [text, n] of forms) counts.set(text, (counts.get(text) ?? 0) + n);
  return [...counts].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] === key) ? b : a))[0];
}
