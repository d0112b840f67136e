#!/usr/bin/env node
// Fuzz the language server over LSP (build first). Four families, round robin, until the time
// budget is spent:
//   bad-input  NUL, lone surrogates, BOM, CR only, binary, 100,000 blank lines, (long runs only:)
//              one 5 MB line and 30 MB: every request answers within a bound, ranges are whole
//   damage     generated damage (test/support/damage.mjs): fix-all keeps the Han characters,
//              adds no U+FFFD, and a second fix-all changes nothing
//   storm      a burst of random incremental edits, then the diagnostics equal a fresh analysis
//   protocol   malformed requests: an error or an answer, never an exception in the log
// Every case has its own seed, printed with any failure; `--replay FAMILY:SEED[:big]` runs one case.
//
//   node test/fuzz/fuzz.mjs [--seconds 300] [--seed N] [--replay storm:123] [--json out.json]
// The last line: FUZZ seed=… cases=… crashes=0 hangs=0 lostHan=0 nonIdempotent=0 stale=0 …
// Exit status 1 when any count but `cases` is not 0.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer } from '../support/lsp.mjs';
import { baseTexts, damagedCase, hanOf, rng } from '../support/damage.mjs';

const FAILURES = ['crashes', 'hangs', 'lostHan', 'nonIdempotent', 'stale', 'badRange', 'internalError', 'protocolError'];
const CONFIG = { maxNumberOfProblems: 0 }; // all diagnostics: the cap "nearest the last edit" is not staleness
const FAMILIES = ['damage', 'storm', 'bad-input', 'protocol'];
// above this many characters people and reports (and mixed-script) follow the damage (store.ts)
const EAGER_KNOWLEDGE = 100_000;

/** Seconds a request may take: 10 s plus 3 s per started MB of the document. */
const boundFor = (text) => 10_000 + 3_000 * Math.ceil(Buffer.byteLength(text) / 1048576);

class Hang extends Error {}

