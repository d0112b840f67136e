// What crosses the protocol beyond LSP itself: the server's commands
// (workspace/executeCommand), their arguments and results, and the custom notifications.
// Typed once here; the client imports this file too (as rust-analyzer's lsp_ext.ts is shared),
// so the two sides cannot disagree on a shape. No runtime dependencies: plain data only.

/** An LSP range, structurally (this file must not import the server's or client's libraries). */
export interface ProtocolRange { start: { line: number; character: number }; end: { line: number; character: number } }

export const COMMANDS = {
  repair: 'zh-article.server.repair',
  convert: 'zh-article.server.convert',
  reports: 'zh-article.server.reports',
  slogans: 'zh-article.server.slogans',
  notAPerson: 'zh-article.server.notAPerson',
} as const;

export type Variant = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';

/** A credit line of a report: the role as written (记者, 通讯员, 摄影…) and the names it gives. */
export interface BylineEntry { role: string; names: string[] }

/** `repair [uri]`: every safe repair as one workspace/applyEdit. */
export type RepairArgs = [uri: string];
export interface RepairResult { applied: Record<string, number>; changes: number }

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

/** `notAPerson [uri, name]`: record a false positive in .zh-article/people.json. */
export type NotAPersonArgs = [uri: string, name: string];
export interface NotAPersonResult { file: string }

/** Server → client after each analysis: which script the document is in. */
export const STATUS_NOTIFICATION = 'zhArticle/status';
export interface StatusParams { uri: string; script: string; traditionalShare: number; simplifiedShare: number }
