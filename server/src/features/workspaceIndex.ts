// The workspace index: a summary (reports, people, slogans) of every article file in
// the workspace folders, for workspace symbols, "Go to Report", references and the
// cross-file parts of hovers. Open documents replace their file's summary.
import { promises as fs } from 'node:fs';
import type { Range } from 'vscode-languageserver/node';
import { linesOf } from './lines';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDocument, type Analysis } from '../analysis/index';
import { hanShare } from '../analysis/text';
import type { Span } from '../analysis/types';
import type { BylineEntry } from '../protocol';

export interface ReportSummary { name: string; date?: string; bylines: BylineEntry[]; start: number; range: Range }
export interface PersonSummary { key: string; name: string; roles: string[]; mentions: Range[] }
/** slogans: where each slogan (by key) stands in the file */
export interface FileSummary { uri: string; file: string; reports: ReportSummary[]; people: PersonSummary[]; slogans: Map<string, Range[]> }

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'corpus', 'test-results']);
const MAX_FILES = 2000, MAX_BYTES = 2 * 1048576;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  /** open documents: their latest analysis, summarised only when a workspace feature asks
   * (or its summary, once the store let the analysis go) */
  private readonly open = new Map<string, Analysis | FileSummary>();
  private readonly summaries = new WeakMap<Analysis, FileSummary>();
  private roots: string[] = [];
  private scanning: Promise<void> | null = null;

  setRoots(uris: string[]): void { this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)); }

  /** Record an open document's analysis (cheap: the summary is built on demand). */
  setOpen(uri: string, a: Analysis): void { this.open.set(uri, a); }

  /** A closed document keeps its summary, not its whole analysis. */
  close(uri: string): void {
    if (!this.open.has(uri)) return;
    this.files.set(uri, this.summaryOf(uri));
    this.open.delete(uri);
  }

  /** Keep only the summary of an open document whose analysis the store let go (it stays current until the next change). */
  release(uri: string): void {
    if (this.open.has(uri)) this.open.set(uri, this.summaryOf(uri));
  }

  private summaryOf(uri: string): FileSummary {
    const a = this.open.get(uri)!;
    if (!('damage' in a)) return a;
    let s = this.summaries.get(a);
    if (!s) { s = summarize(uri, this.fileName(uri), a); this.summaries.set(a, s); }
    return s;
  }

  /** Every file's summary; `except` is not summarised (the document a hover is on knows its own). */
  private current(except?: string): FileSummary[] {
    const out = new Map(this.files);
    for (const uri of this.open.keys()) if (uri !== except) out.set(uri, this.summaryOf(uri));
    out.delete(except ?? '');
    return [...out.values()];
  }

  private fileName(uri: string): string {
    try {
      const p = fileURLToPath(uri);
      const root = this.roots.find((r) => p.startsWith(r));
      return root ? relative(root, p) : p;
    } catch { return uri; }
  }

  /** Scan the workspace folders once (in the background); `progress` reports files done. */
  scan(progress?: (done: number, total: number) => void): Promise<void> {
    if (!this.scanning) this.scanning = this.doScan(progress);
    return this.scanning;
  }

  /** Summarise the closed files again (the analysis changed: the segmenter loaded). */
  rescan(): Promise<void> {
    return (this.scanning ?? Promise.resolve()).then(() => {
      for (const uri of [...this.files.keys()]) if (!this.open.has(uri)) this.files.delete(uri);
      this.scanning = null;
      return this.scan();
    });
  }

  private async doScan(progress?: (done: number, total: number) => void): Promise<void> {
    const paths: string[] = [];
    const walk = async (dir: string, depth: number) => {
      if (paths.length >= MAX_FILES || depth > 8) return;
      let entries;
      try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p, depth + 1);
        else if (e.isFile() && /\.(txt|zh\.md)$/iu.test(e.name)) paths.push(p);
      }
    };
    for (const r of this.roots) await walk(r, 0);
    let done = 0;
    for (const p of paths) {
      const uri = pathToFileURL(p).href;
      if (!this.files.has(uri) && !this.open.has(uri)) {
        try {
          const st = await fs.stat(p);
          if (st.size <= MAX_BYTES) {
            const text = await fs.readFile(p, 'utf8');
            if (hanShare(text) >= 0.3) this.files.set(uri, summarize(uri, this.fileName(uri), analyzeDocument(text)));
          }
        } catch { /* unreadable file: skip */ }
      }
      progress?.(++done, paths.length);
      // never hold the event loop: open documents' diagnostics and hovers come first
      await new Promise((r) => setImmediate(r));
    }
  }

  all(): FileSummary[] { return this.current(); }

  personElsewhere(key: string, uri: string): { file: string; uri: string; roles: string[]; count: number }[] {
    const out = [];
    for (const f of this.current(uri)) {
      const p = f.people.find((x) => x.key === key);
      if (p) out.push({ file: f.file, uri: f.uri, roles: p.roles, count: p.mentions.length });
    }
    return out;
  }

  sloganCount(key: string, uri: string): number {
    let n = 0;
    for (const f of this.current(uri)) n += f.slogans.get(key)?.length ?? 0;
    return n;
  }
}

function summarize(uri: string, file: string, a: Analysis): FileSummary {
  const li = linesOf(a);
  const range = (s: Span): Range => li.range(s);
  const slogans = new Map<string, Range[]>();
  for (const s of a.slogans) {
    if (s.vocabulary) continue;
    const at = slogans.get(s.key);
    if (at) at.push(range(s)); else slogans.set(s.key, [range(s)]);
  }
  return {
    uri, file,
    reports: a.reports.map((r) => ({ name: r.name, date: r.date, bylines: r.bylines.map((b) => ({ role: b.role, names: [...b.names] })), start: r.start, range: range(r) })),
    people: a.people.map((p) => ({ key: p.key, name: p.name, roles: p.roles, mentions: p.mentions.map(range) })),
    slogans,
  };
}
