// The workspace index: a summary (reports, people, slogans) of every article file in
// the workspace folders, for workspace symbols, "Go to Report", references, the cross-file
// parts of hovers and the corpus views. Open documents replace their file's summary; a file
// changed on disk is read again alone.
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDocument, type Analysis } from '../analysis/index';
import { hanShare } from '../analysis/text';
import { summarize, type FileSummary } from './summary';

export type { FileSummary, PersonSummary, ReportSummary } from './summary';

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'corpus', 'test-results']);
const MAX_FILES = 20_000, MAX_BYTES = 2 * 1048576;
const ARTICLE_FILE = /\.(txt|zh\.md)$/iu;
/** the views hear of a scan's progress every this many files */
const SCAN_BATCH = 250;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  /** open documents: their latest analysis, summarised only when a workspace feature asks
   * (or its summary, once the store let the analysis go) */
  private readonly open = new Map<string, Analysis | FileSummary>();
  private readonly summaries = new WeakMap<Analysis, FileSummary>();
  private roots: string[] = [];
  /** the scan, once started */
  private scanning: Promise<void> | null = null;
  /** bumped on every change of what the index holds (the corpus views cache on it) */
  version = 0;
  /** files summarised of those found, while a scan runs */
  indexing: { done: number; total: number } | null = null;
  /** told after every change (the corpus feature debounces it) */
  onDidChange: () => void = () => undefined;

  private changed(): void { this.version++; this.onDidChange(); }

  setRoots(uris: string[]): void { this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)); }

  /** Record an open document's analysis (cheap: the summary is built on demand). */
  setOpen(uri: string, a: Analysis): void { if (this.open.get(uri) !== a) { this.open.set(uri, a); this.changed(); } }

  /** A closed document keeps its summary, not its whole analysis. */
  close(uri: string): void {
    if (!this.open.has(uri)) return;
    this.files.set(uri, this.summaryOf(uri));
    this.open.delete(uri);
    this.changed();
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

  /** A file changed on disk (created, changed or deleted): read it again alone. Open documents follow their editor instead. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.open.has(uri) || !uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const root = this.roots.find((r) => path.startsWith(r));
    // the files a scan would read: under a root, not in a hidden or skipped folder
    if (!ARTICLE_FILE.test(path) || !root || relative(root, path).split(sep).some((d) => d.startsWith('.') || SKIP_DIRS.has(d))) return;
    const had = this.files.delete(uri);
    if (!deleted) await this.readFile(uri, path);
    if (had || this.files.has(uri)) this.changed();
  }

  private async readFile(uri: string, path: string): Promise<void> {
    try {
      const st = await fs.stat(path);
      if (st.size > MAX_BYTES) return;
      const text = await fs.readFile(path, 'utf8');
      if (hanShare(text) < 0.3 || this.open.has(uri)) return;
      this.files.set(uri, summarize(uri, this.fileName(uri), analyzeDocument(text)));
    } catch { /* unreadable or gone: skip */ }
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
        else if (e.isFile() && ARTICLE_FILE.test(e.name)) paths.push(p);
      }
    };
    for (const r of this.roots) await walk(r, 0);
    let done = 0, read = 0;
    this.indexing = { done, total: paths.length };
    for (const p of paths) {
      const uri = pathToFileURL(p).href;
      if (!this.open.has(uri)) { await this.readFile(uri, p); read++; }
      this.indexing = { done: ++done, total: paths.length };
      progress?.(done, paths.length);
      // the views hear of progress
      if (read && done % SCAN_BATCH === 0) { this.changed(); read = 0; }
      // never hold the event loop: open documents' diagnostics and hovers come first
      await new Promise((r) => setImmediate(r));
    }
    if (read) this.changed();
    this.indexing = null;
    this.onDidChange(); // the views learn that indexing ended
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
