// A file's summary: what the workspace index keeps of an analysis once the text is gone —
// its reports (with their calendar dates), its people (every mention with the report it is in
// and the roles written there) and its slogan occurrences. The corpus views, the export and
// the cross-file parts of hovers and navigation all read these.
import type { Range } from 'vscode-languageserver/node';
import type { Analysis } from '../analysis/index';
import { resolveReportDates, type ResolvedDate } from '../analysis/dates';
import type { PersonKind, SloganSource } from '../analysis/types';
import type { BylineEntry } from '../protocol';
import { linesOf } from './lines';
import { reportIndexAt } from './symbols';

export interface ReportSummary {
  name: string;
  /** the dateline as the text gives it (10月28日) */
  date?: string;
  /** the calendar date resolved from it and the page (see analysis/dates.ts) */
  when?: ResolvedDate;
  bylines: BylineEntry[];
  start: number;
  range: Range;
  /** how many distinct people the report mentions */
  people: number;
}
export interface MentionSummary {
  range: Range;
  /** index into FileSummary.reports, -1 outside every report */
  report: number;
  /** roles the text attaches at this mention, as written */
  roles: string[];
  kind: PersonKind;
}
export interface PersonSummary { key: string; name: string; kind: PersonKind; roles: string[]; mentions: MentionSummary[] }
export interface SloganOccurrence { key: string; text: string; source: SloganSource; scope?: string; report: number; range: Range }
export interface FileSummary {
  uri: string;
  /** the file's path relative to its workspace folder (or as the CLI was given it) */
  file: string;
  reports: ReportSummary[];
  people: PersonSummary[];
  /** where each slogan (by key) stands in the file (ordinary policy vocabulary left out) */
  slogans: Map<string, Range[]>;
  sloganOccurrences: SloganOccurrence[];
}

/**
 * A string of the summary as its own copy, shared between files: a name cut out of the text
 * would otherwise keep the whole text (and its normalised view) alive in V8, and the same
 * roles and keys recur in every file.
 */
const interned = new Map<string, string>();
function own(s: string): string {
  let hit = interned.get(s);
  if (hit === undefined) { hit = Buffer.from(s, 'utf16le').toString('utf16le'); interned.set(hit, hit); }
  return hit;
}
const ownAll = (xs: string[]) => xs.map(own);

export function summarize(uri: string, file: string, a: Analysis): FileSummary {
  const li = linesOf(a);
  const when = resolveReportDates(a.text, a.reports, file);
  const reportOf = (off: number) => reportIndexAt(a, off);
  const peopleIn = new Map<number, Set<string>>();
  const people = a.people.map((p) => ({
    key: own(p.key), name: own(p.name), kind: p.kind, roles: ownAll(p.roles),
    mentions: p.mentions.map((m) => {
      const report = reportOf(m.start);
      if (!peopleIn.has(report)) peopleIn.set(report, new Set());
      peopleIn.get(report)!.add(p.key);
      return { range: li.range(m), report, roles: ownAll(m.written), kind: m.kind };
    }),
  }));
  const slogans = new Map<string, Range[]>();
  const sloganOccurrences: SloganOccurrence[] = [];
  for (const s of a.slogans) {
    if (s.vocabulary) continue;
    const key = own(s.key), range = li.range(s);
    const at = slogans.get(key);
    if (at) at.push(range); else slogans.set(key, [range]);
    sloganOccurrences.push({ key, text: own(s.text), source: s.source, scope: s.entry?.scope, report: reportOf(s.start), range });
  }
  return {
    uri, file, people, slogans, sloganOccurrences,
    reports: a.reports.map((r, i) => ({
      name: own(r.name), date: r.date && own(r.date), when: when[i], bylines: r.bylines.map((b) => ({ role: own(b.role), names: ownAll(b.names) })),
      start: r.start, range: li.range(r), people: peopleIn.get(i)?.size ?? 0,
    })),
  };
}