export async function runFuzz({ seconds = 300, seed = Date.now() % 2 ** 31, replay = null, log = console.log, big = seconds >= 120 } = {}) {
  const counts = { cases: 0, ...Object.fromEntries(FAILURES.map((k) => [k, 0])) };
  const failures = [];
  const texts = baseTexts();
  let server = null, serverLog = [];
  let docNo = 0;

  async function fresh() {
    if (server) await stop(server);
    server = await startServer({ config: CONFIG, ...(process.env.ZH_FUZZ_SERVER ? { server: process.env.ZH_FUZZ_SERVER } : {}) });
    serverLog = [];
    // a server that died (or was stopped) must not take the harness with it: EPIPE is its exit, seen below
    server.proc.stdin.on('error', () => undefined);
    server.conn.onNotification('window/logMessage', (m) => { if (m.type === 1) serverLog.push(m.message); });
    server.exited = new Promise((resolve) => server.proc.once('exit', (code, signal) => resolve({ code, signal })));
  }
  const fail = (kind, family, caseSeed, detail) => {
    counts[kind]++;
    const line = `FAIL ${kind} ${family} seed=${caseSeed} (replay: --replay ${family}:${caseSeed}${big ? ':big' : ''}) ${detail}`.slice(0, 600);
    failures.push(line);
    log(line);
  };

  /** A request answered within the bound, or Hang; a server that died is a crash. */
  async function request(method, params, bound) {
    let timer;
    const died = server.exited.then((e) => { throw new Error(`server exited (${e.code ?? e.signal})`); });
    const hang = new Promise((_, reject) => { timer = setTimeout(() => reject(new Hang(`${method} gave no answer within ${bound / 1000} s`)), bound); });
    try { return await Promise.race([server.request(method, params), hang, died]); } finally { clearTimeout(timer); }
  }
  async function open(text, bound) {
    const uri = pathToFileURL(`/tmp/zh-article-fuzz/doc-${++docNo}.txt`).href;
    let timer;
    const diags = server.diagnosticsFor(uri, 1);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text } });
    const hang = new Promise((_, reject) => { timer = setTimeout(() => reject(new Hang('no diagnostics within the bound')), bound); });
    try { return { uri, diagnostics: await Promise.race([diags, hang]) }; } finally { clearTimeout(timer); }
  }
  const close = (uri) => server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });

  async function fixAllText(text, bound) {
    const { uri } = await open(text, bound);
    const actions = await request('textDocument/codeAction', { textDocument: { uri }, range: wholeRange(text), context: { diagnostics: [], only: ['source.fixAll'] } }, bound);
    close(uri);
    const edits = (actions ?? []).flatMap((a) => a.edit?.changes?.[uri] ?? []);
    return { edits, out: applyEdits(text, edits) };
  }

  /**
   * The diagnostics of a version once they stop changing: a long text's half-converted
   * reports (mixed-script) come with its people and reports, published again after a pause.
   */
  async function settle(uri, version, first, text) {
    if (text.length <= EAGER_KNOWLEDGE) return first;
    let last = first;
    for (;;) {
      const next = await Promise.race([server.diagnosticsFor(uri, version).catch(() => null), new Promise((r) => setTimeout(() => r(null), 2000))]);
      if (!next) return last;
      last = next;
    }
  }

  // ---------------------------------------------------------------------------------------
  const cases = {
    async damage(caseSeed) {
      const text = damagedCase(caseSeed, texts);
      const bound = boundFor(text);
      const once = await fixAllText(text, bound);
      if (hanOf(once.out) !== hanOf(text)) fail('lostHan', 'damage', caseSeed, `Han characters changed: ${JSON.stringify(text.slice(0, 200))}`);
      if (countFffd(once.out) > countFffd(text)) fail('lostHan', 'damage', caseSeed, 'U+FFFD introduced');
      const bad = badRanges(text, once.edits.map((e) => e.range));
      if (bad) fail('badRange', 'damage', caseSeed, bad);
      const twice = await fixAllText(once.out, bound);
      if (twice.out !== once.out) fail('nonIdempotent', 'damage', caseSeed, `second fix-all changed ${JSON.stringify(once.out.slice(0, 200))}`);
    },

    async storm(caseSeed) {
      const storm = stormOf(caseSeed, texts, big);
      const bound = boundFor(storm.initial) + 20_000;
      const { uri } = await open(storm.initial, bound);
      let version = 1;
      const r = rng(caseSeed ^ 0x5bd1e995);
      for (const change of storm.changes) {
        server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        if (r.chance(0.03)) void server.request(r.pick(['textDocument/documentSymbol', 'textDocument/semanticTokens/full', 'textDocument/foldingRange']), { textDocument: { uri } }).catch(() => undefined);
      }
      const text = storm.final;
      const settled = await settle(uri, version, await withBound(server.diagnosticsFor(uri, version), bound, 'storm: no diagnostics for the last version'), text);
      close(uri);
      const fresh = await open(text, bound);
      const freshDiagnostics = await settle(fresh.uri, 1, fresh.diagnostics, text);
      close(fresh.uri);
      const a = JSON.stringify(settled.map(comparable)), b = JSON.stringify(freshDiagnostics.map(comparable));
      if (a !== b) fail('stale', 'storm', caseSeed, `${settled.length} diagnostics after the storm, ${freshDiagnostics.length} fresh; first difference: ${firstDifference(settled.map(comparable), freshDiagnostics.map(comparable))}`);
    },

    async 'bad-input'(caseSeed) {
      const r = rng(caseSeed);
      const text = badInput(r, big);
      const bound = boundFor(text);
      const { uri } = await open(text, bound);
      const lines = text.split(/\r\n|\r|\n/);
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const at = [{ line: 0, character: 0 }, { line: lines.length >> 1, character: 3 }, end, { line: lines.length + 5, character: 9 }, { line: 0, character: 1e6 }];
      const ranges = [];
      const ask = async (method, params) => { const res = await request(method, { textDocument: { uri }, ...params }, bound); const found = []; collectRanges(res, found); for (const f of found) ranges.push({ ...f, from: method }); return res; };
      await ask('textDocument/documentSymbol', {});
      await ask('textDocument/semanticTokens/full', {});
      for (const position of at) await ask('textDocument/hover', { position });
      await ask('textDocument/foldingRange', {});
      await ask('textDocument/codeLens', {});
      await ask('textDocument/documentHighlight', { position: at[1] });
      await ask('textDocument/codeAction', { range: { start: at[0], end: at[3] }, context: { diagnostics: [], only: ['quickfix'] } });
      await ask('textDocument/codeAction', { range: { start: at[1], end: at[1] }, context: { diagnostics: [] } }); // the light bulb
      if (text.length <= 300_000) {
        close(uri);
        const once = await fixAllText(text, bound);
        if (hanOf(once.out) !== hanOf(text)) fail('lostHan', 'bad-input', caseSeed, 'Han characters changed');
        if (countFffd(once.out) > countFffd(text)) fail('lostHan', 'bad-input', caseSeed, 'U+FFFD introduced');
        for (const e of once.edits) ranges.push(e.range);
        const twice = await fixAllText(once.out, bound);
        if (twice.out !== once.out) fail('nonIdempotent', 'bad-input', caseSeed, 'second fix-all changed the text');
      } else close(uri);
      const bad = badRanges(text, ranges);
      if (bad) fail('badRange', 'bad-input', caseSeed, bad);
    },

    async protocol(caseSeed) {
      const r = rng(caseSeed);
      const text = r.pick(texts).text.slice(0, 3000) + '\n𠮷会议\n';
      const { uri } = await open(text, boundFor(text));
      const junk = [undefined, null, -1, -(2 ** 31), 1.5, '3', {}, [], { line: 'a' }, { line: 1e12, character: 0 }];
      const badPos = () => (r.chance(0.5) ? r.pick(junk) : { line: r.pick(junk), character: r.pick(junk) });
      const unknown = r.pick(['', 'not a uri at all', 'file:///%ZZ', 'file:///nowhere.txt', uri + '#x']);
      const probes = [
        ['textDocument/hover', { textDocument: { uri }, position: badPos() }],
        ['textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }],
        ['textDocument/definition', { textDocument: { uri }, position: badPos() }],
        ['textDocument/references', { textDocument: { uri }, position: badPos(), context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument: r.pick([null, {}, { uri: 5 }]), position: { line: 0, character: 0 } }],
        ['textDocument/documentSymbol', r.pick([null, {}, { textDocument: { uri: unknown } }])],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: badPos(), end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 0, character: 0 } }, context: r.pick([undefined, null, { diagnostics: null }, { diagnostics: [], only: 'quickfix' }]) }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, source: 'zh-article', code: 'stray-space', data: { v: 1, changes: r.pick([[[-5, 1e9, 'x']], 'x', [null], [[0, 1, 5]]]) } }, { range: null }, 7] } }],
        ['workspace/executeCommand', { command: 'zh-article.server.convert', arguments: r.pick([[], [5], [uri, 'klingon'], [uri, 'traditional', { start: { line: 0, character: 0 } }], [uri, 'traditional', { start: { line: 0, character: -1 }, end: { line: 0, character: 0 } }]]) }],
        ['workspace/executeCommand', { command: 'zh-article.server.notAPerson', arguments: r.pick([[uri, 12345], [uri, null], [uri, ''], [uri], [null, '张三'], [uri, 'x'.repeat(300)]]) }],
        ['workspace/executeCommand', { command: r.pick([null, 123, 'no.such.command']), arguments: 'x' }],
        ['workspace/executeCommand', r.pick([null, {}, { command: 'zh-article.server.repair', arguments: [42] }])],
        ['workspace/symbol', r.pick([null, {}, { query: 5 }])],
        ['textDocument/semanticTokens/full', { textDocument: { uri: unknown } }],
      ];
      for (const [method, params] of probes) {
        const before = serverLog.length;
        try { await request(method, params, 10_000); } catch (e) {
          if (e instanceof Hang || /exited/.test(e.message)) throw e;
          if (![-32602, -32600, -32601].includes(e.code)) fail('protocolError', 'protocol', caseSeed, `${method} ${JSON.stringify(params)?.slice(0, 200)}: error ${e.code} ${e.message}`);
        }
        if (serverLog.length > before) fail('internalError', 'protocol', caseSeed, `${method} ${JSON.stringify(params)?.slice(0, 200)}: ${serverLog.slice(before).join(' | ').slice(0, 300)}`);
      }
      // notifications the client got wrong: the server carries on
      const conn = server.conn;
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: r.pick([null, 1, 0]) }, contentChanges: r.pick([null, [{ text: 5 }], [{ range: { start: { line: -1, character: 0 }, end: { line: 1e9, character: 0 } }, text: 'x' }]]) });
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text: '另一篇文字' } });
      await request('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
      close(uri);
      // after didClose: null, not an error
      const after = await request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 10_000);
      if (after !== null) fail('protocolError', 'protocol', caseSeed, `hover on a closed document answered ${JSON.stringify(after).slice(0, 100)}`);
    },
  };

  // ---------------------------------------------------------------------------------------
  const deadline = Date.now() + seconds * 1000;
  const master = rng(seed);
  await fresh();
  const runCase = async (family, caseSeed) => {
    counts.cases++;
    try { await cases[family](caseSeed); } catch (e) {
      if (e instanceof Hang) fail('hangs', family, caseSeed, e.message);
      else if (/exited/.test(e.message)) fail('crashes', family, caseSeed, e.message);
      else fail('crashes', family, caseSeed, `harness: ${e.stack || e}`);
      await fresh();
    }
    if (!server.alive()) { fail('crashes', family, caseSeed, 'server is gone'); await fresh(); }
  };
  if (replay) {
    // FAMILY:SEED replays a case of a short run, FAMILY:SEED:big one of a long run (its inputs include the big ones)
    const [family, s, size] = replay.split(':');
    big = size === 'big';
    await runCase(family, Number(s));
  } else {
    for (let k = 0; Date.now() < deadline; k++) await runCase(FAMILIES[k % FAMILIES.length], Math.floor(master.next() * 2 ** 31));
  }
  await stop(server);
  const summary = `FUZZ seed=${seed} seconds=${seconds} ` + Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ');
  log(summary);
  return { counts, failures, summary };
}

