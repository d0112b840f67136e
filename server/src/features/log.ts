// What the server tells the output channel from its first moment (window/logMessage via
// connection.console): its version and runtime, and how long the first analysis of each
// opened document took. One line per event, never per
// keystroke, so the channel stays readable.
import type { Connection } from 'vscode-languageserver/node';

/** the server's version (package.json's; a protocol test keeps them equal) */
export const VERSION = '0.1.0';

export class ServerLog {
  private readonly seen = new Set<string>();
  constructor(private readonly connection: Connection) {}

  started(locale: string, folders: number, trusted: boolean): void {
    this.connection.console.info(`zh-article server ${VERSION} · Node ${process.version} · locale ${locale} · ${folders} workspace folder(s)` +
      (trusted ? '' : ' · restricted mode: .zh-article/ files are not read'));
  }

  /** the first analysis of a document: its size and what each tier cost */
  opened(uri: string, chars: number, damageMs: number, knowledgeMs: number | null): void {
    if (this.seen.has(uri)) return;
    this.seen.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    this.connection.console.info(`analysed ${name} (${chars} characters): damage ${Math.round(damageMs)} ms` +
      (knowledgeMs === null ? ', people/slogans/reports when the typing pauses' : `, people/slogans/reports ${Math.round(knowledgeMs)} ms`));
  }

  closed(uri: string): void { this.seen.delete(uri); }
}
