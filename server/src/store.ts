// The analysis of each open document, computed once per version and shared by every
// feature (diagnostics, hover, symbols, tokens…): nothing is recomputed when nothing changed.
import { analyzeDocument, type Analysis } from './analysis/index';
import type { Glossary } from './analysis/slogans';
import type { UserPeople } from './analysis/people';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Entry { version: number; analysis: Analysis | null; tooLarge?: { sizeMb: number; limitMb: number } }

export class AnalysisStore {
  private readonly cache = new Map<string, Entry>();
  glossary: Glossary | undefined;
  people: UserPeople = {};
  /** zhArticle.maxFileSize per document, as its settings say (20 MB until they are read) */
  private readonly limits = new Map<string, number>();

  setLimit(uri: string, mb: number): void {
    if (this.limits.get(uri) !== mb) { this.limits.set(uri, mb); this.cache.delete(uri); }
  }

  get(doc: TextDocument): Entry {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const sizeMb = Buffer.byteLength(text, 'utf8') / 1048576;
    let entry: Entry;
    const limitMb = this.limits.get(doc.uri) ?? 20;
    if (sizeMb > limitMb) entry = { version: doc.version, analysis: null, tooLarge: { sizeMb: +sizeMb.toFixed(1), limitMb } };
    else entry = { version: doc.version, analysis: analyzeDocument(text, { glossary: this.glossary, people: this.people }) };
    this.cache.set(doc.uri, entry);
    return entry;
  }
  analysis(doc: TextDocument): Analysis | null { return this.get(doc).analysis; }
  /** Forget everything (settings, glossary or people file changed). */
  invalidate(): void { this.cache.clear(); }
  delete(uri: string): void { this.cache.delete(uri); this.limits.delete(uri); }
}