async function stop(s) {
  await Promise.race([s.stop(), new Promise((r) => setTimeout(r, 3000))]);
  s.proc.kill();
}

async function withBound(promise, bound, what) {
  let timer;
  try { return await Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Hang(what)), bound); })]); } finally { clearTimeout(timer); }
}

// ---------------------------------------------------------------------------------------------
// inputs

function badInput(r, big) {
  const sample = '区委召开常委会会议，研究部署工作。(记者 林晓岑)\n会议强调,要坚定信心?\n';
  const kinds = [
    () => sample.replace(/，|。/g, (m) => `\0${m}\0`).repeat(20),
    () => (sample + '\ud800会\udc00议\ud83d').repeat(20),
    () => '\ufeff' + sample.repeat(10).replace(/\n/g, '\n\ufeff'),
    () => sample.repeat(30).replace(/\n/g, '\r'),
    () => sample.repeat(30).replace(/\n/g, r.pick(['\r\n', '\r\r\n', '\n\r', '\u2028', '\u0085'])),
    () => '\n'.repeat(100_000) + sample,
    () => sample + '\n'.repeat(100_000) + sample,
    () => { const b = Buffer.alloc(r.int(1000, 65536)); for (let i = 0; i < b.length; i++) b[i] = r.int(0, 255); return r.chance(0.5) ? b.toString('latin1') : b.toString('utf8'); },
    () => '𠮷'.repeat(r.int(1, 50_000)) + ',𠮷\n会',
    () => '。要\n𠮷' + sample + ',𠮷\n会',
    () => '“《（【「『〔'.repeat(3000),
    () => '中,'.repeat(r.int(1000, 150_000)),
    () => '區(qū)'.repeat(3000) + '((((qū))))' + ',.:;!?()'.repeat(3000),
    () => '(((飡)?))' + ',(\n會()會()建)',
  ];
  if (big) kinds.push(() => '会议精神,'.repeat(480_000), () => (sample.repeat(200) + '\n').repeat(Math.ceil(30 * 1048576 / (Buffer.byteLength(sample) * 200))));
  return r.pick(kinds)();
}

