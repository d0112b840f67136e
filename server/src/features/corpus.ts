// The corpus views (People, Slogans, Reports) and the export, over the workspace index.
// What the views ask is answered from an aggregate kept in step with the index file by file
// (corpusAggregate.ts); the client hears of changes through a debounced notification and asks
// again for what it shows.
import { createWriteStream } from 'node:fs';
import { isAbsolute } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { compareDates, type ResolvedDate } from '../analysis/dates';
import { foldToSimplified } from '../analysis/script';
import { builtinGlossary } from '../analysis/slogans';
import {
  CORPUS_CHANGED_NOTIFICATION, type CorpusChangedParams, type CorpusDate, type CorpusQuery, type CorpusResults, type ExportFormat,
  type ExportResult, type MonthItem, type PeopleSort, type ReportItem, type ReportRef, type RoleSpan, type SloganItem,
} from '../protocol';
import { CorpusAggregate, sortPeople, when } from './corpusAggregate';
import { annotationRecords, exportHeader, formatRecords } from './annotations';
import { CommandError } from './commandError';
import type { Context } from './context';
import { errorMessage } from './messages';
import type { FileSummary, MentionSummary } from './summary';

/** the views are told of changes once they pause this long (typing goes on meanwhile)… */
const NOTIFY_MS = 300;
/** …or this long after the first, whichever comes first */
const NOTIFY_MAX_MS = 1000;

export class Corpus {
  private agg: CorpusAggregate | null = null;
  private version = -1;
  private timer: NodeJS.Timeout | undefined;
  private pendingSince: number | undefined;

  constructor(private readonly ctx: Context) {
    // after a pause in the changes (typing), or at the latest NOTIFY_MAX_MS after the first (a scan's progress)
    ctx.index.onDidChange = () => {
      const now = Date.now();
      this.pendingSince ??= now;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.pendingSince = undefined;
        const params: CorpusChangedParams = { version: ctx.index.version, indexing: ctx.index.indexing };
        void ctx.connection.sendNotification(CORPUS_CHANGED_NOTIFICATION, params);
      }, Math.max(0, Math.min(NOTIFY_MS, this.pendingSince + NOTIFY_MAX_MS - now)));
    };
  }

  /** Ask the client to tell us of article files changed on disk (once initialized). */
  watchFiles(): void {
    void this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,zh.md}' }] }).catch(() => undefined);
  }

  filesChanged(changes: FileEvent[]): void {
    for (const c of changes) void this.ctx.index.fileChanged(c.uri, c.type === FileChangeType.Deleted);
  }

  async query(q: CorpusQuery): Promise<CorpusResults[CorpusQuery['view']]> {
    // the first answer waits for the workspace's scan; later ones show what the index holds
    if (!this.agg) await this.ctx.index.scan();
    const agg = this.aggregate();
    switch (q.view) {
      case 'people': return people(agg, q.sort ?? 'mentions', q.filter, q.limit);
      case 'person': return person(agg, q.key);
      case 'slogans': return slogans(agg, q.filter);
      case 'slogan': { const e = agg.slogans.get(q.key); return e ? { key: q.key, reports: refsOf(e.seen.map(({ f, s }) => ({ f, report: s.report, range: s.range }))) } : null; }
      case 'months': return months(agg);
      case 'reports': return reportsIn(agg, q.month);
    }
  }

  private aggregate(): CorpusAggregate {
    const glossary = this.ctx.store.glossary ?? builtinGlossary;
    if (!this.agg || this.agg.glossary !== glossary) { this.agg = new CorpusAggregate(glossary); this.version = -1; }
    if (this.version !== this.ctx.index.version) { this.agg.sync(this.ctx.index.all()); this.version = this.ctx.index.version; }
    return this.agg;
  }
}

/** Write every record of the workspace to target (a file path), streaming file by file. */
export async function exportAnnotations(ctx: Context, target: string, format: ExportFormat): Promise<ExportResult> {
  if (format !== 'jsonl' && format !== 'csv') throw new CommandError(errorMessage('exportFormat', ctx.locale, String(format)));
  if (!isAbsolute(target)) throw new CommandError(errorMessage('exportTarget', ctx.locale, target));
  await ctx.index.scan();
  const files = ctx.index.all().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out = createWriteStream(target, 'utf8');
  const failed = new Promise<never>((_, reject) => out.on('error', (e) => reject(new CommandError(`${errorMessage('exportWrite', ctx.locale, target)} (${e.message})`))));
  let records = 0;
  const write = (s: string) => (out.write(s) ? Promise.resolve() : Promise.race([new Promise<void>((r) => out.once('drain', r)), failed]));
  await write(exportHeader(format));
  for (let i = 0; i < files.length; i++) {
    const rs = annotationRecords(files[i]);
    records += rs.length;
    if (rs.length) await write(formatRecords(rs, format));
    // the editor's requests are answered between files
    if (i % 100 === 99) await new Promise((r) => setImmediate(r));
  }
  await Promise.race([new Promise<void>((r) => out.end(r)), failed]);
  return { file: target, files: files.length, records };
}

