// The analysis of each open document, computed once per version and shared by every
// feature: nothing is recomputed when nothing changed. Two tiers: the damage (what the
// diagnostics show) is updated incrementally from the previous version, re-analysing only
// what an edit touched; people, slogans and reports are computed when a feature asks.
import { analyzeDamage, analyzeDocument, updateDamage, type Analysis, type Damage } from './analysis/index';
import { builtinPhrases, type ConvertPhrases } from './analysis/convertPhrases';
import type { Glossary } from './analysis/slogans';
import type { UserPeople } from './analysis/people';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Entry {
  version: number;
  /** the text analysed: with the version, what identifies it (a client may reuse a version number) */
  text: string;
  damage: Damage | null;
  /** people, slogans, reports: computed on demand (see AnalysisStore.analysis) */
  analysis?: Analysis | null;
  tooLarge?: { sizeMb: number; limitMb: number };
}

/**
 * How many documents keep their analysis in memory (a 1 MB article's is about 10 MB). Others
 * are analysed again when the user comes back to them, as rust-analyzer's LRU does for syntax trees.
 */
export const KEPT_DOCUMENTS = 3;

/** Texts up to this length get people, slogans and reports with their diagnostics; longer ones when the user pauses. */
export const EAGER_KNOWLEDGE = 100_000;

/** Is the entry the analysis of this version and text? The same string object in the usual case (a cheap test). */
const isFor = (e: Entry, version: number, text: string) => e.version === version && e.text === text;

export class AnalysisStore {
  /** in order of use, the most recent last */
  private readonly cache = new Map<string, Entry>();
  /** told when a document's analysis is let go */
  onRelease: (uri: string) => void = () => undefined;
  glossary: Glossary | undefined;
  people: UserPeople = {};
  /** the conversion phrase layer: built-in, with .zh-article/convert.json's phrases */
  convertPhrases: ConvertPhrases = builtinPhrases;
  /** zhArticle.maxFileSize per document, as its settings say (20 MB until they are read) */
  private readonly limits = new Map<string, number>();

  setLimit(uri: string, mb: number): void {
    if (this.limits.get(uri) !== mb) { this.limits.set(uri, mb); this.cache.delete(uri); }
  }

  /** The document's entry with its damage analysed (incrementally when an earlier version was). */
  get(doc: TextDocument): Entry {
    const hit = this.cache.get(doc.uri);
    this.cache.delete(doc.uri);
    const text = doc.getText();
    if (hit && isFor(hit, doc.version, text)) { this.cache.set(doc.uri, hit); return hit; }
    const limitMb = this.limits.get(doc.uri) ?? 20;
    // a UTF-16 unit takes at most 3 UTF-8 bytes: count them only when the text may be too large
    const sizeMb = text.length * 3 > limitMb * 1048576 ? Buffer.byteLength(text, 'utf8') / 1048576 : 0;
    let entry: Entry;
    if (sizeMb > limitMb) entry = { version: doc.version, text, damage: null, analysis: null, tooLarge: { sizeMb: +sizeMb.toFixed(1), limitMb } };
    else entry = { version: doc.version, text, damage: hit?.damage ? updateDamage(hit.damage, text) : analyzeDamage(text) };
    this.cache.set(doc.uri, entry);
    for (const uri of this.cache.keys()) {
      if (this.cache.size <= KEPT_DOCUMENTS) break;
      this.cache.delete(uri);
      this.onRelease(uri);
    }
    return entry;
  }
  /** Everything the features show, for the document's current version. */
  analysis(doc: TextDocument): Analysis | null {
    const entry = this.get(doc);
    if (entry.analysis === undefined) entry.analysis = entry.damage ? analyzeDocument(entry.damage.text, { glossary: this.glossary, people: this.people, convertPhrases: this.convertPhrases }, entry.damage) : null;
    return entry.analysis;
  }
  /** The analysis if it is already computed for this version (never computes it). */
  analysisIfReady(doc: TextDocument): Analysis | null | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && isFor(hit, doc.version, doc.getText()) ? hit.analysis : undefined;
  }
  /** The analysis if it is ready, or cheap to compute now (a short text); undefined for a long text not yet analysed. */
  analysisIfCheap(doc: TextDocument): Analysis | null | undefined {
    const ready = this.analysisIfReady(doc);
    return ready !== undefined || doc.getText().length > EAGER_KNOWLEDGE ? ready : this.analysis(doc);
  }
  /** Forget people, slogans and reports (a user file changed); the damage does not depend on them. */
  invalidate(): void { for (const e of this.cache.values()) if (e.damage) e.analysis = undefined; }
  delete(uri: string): void { this.cache.delete(uri); this.limits.delete(uri); }
}