/** A storm: a text and random incremental changes of it (LSP ranges), with the final text. */
export function stormOf(caseSeed, texts = baseTexts(), big = false) {
  const r = rng(caseSeed);
  let text = r.chance(0.2) ? damagedCase(caseSeed, texts) : r.pick(texts).text;
  // long runs: sometimes a long document (the texts end to end, about 120,000 characters)
  if (big && r.chance(0.1)) { const all = texts.map((t) => t.text).join('\n\n'); text = all.repeat(Math.ceil(120_000 / all.length)).slice(0, 120_000); }
  if (r.chance(0.3)) text = text.replace(/\n/g, '\r\n');
  const initial = text, changes = [];
  for (let k = r.int(50, big ? 1000 : 400); k > 0; k--) {
    const c = randomChange(r, text);
    changes.push({ range: rangeOf(text, c.start, c.end), text: c.text });
    text = text.slice(0, c.start) + c.text + text.slice(c.end);
  }
  return { initial, changes, final: text };
}

/** A random edit of text: a code-point-aligned span (sometimes a cut surrogate pair), replaced by a piece. */
function randomChange(r, text) {
  const pieces = ['', '', '会', '，', '。\n', '\n\n', ' ', '𠮷', '(huì)', ',', '\r\n', '区委书记周文澜在会上讲话。陈予川 摄', '\ud842'];
  let start = r.int(0, text.length);
  if (r.chance(0.5)) { const nl = text.indexOf('\n', start); if (nl >= 0) start = nl + r.int(0, 1); }
  start = Math.min(start, text.length);
  const end = Math.min(text.length, start + (r.chance(0.5) ? 0 : r.int(1, r.chance(0.1) ? 300 : 5)));
  // a position cannot stand between \r and \n (LSP): move off it
  const off = (o) => (text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
  start = off(start);
  return { start, end: Math.max(start, off(end)), text: r.pick(pieces) };
}

// ---------------------------------------------------------------------------------------------
// text and ranges, with TextDocument's semantics (\n, \r\n and \r end lines)

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}
function positionAt(starts, text, off) {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= off) lo = mid; else hi = mid - 1; }
  return { line: lo, character: off - starts[lo] };
}
function offsetAt(starts, text, p) {
  if (p.line >= starts.length) return text.length;
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  return Math.min(starts[p.line] + p.character, lineEnd);
}
function rangeOf(text, start, end) {
  const s = lineStarts(text);
  return { start: positionAt(s, text, start), end: positionAt(s, text, end) };
}
function wholeRange(text) { return rangeOf(text, 0, text.length); }
function applyEdits(text, edits) {
  const s = lineStarts(text);
  const sorted = edits.map((e, i) => ({ a: offsetAt(s, text, e.range.start), b: offsetAt(s, text, e.range.end), t: e.newText, i })).sort((x, y) => x.a - y.a || x.b - y.b || x.i - y.i);
  const parts = [];
  let at = 0;
  for (const e of sorted) { if (e.a < at) throw new Error('overlapping edits'); parts.push(text.slice(at, e.a), e.t); at = e.b; }
  parts.push(text.slice(at));
  return parts.join('');
}
const countFffd = (s) => (s.match(/\ufffd/g) || []).length;