const dateOf = (w?: ResolvedDate): CorpusDate | undefined => (w ? { iso: w.iso, approximate: w.approximate } : undefined);

function people(agg: CorpusAggregate, sort: PeopleSort, filter?: string, limit?: number) {
  const want = filter?.trim() ? foldToSimplified(filter.trim()).text : '';
  // a filter keeps few: those are sorted alone, not the whole corpus again after each change
  const list = want ? sortPeople([...agg.people.values()].filter((e) => agg.personMatches(e, want)), sort) : agg.sortedPeople(sort);
  return { total: list.length, people: (limit === undefined ? list : list.slice(0, limit)).map((e) => agg.personItem(e)) };
}

function person(agg: CorpusAggregate, key: string) {
  const e = agg.people.get(key);
  if (!e) return null;
  const roles = new Map<string, RoleSpan & { firstAt?: ResolvedDate; lastAt?: ResolvedDate }>();
  const mentions: { f: FileSummary; report: number; range: MentionSummary['range'] }[] = [];
  for (const { f, p } of e.seen) {
    for (const m of p.mentions) {
      mentions.push({ f, report: m.report, range: m.range });
      const w = when(f, m.report);
      for (const role of m.roles) {
        const k = foldToSimplified(role).text;
        let r = roles.get(k);
        if (!r) { r = { role, mentions: 0 }; roles.set(k, r); }
        r.mentions++;
        if (w && (!r.firstAt || compareDates(w, r.firstAt) < 0)) r.firstAt = w;
        if (w && (!r.lastAt || compareDates(w, r.lastAt) > 0)) r.lastAt = w;
      }
    }
  }
  const ordered = [...roles.values()].sort((a, b) => compareDates(a.firstAt, b.firstAt) || compareDates(a.lastAt, b.lastAt) || b.mentions - a.mentions);
  return {
    key, name: agg.personItem(e).name,
    roles: ordered.map((r) => ({ role: r.role, mentions: r.mentions, first: dateOf(r.firstAt), last: dateOf(r.lastAt) })),
    reports: refsOf(mentions),
  };
}

/** One entry per report (at its first occurrence), in date order. */
function refsOf(seen: { f: FileSummary; report: number; range: MentionSummary['range'] }[]): ReportRef[] {
  const byReport = new Map<string, ReportRef & { at?: ResolvedDate }>();
  for (const { f, report, range } of seen) {
    const k = `${f.uri}#${report}`;
    const hit = byReport.get(k);
    if (hit) { hit.count++; continue; }
    const r = f.reports[report];
    byReport.set(k, { uri: f.uri, file: f.file, range, report: r?.name ?? f.file, date: dateOf(r?.when), at: r?.when, count: 1 });
  }
  return [...byReport.values()].sort((a, b) => compareDates(a.at, b.at) || (a.file < b.file ? -1 : 1)).map(({ at: _, ...ref }) => ref);
}

function slogans(agg: CorpusAggregate, filter?: string): SloganItem[] {
  const want = filter?.trim() ? foldToSimplified(filter.trim()).text : '';
  return [...agg.slogans.values()].filter((e) => !want || e.key.includes(want)).map((e) => agg.sloganItem(e))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Newest first; years unknown after the known ones, undated last. */
function months(agg: CorpusAggregate): MonthItem[] {
  const rank = (m: string) => (m === '' ? 2 : m.startsWith('--') ? 1 : 0);
  return [...agg.months].map(([month, rs]) => ({ month, count: rs.length })).sort((a, b) => rank(a.month) - rank(b.month) || (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

function reportsIn(agg: CorpusAggregate, month: string): ReportItem[] {
  const rs = [...(agg.months.get(month) ?? [])].sort((a, b) => compareDates(when(b.f, b.i), when(a.f, a.i)) || (a.f.file < b.f.file ? -1 : 1) || a.i - b.i);
  return rs.map(({ f, i }) => {
    const r = f.reports[i];
    const at = r.range.start;
    return { uri: f.uri, file: f.file, range: { start: at, end: at }, report: r.name, date: dateOf(r.when), count: r.people, people: r.people, bylines: r.bylines };
  });
}
