// What every feature module gets: the connection, the open documents, the shared
// analysis store, settings and locale, and the workspace index.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../settings';
import type { AnalysisStore } from '../store';
import type { Locale } from './messages';
import type { WorkspaceIndex } from './workspaceIndex';

export interface Context {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  settings(uri: string): Promise<Settings>;
  locale: Locale;
  index: WorkspaceIndex;
  /** the first workspace folder on disk, where .zh-article/ lives */
  root: string | null;
  /** false in a restricted (untrusted) workspace: .zh-article/ files are neither read nor written */
  trusted: boolean;
}