function collectRanges(x, out, depth = 0) {
  if (!x || typeof x !== 'object' || depth > 64) return;
  if (x.start && x.end && typeof x.start.line === 'number') { out.push(x); return; }
  // documentSymbol/foldingRange children: an explicit stack would be needed only past depth 64
  for (const v of Array.isArray(x) ? x : Object.values(x)) collectRanges(v, out, depth + 1);
}

/** What is wrong with ranges of a text: past the end, or cutting a surrogate pair; null when fine. */
function badRanges(text, ranges) {
  const s = lineStarts(text);
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      if (p.line >= s.length) return `range past the last line: ${JSON.stringify(r)}`;
      const lineEnd = p.line + 1 < s.length ? s[p.line + 1] : text.length;
      const off = s[p.line] + p.character;
      if (off > lineEnd) return `range past the end of its line: ${JSON.stringify(r)}`;
      const c = text.charCodeAt(off), b = text.charCodeAt(off - 1);
      if (c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff) return `range cuts a surrogate pair${r.from ? ` (${r.from})` : ''}: ${JSON.stringify({ start: r.start, end: r.end })}`;
    }
  }
  return null;
}

/** A diagnostic without what names its version. */
const comparable = (d) => [d.code, d.range, d.severity, d.message, d.data?.changes ?? null];

// ---------------------------------------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const seconds = Number(opt('--seconds') ?? 300);
  const seed = opt('--seed') !== undefined ? Number(opt('--seed')) : Date.now() % 2 ** 31;
  if (!(seconds > 0) || !Number.isInteger(seed)) { console.error('usage: fuzz.mjs [--seconds N] [--seed N] [--replay FAMILY:SEED] [--json FILE]'); process.exit(2); }
  const { counts, failures, summary } = await runFuzz({ seconds, seed, replay: opt('--replay') ?? null });
  if (opt('--json')) fs.writeFileSync(opt('--json'), JSON.stringify({ seed, seconds, counts, failures, summary }, null, 1));
  process.exitCode = FAILURES.some((k) => counts[k]) ? 1 : 0;
}

export { FAILURES };

function firstDifference(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return `${JSON.stringify(a[i] ?? null)} vs ${JSON.stringify(b[i] ?? null)}`;
  }
  return 'none';
}
