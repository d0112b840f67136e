// The zh-article language server: `node server/out/server.js --stdio` for any editor;
// the VS Code extension starts the same code over IPC. A thin LSP shim over the pure
// analysis in ./analysis (as vscode-markdown-languageservice is behind its server).
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, ProposedFeatures, ResponseError,
  TextDocuments, TextDocumentSyncKind, type CancellationToken, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from './analysis/index';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { COMMANDS, CommandError, executeCommand } from './features/commands';
import { checkCodeAction, checkPosition, checkTextDocument, InvalidParams } from './features/params';
import { STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from './protocol';
import { ServerLog, VERSION } from './features/log';
import { loadUserFiles } from './features/userFiles';
import type { Context } from './features/context';
import { toDiagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { localeOf } from './features/messages';
import { definition, highlights, references, workspaceSymbols } from './features/navigation';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { codeLenses, documentSymbols, foldingRanges } from './features/symbols';
import { WorkspaceIndex } from './features/workspaceIndex';
import { Corpus } from './features/corpus';
import { CORPUS_REQUEST, type CorpusQuery } from './protocol';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from './settings';
import { AnalysisStore } from './store';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new AnalysisStore();
const index = new WorkspaceIndex();
store.onRelease = (uri) => index.release(uri);
let canConfigure = false;
const settingsCache = new Map<string, Promise<Settings>>();
const log = new ServerLog(connection);

const ctx: Context = {
  connection, documents, store, index, locale: 'en', root: null, trusted: true,
  settings(uri) {
    if (!canConfigure) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'zhArticle' }).then(resolveSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  },
};
const corpus = new Corpus(ctx);

// Work that blocks for a while (collecting garbage) waits until the editor has neither
// changed a document nor asked anything for a while.
let lastActivity = 0;

// The lifecycle LSP prescribes: requests before initialize get ServerNotInitialized (-32002),
// after shutdown InvalidRequest (-32600).
let initializeReceived = false, shutdownReceived = false;
connection.onShutdown(() => { shutdownReceived = true; });

/** Throw RequestCancelled if the client cancelled the request ($/cancelRequest) while it waited. */
function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

// Never let one bad request take the server down: malformed parameters get InvalidParams,
// anything else is logged and answered empty.
function safe<P, R>(name: string, fn: (p: P, token: CancellationToken) => R | Promise<R>, fallback: R): (p: P, token: CancellationToken) => Promise<R> {
  return async (p: P, token: CancellationToken) => {
    lastActivity = Date.now();
    if (!initializeReceived) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet');
    if (shutdownReceived) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    try {
      checkCancelled(token);
      return await fn(p, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      if (e instanceof CommandError || e instanceof InvalidParams) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
      connection.console.error(`${name} failed: ${(e as Error).stack || e}`);
      return fallback;
    }
  };
}
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack || e}`));

connection.onInitialize((params): InitializeResult => {
  initializeReceived = true;
  ctx.locale = localeOf(params.locale);
  canConfigure = Boolean(params.capabilities.workspace?.configuration);
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  index.setRoots(folders);
  // a restricted (untrusted) workspace: its .zh-article/ files are neither read nor written
  ctx.trusted = (params.initializationOptions as InitializationOptions | undefined)?.trusted !== false;
  ctx.root = ctx.trusted && folders[0]?.startsWith('file:') ? fileURLToPath(folders[0]) : null;
  log.started(params.locale ?? 'en', folders.length, ctx.trusted);
  // build the OpenCC converters and the pinyin tables now, so the first didOpen does not pay for them
  analyzeDocument('日前,區(qū)政府召開会议。\n');
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'zh-article' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      semanticTokensProvider: { legend: LEGEND, full: true, range: false },
    },
    serverInfo: { name: 'zh-article', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'zhArticle' }).catch(() => undefined);
  corpus.watchFiles();
  void loadUserFiles(ctx.root, store).then(() => { store.invalidate(); revalidateAll(); });
  // index the workspace once the editor is idle; commands that need it wait for it
  setTimeout(() => void index.scan(), 3000).unref();
});


connection.onDidChangeConfiguration(() => { settingsCache.clear(); store.invalidate(); revalidateAll(); });
connection.onDidChangeWatchedFiles((p) => {
  corpus.filesChanged(p.changes.filter((c) => !c.uri.includes('/.zh-article/')));
  if (p.changes.some((c) => c.uri.includes('/.zh-article/'))) void loadUserFiles(ctx.root, store).then(() => { store.invalidate(); revalidateAll(); });
});

/** Run work once the editor has neither changed a document nor asked anything for quietMs (looking first after `after` ms). */
function whenQuiet(quietMs: number, after: number, work: () => void): void {
  setTimeout(() => {
    const quiet = Date.now() - lastActivity;
    if (quiet >= quietMs) work(); else whenQuiet(quietMs, quietMs - quiet, work);
  }, after).unref();
}

// V8 collects old garbage lazily: analysing a long text leaves tens of megabytes of it in a
// heap that only grows (ten 1 MB articles: 400 MB of RSS, of which about 100 MB live). Once
// the editor goes quiet after such work, collect it: two full collections, ~50 ms each (ten
// 1 MB articles: 225 MB of RSS after two, 289 MB after one).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const LONG_TEXT = 200_000, QUIET_MS = 400;
let reclaimPending = false;
function reclaimWhenQuiet(): void {
  if (reclaimPending) return;
  reclaimPending = true;
  whenQuiet(QUIET_MS, QUIET_MS, () => { reclaimPending = false; collectGarbage(); collectGarbage(); });
}

// An edit is validated at once; a burst of edits (a storm of queued didChanges, a macro, a
// paste of many changes) is coalesced: each change within BURST_MS of the previous one
// postpones validation, so only the latest version is analysed when the burst ends.
const BURST_MS = 30;
// (an immediate and a timer are cancelled each by its own function: clearImmediate on a timer
// corrupts Node's count of pending immediates, and the event loop then stalls)
const pending = new Map<string, { immediate: NodeJS.Immediate } | { timer: NodeJS.Timeout }>();
const lastChange = new Map<string, number>();
function schedule(doc: TextDocument) {
  const t = pending.get(doc.uri);
  if (t) { if ('immediate' in t) clearImmediate(t.immediate); else clearTimeout(t.timer); }
  const now = Date.now(), burst = now - (lastChange.get(doc.uri) ?? 0) < BURST_MS;
  lastChange.set(doc.uri, now);
  const run = () => { pending.delete(doc.uri); const current = documents.get(doc.uri); if (current) void validate(current); };
  pending.set(doc.uri, burst ? { timer: setTimeout(run, BURST_MS) } : { immediate: setImmediate(run) });
}
function revalidateAll() { for (const d of documents.all()) schedule(d); }

// Below store.ts's EAGER_KNOWLEDGE characters people, slogans and reports are computed with the
// diagnostics (a few milliseconds); above it they wait until the user pauses, so typing gets
// its diagnostics first, and so do the requests an editor sends while one types.
const KNOWLEDGE_DELAY_MS = 300;
const knowledgeTimers = new Map<string, NodeJS.Timeout>();
const knowledgeWaiters = new Map<string, (() => void)[]>();

async function validate(doc: TextDocument): Promise<void> {
  try {
    const settings = await ctx.settings(doc.uri);
    if (documents.get(doc.uri)?.version !== doc.version) return; // a newer version is on its way
    store.setLimit(doc.uri, settings.maxFileSize);
    const t0 = performance.now();
    const entry = store.get(doc);
    if (documents.get(doc.uri)?.version !== doc.version) return; // a newer version is on its way
    const t1 = performance.now();
    const knows = store.analysisIfCheap(doc) !== undefined;
    log.opened(doc.uri, doc.getText().length, t1 - t0, knows ? performance.now() - t1 : null);
    await publish(doc, settings);
    if (doc.getText().length > LONG_TEXT) reclaimWhenQuiet();
    if (entry.damage && entry.analysis === undefined) scheduleKnowledge(doc);
    else { announce(doc); wake(doc.uri); }
  } catch (e) {
    connection.console.error(`analysis of ${doc.uri} failed: ${(e as Error).stack || e}`);
    await connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
  }
}

/** People, slogans and reports of a long document, once the user has paused for KNOWLEDGE_DELAY_MS. */
function scheduleKnowledge(doc: TextDocument): void {
  clearTimeout(knowledgeTimers.get(doc.uri));
  knowledgeTimers.set(doc.uri, setTimeout(() => {
    knowledgeTimers.delete(doc.uri);
    const current = documents.get(doc.uri);
    if (!current) { wake(doc.uri); return; }
    if (current.version !== doc.version) { scheduleKnowledge(current); return; } // typing went on
    try {
      const a = store.analysis(current);
      // a half-converted report is found with the reports: publish again only if that adds something
      if (a?.findings.some((f) => f.code === 'mixed-script')) void ctx.settings(doc.uri).then((settings) => publish(current, settings));
      announce(current);
      reclaimWhenQuiet();
    } catch (e) {
      connection.console.error(`analysis of ${doc.uri} failed: ${(e as Error).stack || e}`);
    } finally {
      wake(doc.uri); // the waiting requests answer either way (safe() turns a failure into an empty answer)
    }
  }, KNOWLEDGE_DELAY_MS));
}

/**
 * Resolves when people, slogans and reports are ready for the document's current version:
 * at once for a short text, and for a long one when the user pauses, so that the requests an
 * editor sends on every keystroke (code lens, semantic tokens, highlights…) never hold up
 * the diagnostics of the next one.
 */
function knowledgeReady(doc: TextDocument): Promise<void> {
  if (store.analysisIfCheap(doc) !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    knowledgeWaiters.set(doc.uri, [...(knowledgeWaiters.get(doc.uri) ?? []), resolve]);
    if (!knowledgeTimers.has(doc.uri)) scheduleKnowledge(doc);
  });
}
function wake(uri: string): void {
  const waiting = knowledgeWaiters.get(uri);
  knowledgeWaiters.delete(uri);
  for (const resolve of waiting ?? []) resolve();
}

function publish(doc: TextDocument, settings: Settings): Promise<void> {
  return connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: toDiagnostics(doc, store.get(doc), settings, ctx.locale) });
}

/** Tell the workspace index and the client's status item what the document now holds. */
function announce(doc: TextDocument): void {
  const a = store.analysisIfReady(doc);
  if (!a) return;
  index.setOpen(doc.uri, a);
  const s = a.script;
  void connection.sendNotification(STATUS_NOTIFICATION, { uri: doc.uri, script: s.script, traditionalShare: s.traditionalShare, simplifiedShare: s.simplifiedShare } satisfies StatusParams);
}

documents.onDidOpen((e) => void validate(e.document));
documents.onDidChangeContent((e) => { lastActivity = Date.now(); schedule(e.document); });
documents.onDidClose((e) => { log.closed(e.document.uri); lastChange.delete(e.document.uri); clearTimeout(knowledgeTimers.get(e.document.uri)); knowledgeTimers.delete(e.document.uri); wake(e.document.uri); store.delete(e.document.uri); index.close(e.document.uri); void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }); });

/**
 * A request about one document: its parameters checked first (`check`), null for a document
 * that is not open (unknown or closed), `fallback` if the feature fails.
 */
const withDoc = <P extends { textDocument: { uri: string } }, R, A = null>(name: string, fallback: R, fn: (doc: TextDocument, p: P, token: CancellationToken) => R | Promise<R>, check?: (p: Record<string, unknown>) => void, absent: A = null as A) =>
  safe<P, R | A>(name, (p: P, token: CancellationToken) => {
    checkTextDocument(p);
    check?.(p as unknown as Record<string, unknown>);
    const doc = documents.get(p.textDocument.uri);
    return doc ? fn(doc, p, token) : absent;
  }, fallback);
/** withDoc for the features built on people, slogans and reports: they wait for knowledgeReady */
const withKnowledge = <P extends { textDocument: { uri: string } }, R, A = null>(name: string, fallback: R, fn: (doc: TextDocument, p: P) => R | Promise<R>, check?: (p: Record<string, unknown>) => void, absent: A = null as A) =>
  withDoc<P, R | A, A>(name, fallback, async (doc: TextDocument, p: P, token) => {
    await knowledgeReady(doc);
    checkCancelled(token);
    // the document may have changed or closed while the request waited
    const current = documents.get(doc.uri);
    return current ? fn(current, p) : absent;
  }, check, absent);

connection.onHover(withKnowledge('hover', null, (doc, p) => hover(ctx, doc, p.position), checkPosition));
connection.onDocumentSymbol(withKnowledge('documentSymbol', [], (doc) => { const a = store.analysis(doc); return a ? documentSymbols(doc, a, ctx.locale) : []; }));
connection.onFoldingRanges(withKnowledge('foldingRange', [], (doc) => { const a = store.analysis(doc); return a ? foldingRanges(doc, a) : []; }));
connection.onCodeLens(withKnowledge('codeLens', [], async (doc) => { const a = store.analysis(doc); return a && (await ctx.settings(doc.uri)).codeLens ? codeLenses(doc, a, ctx.locale) : []; }));
connection.onCodeAction(withDoc('codeAction', [], (doc, p, token) => codeActions(ctx, doc, p, token), checkCodeAction));
connection.onDefinition(withKnowledge('definition', null, (doc, p) => definition(ctx, doc, p.position), checkPosition));
connection.onReferences(withKnowledge('references', [], (doc, p) => references(ctx, doc, p.position), checkPosition));
connection.onDocumentHighlight(withKnowledge('documentHighlight', [], (doc, p) => highlights(ctx, doc, p.position), checkPosition));
connection.languages.semanticTokens.on(withKnowledge('semanticTokens', { data: [] as number[] }, (doc) => { const a = store.analysis(doc); return { data: a ? semanticTokens(doc, a) : [] }; }, undefined, { data: [] }));
connection.onWorkspaceSymbol(safe('workspaceSymbol', async (p) => {
  if (!p || typeof p !== 'object' || typeof p.query !== 'string') throw new InvalidParams('query (a string) is required');
  await index.scan();
  return workspaceSymbols(ctx, p.query);
}, []));
connection.onRequest(CORPUS_REQUEST, safe('corpus', (q: CorpusQuery) => corpus.query(q), null));
connection.onExecuteCommand(safe('executeCommand', (p) => {
  if (!p || typeof p !== 'object' || typeof p.command !== 'string') throw new InvalidParams('command (a string) is required');
  if (p.arguments !== undefined && p.arguments !== null && !Array.isArray(p.arguments)) throw new InvalidParams('arguments must be an array');
  return executeCommand(ctx, p.command, p.arguments ?? []);
}, null));

documents.listen(connection);
connection.listen();
