// The export for research tools (pandas, R, DuckDB, a spreadsheet): one flat record per
// person mention and per slogan occurrence, built from a file's summary, as JSON Lines or
// CSV. The schema is documented in the README ("Export"); a change to it bumps SCHEMA_VERSION.
import type { ExportFormat } from '../protocol';
import type { FileSummary } from './summary';

export const SCHEMA_VERSION = 1;

export interface AnnotationRecord {
  schema_version: number;
  record: 'mention' | 'slogan';
  file: string;
  /** the report's headline (or the name made from its lead); null outside every report */
  report: string | null;
  /** 1-based position of the report in its file */
  report_number: number | null;
  /** ISO 8601: 2023-10-28, 2023-10, 2023 or --10-28 (year unknown) */
  report_date: string | null;
  report_date_approximate: boolean | null;
  /** 1-based; columns count UTF-16 code units, as editors do */
  line: number;
  column: number;
  person: string | null;
  person_key: string | null;
  roles: string[] | null;
  kind: string | null;
  slogan: string | null;
  slogan_key: string | null;
  source: string | null;
  scope: string | null;
}

export const COLUMNS: (keyof AnnotationRecord)[] = [
  'schema_version', 'record', 'file', 'report', 'report_number', 'report_date', 'report_date_approximate', 'line', 'column',
  'person', 'person_key', 'roles', 'kind', 'slogan', 'slogan_key', 'source', 'scope',
];

/** Every record of a file, in text order. */
export function annotationRecords(f: FileSummary): AnnotationRecord[] {
  // every record is built with its keys in COLUMNS order, so that JSON.stringify writes them so
  const record = (kind: AnnotationRecord['record'], report: number, at: { line: number; character: number }): AnnotationRecord => {
    const r = f.reports[report];
    return {
      schema_version: SCHEMA_VERSION, record: kind, file: f.file, report: r ? r.name : null, report_number: r ? report + 1 : null,
      report_date: r?.when?.iso || null, report_date_approximate: r?.when ? r.when.approximate : null,
      line: at.line + 1, column: at.character + 1,
      person: null, person_key: null, roles: null, kind: null, slogan: null, slogan_key: null, source: null, scope: null,
    };
  };
  const out: AnnotationRecord[] = [];
  for (const p of f.people) {
    for (const m of p.mentions) {
      const x = record('mention', m.report, m.range.start);
      x.person = p.name; x.person_key = p.key; x.roles = m.roles; x.kind = m.kind;
      out.push(x);
    }
  }
  for (const s of f.sloganOccurrences) {
    const x = record('slogan', s.report, s.range.start);
    x.slogan = s.text; x.slogan_key = s.key; x.source = s.source; x.scope = s.scope ?? null;
    out.push(x);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The CSV header line (CSV only). */
export function exportHeader(format: ExportFormat): string {
  return format === 'csv' ? COLUMNS.join(',') + '\n' : '';
}

/** Records as lines of the format, each ending in \n. */
export function formatRecords(records: AnnotationRecord[], format: ExportFormat): string {
  if (format === 'jsonl') return records.map((r) => JSON.stringify(r) + '\n').join('');
  return records.map((r) => COLUMNS.map((c) => csvField(r[c])).join(',') + '\n').join('');
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('|') : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}
