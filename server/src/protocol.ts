// What crosses the protocol beyond LSP itself: the server's commands
// (workspace/executeCommand), their arguments and results, and the custom notifications.
// Typed once here; the client imports this file too (as rust-analyzer's lsp_ext.ts is shared),
// so the two sides cannot disagree on a shape. No runtime dependencies: plain data only.

/** LSP positions, ranges and locations, structurally (this file must not import the server's or client's libraries). */
export interface ProtocolPosition { line: number; character: number }
export interface ProtocolRange { start: ProtocolPosition; end: ProtocolPosition }
export interface ProtocolLocation { uri: string; range: ProtocolRange }

export const COMMANDS = {
  repair: 'zh-article.server.repair',
  convert: 'zh-article.server.convert',
  reports: 'zh-article.server.reports',
  slogans: 'zh-article.server.slogans',
  sloganOccurrences: 'zh-article.server.sloganOccurrences',
  notAPerson: 'zh-article.server.notAPerson',
  exportAnnotations: 'zh-article.server.export',
} as const;

export type Variant = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';

/** A credit line of a report: the role as written (记者, 通讯员, 摄影…) and the names it gives. */
export interface BylineEntry { role: string; names: string[] }

/** `repair [uri]`: every safe repair as one workspace/applyEdit. */
export type RepairArgs = [uri: string];
export interface RepairResult {
  applied: Record<string, number>;
  changes: number;
  /** what was repaired, in the user's language ("2 hard-wrapped paragraphs joined, …"), or that nothing was */
  summary: string;
}

/** `convert [uri, variant, range?]`: the selection or the document, as one workspace/applyEdit. */
export type ConvertArgs = [uri: string, variant: Variant, range?: ProtocolRange | null];
export interface ConvertResult { changed: number; protected: number }

/** `reports []`: every report of the workspace (open documents and indexed files). */
export type ReportsArgs = [];
export interface ReportEntry {
  uri: string;
  /** the file's path relative to its workspace folder */
  file: string;
  name: string;
  date?: string;
  bylines: BylineEntry[];
  /** UTF-16 offset of the report's start in the file */
  start: number;
  range: ProtocolRange;
}
export type ReportsResult = ReportEntry[];

/** `slogans []`: the workspace's slogans by frequency. */
export type SlogansArgs = [];
export interface SloganEntry { slogan: string; count: number; files: number }
export type SlogansResult = SloganEntry[];

/** `sloganOccurrences [key]`: where a slogan of the list above stands, workspace-wide. */
export type SloganOccurrencesArgs = [slogan: string];
export type SloganOccurrencesResult = ProtocolLocation[];

/** `notAPerson [uri, name]`: record a false positive in .zh-article/people.json. */
export type NotAPersonArgs = [uri: string, name: string];
export interface NotAPersonResult { file: string }

/** Server → client after each analysis: which script the document is in. */
export const STATUS_NOTIFICATION = 'zhArticle/status';
export interface StatusParams { uri: string; script: string; traditionalShare: number; simplifiedShare: number }

/** Commands the client implements and the server's answers refer to (code lenses). */
export const CLIENT_COMMANDS = {
  /** peek at locations from a position: the code lenses' people, slogans and repairs */
  showLocations: 'zhArticle.showLocations',
} as const;
export type ShowLocationsArgs = [uri: string, position: ProtocolPosition, locations: ProtocolLocation[]];

/** What the client tells the server at start (initializationOptions). */
export interface InitializationOptions {
  /** false in a restricted (untrusted) workspace: the workspace's .zh-article/ files are neither read nor written */
  trusted?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The corpus: the workspace index seen as a whole (the People, Slogans and Reports views), and
// its export for research tools.

/** `export [target, format]`: write one record per mention and per slogan occurrence of the workspace to target (a file path). */
export type ExportFormat = 'jsonl' | 'csv';
export type ExportArgs = [target: string, format: ExportFormat];
export interface ExportResult { file: string; files: number; records: number }

/** Client → server request for one level of a corpus view. */
export const CORPUS_REQUEST = 'zhArticle/corpus';
/** Server → client when what the views show changed (debounced), and while the workspace is indexed. */
export const CORPUS_CHANGED_NOTIFICATION = 'zhArticle/corpusChanged';
export interface CorpusChangedParams { version: number; indexing: { done: number; total: number } | null }

export type PeopleSort = 'mentions' | 'name';
export type CorpusQuery =
  /** limit: at most this many people (total counts them all) */
  | { view: 'people'; sort?: PeopleSort; filter?: string; limit?: number }
  | { view: 'person'; key: string }
  | { view: 'slogans'; filter?: string }
  | { view: 'slogan'; key: string }
  | { view: 'months' }
  /** month: YYYY-MM, YYYY (year only), --MM (year unknown) or '' (undated), as `months` lists them */
  | { view: 'reports'; month: string };

/** A report's date: ISO 8601 (2023-10-28, 2023-10, 2023, --10-28), approximate when inferred. */
export interface CorpusDate { iso: string; approximate: boolean }
/** A place to reveal: a mention, a slogan occurrence or a report's start. */
export interface CorpusLocation { uri: string; file: string; range: ProtocolRange }
export interface ReportRef extends CorpusLocation { report: string; date?: CorpusDate; count: number }

export interface PersonItem { key: string; name: string; kind: string; mentions: number; reports: number; latestRole?: string }
export interface PeopleResult { total: number; people: PersonItem[] }
export interface RoleSpan { role: string; first?: CorpusDate; last?: CorpusDate; mentions: number }
export interface PersonDetail { key: string; name: string; roles: RoleSpan[]; reports: ReportRef[] }
/** explanation, expansion, origin and year: the glossary's, as the hover shows them */
export interface SloganItem {
  key: string; text: string; count: number; reports: number; source: string; scope?: string;
  explanation?: string; expansion?: string[]; origin?: string; year?: number;
}
export interface SloganDetail { key: string; reports: ReportRef[] }
export interface MonthItem { month: string; count: number }
export interface ReportItem extends ReportRef { bylines: BylineEntry[]; people: number }

export interface CorpusResults {
  people: PeopleResult;
  person: PersonDetail | null;
  slogans: SloganItem[];
  slogan: SloganDetail | null;
  months: MonthItem[];
  reports: ReportItem[];
}
export type CorpusResult<Q extends CorpusQuery> = CorpusResults[Q['view']];
