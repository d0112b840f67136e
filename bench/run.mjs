#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
// zh-article benchmark (`npm run bench` = `npm run build && node bench/run.mjs`).
//
// Builds corpora from examples/*.txt (bench/corpus/, gitignored) and measures, in one run:
//   - full analysis (analyzeDocument) against nodejieba.cut, autocorrect-node lintFor,
//     opencc-js cn→t and a bare regex pass, on the same texts, at 100 KB, 1 MB and 10 MB;
//   - a cold language server: didOpen → first publishDiagnostics, and → first person hover with a role;
//   - a one-character incremental didChange on a 1 MB document → next publishDiagnostics;
//   - converting the 1 MB document to traditional: our convertText (names shielded, as the
//     conversion command and the CLI call it) against bare opencc-js cn→t on the same string;
//   - hover, documentSymbol, foldingRange, codeLens and semanticTokens/full latency on the 1 MB document;
//   - server RSS with ten distinct 1 MB documents open;
//   - the corpus part (bench/workspace.mjs): a workspace of 5,000 articles indexed by the server,
//     the views' answers and refresh, and `zh-article export` on 1 and on all cores. `--only corpus`
//     runs it alone and updates its own section of RESULTS.md (and `workspace` in results.json).
// Writes bench/results.json and bench/RESULTS.md and prints the same Markdown.
// Budgets are fixed below; a miss says MISS and the exit code stays 0 (a benchmark, not a test).
//
// Options: --quick (no 10 MB corpus, fewer runs, writes no results: for trying the script),
//          --no-server (no cold/latency/incremental/memory), --no-analysis (no analysis, no conversion),
//          --only <parts> (comma-separated, of: analysis, conversion, cold, latency, incremental,
//          memory; runs those alone, builds only the corpora they need, writes no results).
// Environment: ZH_BENCH_ANALYSIS=<path to analysis/index.js>, ZH_BENCH_SERVER=<path to server.js>,
//              ZH_BENCH_LANGUAGE_ID (default zh-article), ZH_BENCH_ANALYSIS_TIMEOUT_MS (default 120000).
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { workspaceBench, workspaceBudgets, workspaceMarkdown } from './workspace.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { loadExamples, buildCorpus } from './corpus.mjs';
import { LspClient, LineIndex, fileUri } from './lsp.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CORPUS_DIR = join(HERE, 'corpus');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const argv = new Set(args);
const QUICK = argv.has('--quick');
const PARTS = ['analysis', 'conversion', 'cold', 'latency', 'incremental', 'memory', 'corpus'];
const ONLY = (() => {
  const i = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return null;
  const list = (args[i] === '--only' ? args[i + 1] ?? '' : args[i].slice('--only='.length)).split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !PARTS.includes(x));
  if (!list.length || bad.length) {
    console.error(`--only takes a comma-separated list of: ${PARTS.join(', ')}${bad.length ? ` (not: ${bad.join(', ')})` : ''}`);
    process.exit(2);
  }
  return new Set(list);
})();
/** whether this run measures `part` (--only, --no-server and --no-analysis decide) */
function want(part) {
  if (ONLY && !ONLY.has(part)) return false;
  if (argv.has('--no-analysis') && (part === 'analysis' || part === 'conversion')) return false;
  if (argv.has('--no-server') && ['cold', 'latency', 'incremental', 'memory'].includes(part)) return false;
  return true;
}
/** a partial run (--quick or --only) prints its results and writes no files */
const PARTIAL = QUICK || ONLY !== null;
const ANALYSIS_PATH = process.env.ZH_BENCH_ANALYSIS ?? join(ROOT, 'server/out/analysis/index.js');
const SERVER_PATH = process.env.ZH_BENCH_SERVER ?? join(ROOT, 'server/out/server.js');
const LANGUAGE_ID = process.env.ZH_BENCH_LANGUAGE_ID ?? 'zh-article';

const KB = 1024;
const MB = 1024 * 1024;
const SIZES = [
  { label: '100 KB', bytes: 100 * KB, runs: QUICK ? 3 : 7 },
  { label: '1 MB', bytes: MB, runs: QUICK ? 3 : 5 },
  ...(QUICK ? [] : [{ label: '10 MB', bytes: 10 * MB, runs: 3 }]),
];
const LATENCY_REQUESTS = QUICK ? 20 : 50;
const LATENCY_TIME_BOX_MS = 60000;
const INCREMENTAL_EDITS = QUICK ? 5 : 30;
const COLD_RUNS = QUICK ? 2 : 5;
const MEMORY_DOCS = 10;

const BUDGET = {
  analysisVsJieba: 1.0, // × nodejieba cut of the same 1 MB
  analysis1MbMs: 150,
  damage1MbMs: 50, // issue #3: these diagnostics for a 1 MB file
  peopleVsJieba: 0.5, // issue #14: findPeople on 1 MB, × nodejieba cut of the same text
  firstDiagnosticsMs: 300,
  incrementalMs: 20,
  hoverMedianMs: 2,
  documentSymbolMedianMs: 30,
  conversionVsOpencc: 1.2, // × bare opencc-js cn→t on the same 1 MB
  rssMb: 250,
  perMbSpread: 1.5,
};

// ---------------------------------------------------------------- helpers

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const toMB = (kib) => (kib == null ? null : Math.round((kib * 1024) / 1e5) / 10);
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
function fmtMs(x) {
  if (x == null) return '—';
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 1000) return `${x.toFixed(1)} ms`;
  return `${(x / 1000).toFixed(2)} s`;
}
const fmtX = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
const log = (...a) => console.error('[bench]', ...a);

function time(fn) {
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
}

/** Split at paragraph boundaries into pieces of at most ~size UTF-16 units. */
function chunkText(text, size) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    let j = Math.min(text.length, i + size);
    if (j < text.length) {
      const k = text.lastIndexOf('\n\n', j);
      if (k > i) j = k + 2;
    }
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((x) => round(x)),
  quick: QUICK,
  only: ONLY ? [...ONLY] : undefined,
  paths: { analysis: ANALYSIS_PATH, server: SERVER_PATH },
  corpus: {},
  analysis: null,
  conversion: null,
  server: null,
  budgets: [],
  errors: {},
};

// ---------------------------------------------------------------- corpora

const examples = loadExamples(join(ROOT, 'examples'));
mkdirSync(CORPUS_DIR, { recursive: true });
log(`building corpora from ${examples.length} examples: ${examples.map((e) => e.name).join(', ')}`);

/**
 * Each timed run gets its own corpus variant (same size, another seed), every tool on the same one.
 * Without the analysis part only the first 1 MB variant is needed (the same text, by its seed).
 */
const corpora = SIZES.map((size, si) => {
  if (!want('analysis') && size.label !== '1 MB') return null;
  const variants = [];
  for (let r = 0; r < (want('analysis') ? size.runs : 1); r++) variants.push(buildCorpus(examples, size.bytes, 1000 * (si + 1) + r));
  const name = `corpus-${size.label.replace(' ', '').toLowerCase()}.txt`;
  writeFileSync(join(CORPUS_DIR, name), variants[0]);
  const bytes = variants.map((t) => Buffer.byteLength(t, 'utf8'));
  results.corpus[size.label] = { file: `bench/corpus/${name}`, bytes: bytes[0], variants: variants.length, chars: variants[0].length };
  return { ...size, variants, bytesEach: bytes };
}).filter(Boolean);
const seedLike = buildCorpus(examples, 8 * KB, 42);
writeFileSync(join(CORPUS_DIR, 'seed-like.txt'), seedLike);
const oneMb = corpora.find((c) => c.label === '1 MB').variants[0];
const memoryDocs = [];
for (let i = 0; i < (want('memory') ? MEMORY_DOCS : 0); i++) {
  const t = buildCorpus(examples, MB, 5000 + i);
  writeFileSync(join(CORPUS_DIR, `doc-${i}.txt`), t);
  memoryDocs.push(t);
}
results.corpus.seedLike = { file: 'bench/corpus/seed-like.txt', bytes: Buffer.byteLength(seedLike) };

// ---------------------------------------------------------------- analysis API

const ANALYSIS_TIMEOUT_MS = Number(process.env.ZH_BENCH_ANALYSIS_TIMEOUT_MS ?? 120000);
const ANALYSIS_SLOW_MS = 20000; // after a call this slow, no more runs at that size

/** analyzeDocument in a worker thread, so that a call can be given up after a timeout. */
class AnalysisRunner {
  constructor(path) {
    this.path = path;
    this.worker = null;
    this.nextId = 1;
    this.segmenterLoadMs = null;
  }

  async start() {
    if (this.worker) return;
    const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url), { workerData: { analysisPath: this.path } });
    this.pending = new Map();
    await new Promise((resolve, reject) => {
      const onError = (e) => reject(e);
      worker.once('error', onError);
      worker.once('message', (m) => {
        worker.off('error', onError);
        this.segmenterLoadMs = m.segmenterLoadMs;
        resolve();
      });
    });
    worker.on('message', (m) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m);
    });
    worker.on('error', (e) => { for (const p of this.pending.values()) p.reject(e); this.pending.clear(); this.worker = null; });
    this.worker = worker;
  }

  /** @returns {Promise<{ms:number, sanity?:object, targets?:object[]}>}; rejects with .timedOut after timeoutMs */
  async call(kind, text, { timeoutMs = ANALYSIS_TIMEOUT_MS, max = 0 } = {}) {
    await this.start();
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        const e = new Error(`analyzeDocument took over ${timeoutMs / 1000} s`);
        e.timedOut = true;
        reject(e);
      }, timeoutMs);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      worker.postMessage({ id, kind, text, max });
    });
  }

  async stop() {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}

let analyzer = null;
// the analyser's worker also finds the people to hover (cold and latency parts)
if (!argv.has('--no-analysis') && (want('analysis') || want('cold') || want('latency'))) {
  try {
    if (!existsSync(ANALYSIS_PATH)) throw new Error(`${ANALYSIS_PATH} does not exist (npm run build?)`);
    analyzer = new AnalysisRunner(ANALYSIS_PATH);
    await analyzer.start();
  } catch (e) {
    results.errors.analysis = String(e.message ?? e).split('\n')[0];
    log('analysis API unavailable:', results.errors.analysis);
    analyzer = null;
  }
}

// Peers measured against but not used by the product live in bench/.peers (npm cannot
// lock autocorrect-node's optional platform packages, so it stays out of package.json).
function loadPeer(name, version) {
  try { return require(name); } catch { /* not in the project: install it beside the bench */ }
  const dir = new URL('./.peers/', import.meta.url).pathname;
  try { return createRequire(dir + 'x.js')(name); } catch { /* first run */ }
  console.error(`installing benchmark peer ${name}@${version} into bench/.peers …`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${version}`], { stdio: 'inherit' });
  return createRequire(dir + 'x.js')(name);
}

async function analysisBench() {
  const nodejieba = require('nodejieba');
  const t0 = performance.now();
  nodejieba.load();
  const jiebaLoadMs = performance.now() - t0;
  const autocorrect = loadPeer('autocorrect-node', '2.14.0');
  const OpenCC = require('opencc-js');
  const t1 = performance.now();
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const openccInitMs = performance.now() - t1;
  const HAN = /[\u4e00-\u9fff]+/g;

  // autocorrect-node's parser hits its "call limit" on long inputs (and on any call after the
  // first long one), returning no lines: it is fed in paragraph-aligned 16 K-character chunks.
  const AUTOCORRECT_CHUNK = 16 * KB;
  /** the peers, run here; the analyser runs in its worker (timed there, around the call alone) */
  const tools = {
    nodejieba: (t) => nodejieba.cut(t),
    autocorrect: (t) => {
      let lines = 0, errors = 0;
      for (const c of chunkText(t, AUTOCORRECT_CHUNK)) {
        const r = autocorrect.lintFor(c, 'x.txt');
        lines += r.lines.length;
        if (r.error) errors++;
      }
      return { lines, errors };
    },
    opencc: (t) => toTraditional(t),
    regex: (t) => {
      let n = 0;
      HAN.lastIndex = 0;
      while (HAN.exec(t)) n++;
      return n;
    },
  };
  const names = [...(analyzer ? ['analysis'] : []), ...Object.keys(tools)];

  // warm-up (JIT, lazy tables inside the analyser) on text that is not measured
  const warm = buildCorpus(examples, 100 * KB, 7);
  let analysisFirstCallMs = null;
  if (analyzer) {
    try {
      analysisFirstCallMs = (await analyzer.call('analyze', warm)).ms;
    } catch (e) {
      results.errors.analysisWarmup = String(e.message ?? e).split('\n')[0];
    }
  }
  for (const n of Object.keys(tools)) tools[n](warm);

  const out = {
    jiebaLoadMs: round(jiebaLoadMs), openccInitMs: round(openccInitMs), analyserSegmenterLoadMs: round(analyzer?.segmenterLoadMs),
    analysisFirstCallMs: round(analysisFirstCallMs), analysisTimeoutMs: ANALYSIS_TIMEOUT_MS, autocorrectChunkChars: AUTOCORRECT_CHUNK, sizes: {},
  };
  let analysisGaveUp = null; // a timeout: no analysis at this size or larger
  for (const c of corpora) {
    const times = Object.fromEntries(names.map((n) => [n, []]));
    const parts = {};
    const sanity = {};
    let analysisNote = analysisGaveUp;
    log(`analysis: ${c.label} × ${c.runs}`);
    for (let r = 0; r < c.runs; r++) {
      const text = c.variants[r];
      if (analyzer && !analysisNote) {
        try {
          const res = await analyzer.call('analyze', text);
          times.analysis.push(res.ms);
          if (res.damageMs != null) (parts.damage ??= []).push(res.damageMs);
          if (res.peopleMs != null) (parts.people ??= []).push(res.peopleMs);
          if (r === 0) sanity.analysis = res.sanity;
          if (res.ms > ANALYSIS_SLOW_MS && r < c.runs - 1) analysisNote = `${r + 1} of ${c.runs} runs: a run took over ${ANALYSIS_SLOW_MS / 1000} s`;
        } catch (e) {
          if (!e.timedOut) throw e;
          analysisGaveUp = analysisNote = `gave up: a run took over ${ANALYSIS_TIMEOUT_MS / 1000} s`;
          log(`  analysis ${analysisNote}`);
        }
      }
      for (const n of Object.keys(tools)) {
        gc();
        const { ms, out: res } = time(() => tools[n](text));
        times[n].push(ms);
        if (r === 0) {
          if (n === 'nodejieba') sanity.nodejieba = { words: res.length };
          if (n === 'autocorrect') sanity.autocorrect = res;
          if (n === 'regex') sanity.regex = { hanRuns: res };
        }
      }
    }
    const mb = median(c.bytesEach) / MB;
    const med = Object.fromEntries(names.map((n) => [n, median(times[n])]));
    const entry = {
      bytes: Math.round(median(c.bytesEach)),
      runs: c.runs,
      medianMs: Object.fromEntries(names.map((n) => [n, round(med[n])])),
      msPerMb: Object.fromEntries(names.map((n) => [n, round(med[n] == null ? null : med[n] / mb)])),
      samplesMs: Object.fromEntries(names.map((n) => [n, times[n].map((x) => round(x))])),
      analysisNote: analysisNote ?? undefined,
      // the damage tier alone (analyzeDamage: every diagnostic but mixed-script) and the people pass (findPeople on the view)
      partsMedianMs: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(median(v))])),
      sanity,
    };
    if (med.analysis != null) {
      entry.ratios = Object.fromEntries(Object.keys(tools).map((n) => [n, round(med.analysis / med[n], 3)]));
    }
    out.sizes[c.label] = entry;
    log(`  ${names.map((n) => `${n} ${fmtMs(med[n])}`).join(', ')}`);
  }
  return out;
}

if (want('analysis')) {
  try {
    results.analysis = await analysisBench();
  } catch (e) {
    results.errors.analysisBench = String(e.stack ?? e);
    log('analysis bench failed:', e);
  }
}

// ---------------------------------------------------------------- conversion

const CONVERSION_RUNS = QUICK ? 3 : 7;

/**
 * The 1 MB document to traditional: our conversion, as the conversion command and the CLI call it
 * (convertText with every person's mention shielded, from the analysis), against bare opencc-js
 * Converter({ from: 'cn', to: 't' }) on the same string. Each run times both, in turn (which goes
 * first alternates), each call after a GC; the ratio is the median of the per-run ratios, so that
 * a slow stretch of a busy machine weighs on both sides of a ratio. Timed alongside, without a
 * budget: convertText with no names shielded, and convertEdits (what the server's command
 * computes: the conversion as edits, names shielded).
 */
function conversionBench() {
  const analysisDir = dirname(ANALYSIS_PATH);
  const script = require(join(analysisDir, 'script.js'));
  const { analyzeDocument } = require(ANALYSIS_PATH);
  if (typeof script.convertText !== 'function') throw new Error(`${analysisDir}/script.js exports no convertText`);
  const OpenCC = require('opencc-js');
  const text = oneMb;
  const a = analyzeDocument(text);
  const protect = a.people.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end })));
  const bare = OpenCC.Converter({ from: 'cn', to: 't' });
  const ours = (t) => script.convertText(t, 'traditional', { protect });
  const plain = (t) => script.convertText(t, 'traditional');
  const edits = typeof script.convertEdits === 'function' ? (t) => script.convertEdits(t, 'traditional', { protect }) : null;

  // warm-up (JIT; the first call of each builds its dictionaries), outputs kept for the sanity check
  const outBare = bare(text), outOurs = ours(text);
  plain(text);
  const editCount = edits ? edits(text).length : null;
  let differ = null;
  if (outBare.length === outOurs.length) {
    differ = 0;
    for (let i = 0; i < outBare.length; i++) if (outBare.charCodeAt(i) !== outOurs.charCodeAt(i)) differ++;
  }
  const fns = { bare, ours, plain, ...(edits ? { edits } : {}) };
  const times = { bare: [], ours: [], plain: [], edits: [] };
  const ratios = [], plainRatios = [];
  for (let r = 0; r < CONVERSION_RUNS; r++) {
    const order = r % 2 ? ['ours', 'bare', 'plain', 'edits'] : ['bare', 'ours', 'edits', 'plain'];
    const run = {};
    for (const n of order) {
      if (!fns[n]) continue;
      gc();
      run[n] = time(() => fns[n](text)).ms;
      times[n].push(run[n]);
    }
    ratios.push(run.ours / run.bare);
    plainRatios.push(run.plain / run.bare);
  }
  const out = {
    document: 'bench/corpus/corpus-1mb.txt',
    chars: text.length,
    runs: CONVERSION_RUNS,
    protectedSpans: protect.length,
    medianMs: { bare: round(median(times.bare)), convertText: round(median(times.ours)), convertTextNoNames: round(median(times.plain)), convertEdits: round(median(times.edits)) },
    ratio: round(median(ratios), 3),
    ratioOfMedians: round(median(times.ours) / median(times.bare), 3),
    noNamesRatio: round(median(plainRatios), 3),
    editsRatio: edits ? round(median(times.edits) / median(times.bare), 3) : null,
    samplesMs: Object.fromEntries(Object.entries({ bare: times.bare, convertText: times.ours, convertTextNoNames: times.plain, convertEdits: times.edits }).map(([k, v]) => [k, v.map((x) => round(x))])),
    // characters where ours differs from bare opencc-js: the shielded names (姓范 stays 范 …)
    sanity: { charsDifferingFromBare: differ, sameLength: outBare.length === outOurs.length, edits: editCount },
  };
  log(`conversion: bare opencc-js ${fmtMs(median(times.bare))}, convertText ${fmtMs(median(times.ours))} (${fmtX(out.ratio)}), no names shielded ${fmtMs(median(times.plain))} (${fmtX(out.noNamesRatio)}), convertEdits ${fmtMs(median(times.edits))}`);
  return out;
}

if (want('conversion')) {
  try {
    log(`conversion: 1 MB to traditional × ${CONVERSION_RUNS}`);
    results.conversion = conversionBench();
  } catch (e) {
    results.errors.conversion = String(e.stack ?? e);
    log('conversion bench failed:', e);
  }
}

// ---------------------------------------------------------------- server

function hoverText(result) {
  return result == null ? '' : JSON.stringify(result.contents ?? result);
}

/** People to hover in `text`: an offset inside the name and the roles a hover should show. */
async function hoverTargets(text, max) {
  if (analyzer) {
    try {
      const { targets } = await analyzer.call('targets', text, { max });
      if (targets.length) return { source: 'analysis', targets };
    } catch (e) {
      results.errors.hoverTargets = String(e.message ?? e).split('\n')[0];
    }
  }
  // fallback: names after a title, as the examples write them
  const re = /(区委书记|县委书记|区长|县长|副区长|副县长)([\u4e00-\u9fff]{2,3}?)(?=主持|出席|通报|指出|强调|要求|汇报)/g;
  const all = [];
  for (let m; (m = re.exec(text));) all.push({ offset: m.index + m[1].length + 1, name: m[2], roles: [m[1]] });
  const step = Math.max(1, all.length / max);
  const out = [];
  for (let i = 0; i < all.length && out.length < max; i += step) out.push(all[Math.floor(i)]);
  return { source: 'regex', targets: out };
}

function startServer() {
  return new LspClient(SERVER_PATH, { env: { ZH_ARTICLE_BENCH: '1' } });
}

function openDoc(client, uri, text, version = 1) {
  return client.notify('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
}

function diagnosticsFor(client, uri, minVersion, timeoutMs) {
  const p = client.waitFor('textDocument/publishDiagnostics', (d) => d.uri === uri && (d.version == null || minVersion == null || d.version >= minVersion), timeoutMs);
  p.catch(() => {}); // handled where awaited; never an unhandled rejection when a run is abandoned
  return p;
}

async function coldRun(text, uri, target, { hover }) {
  const client = startServer();
  try {
    const spawned = client.spawnedAt;
    const init = await client.initialize();
    const initMs = init.at - spawned;
    const diag = diagnosticsFor(client, uri, 1, 20000);
    const opened = openDoc(client, uri, text);
    const out = { initMs: round(initMs) };
    if (hover) {
      const pos = new LineIndex(text).position(target.offset);
      const deadline = opened + 20000;
      let polls = 0;
      for (;;) {
        const r = await client.request('textDocument/hover', { textDocument: { uri }, position: pos }, 20000);
        polls++;
        const s = hoverText(r.result);
        if (target.roles.some((role) => s.includes(role))) {
          out.hoverMs = round(r.at - opened);
          out.polls = polls;
          out.hover = s.slice(0, 200);
          break;
        }
        if (performance.now() > deadline) throw new Error(`no hover with a role (${target.roles.join('、')}) for ${target.name} after 20 s; last answer: ${s.slice(0, 200)}`);
        await sleep(1);
      }
      const d = await diag;
      out.diagnosticsMs = round(d.at - opened);
    } else {
      const d = await diag;
      out.diagnosticsMs = round(d.at - opened);
      out.diagnostics = d.params.diagnostics.length;
    }
    return out;
  } finally {
    await client.close();
  }
}

async function serverBench() {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} does not exist (npm run build?)`);
  const out = {};
  const stat = (xs) => ({ medianMs: round(median(xs), 3), p99Ms: round(percentile(xs, 0.99), 3), firstMs: round(xs[0], 3), n: xs.length });

  // ---- cold server
  if (want('cold')) {
    const seedUri = fileUri(join(CORPUS_DIR, 'seed-like.txt'));
    const { targets: [seedTarget], source: seedSource } = await hoverTargets(seedLike, 1);
    if (!seedTarget) throw new Error('no person with a role found in the seed-like document');
    const cold = [];
    const coldHover = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      log(`server: cold run ${i + 1}/${COLD_RUNS}`);
      cold.push(await coldRun(seedLike, seedUri, seedTarget, { hover: false }));
      coldHover.push(await coldRun(seedLike, seedUri, seedTarget, { hover: true }));
    }
    out.cold = {
      document: 'bench/corpus/seed-like.txt',
      hoverTarget: { name: seedTarget.name, roles: seedTarget.roles, from: seedSource },
      initMs: round(median(cold.map((r) => r.initMs))),
      firstDiagnosticsMs: round(median(cold.map((r) => r.diagnosticsMs))),
      personHoverMs: round(median(coldHover.map((r) => r.hoverMs))),
      runs: cold,
      hoverRuns: coldHover,
    };
  }

  // ---- the 1 MB document: latency, then incremental edits
  if (want('latency') || want('incremental')) {
    const client = startServer();
    try {
      await client.initialize();
      out.syncKind = client.syncKind;
      const uri = fileUri(join(CORPUS_DIR, 'corpus-1mb.txt'));
      let text = oneMb;
      let version = 1;
      const diag = diagnosticsFor(client, uri, 1, 180000);
      // zhArticle/status comes once people, slogans and reports are computed (for a large document,
      // after the diagnostics, when the server sees a pause): the latency series start after it
      const ready = client.waitFor('zhArticle/status', (p) => p.uri === uri, 60000);
      ready.catch(() => {});
      const opened = openDoc(client, uri, text, version);
      const d = await diag;
      out.open1Mb = { diagnosticsMs: round(d.at - opened), diagnostics: d.params.diagnostics.length };
      log(`server: 1 MB didOpen → diagnostics ${fmtMs(d.at - opened)} (${d.params.diagnostics.length} diagnostics)`);
      try {
        out.open1Mb.statusMs = round((await ready).at - opened);
        log(`server: 1 MB didOpen → zhArticle/status (people, slogans, reports ready) ${fmtMs(out.open1Mb.statusMs)}`);
      } catch {
        log('server: no zhArticle/status for the 1 MB document within 60 s; measuring anyway');
      }
      await sleep(300);
      if (want('latency')) {
        const index = new LineIndex(text);
        const { targets, source } = await hoverTargets(text, LATENCY_REQUESTS);
        const hoverMs = [];
        let hoverWithRole = 0;
        // each series stops after LATENCY_REQUESTS requests or LATENCY_TIME_BOX_MS (at least 5 requests)
        const more = (i, t0) => i < LATENCY_REQUESTS && (i < 5 || performance.now() - t0 < LATENCY_TIME_BOX_MS);
        for (let i = 0, t0 = performance.now(); more(i, t0); i++) {
          const t = targets[i % targets.length];
          const r = await client.request('textDocument/hover', { textDocument: { uri }, position: index.position(t.offset) });
          hoverMs.push(r.ms);
          if (t.roles.some((role) => hoverText(r.result).includes(role))) hoverWithRole++;
        }
        // the same request repeated on the unchanged document: the first answer is computed, the
        // others may come from what the server kept (firstMs is reported apart)
        async function series(method, count) {
          const ms = [];
          let last = null;
          for (let i = 0, t0 = performance.now(); more(i, t0); i++) {
            const r = await client.request(method, { textDocument: { uri } });
            ms.push(r.ms);
            last = r.result;
          }
          return { ms, count: count(last) };
        }
        const symbols = await series('textDocument/documentSymbol', (r) => (Array.isArray(r) ? r.length : null));
        const folds = await series('textDocument/foldingRange', (r) => (Array.isArray(r) ? r.length : null));
        const lenses = await series('textDocument/codeLens', (r) => (Array.isArray(r) ? r.length : null));
        const tokens = await series('textDocument/semanticTokens/full', (r) => (r?.data ? r.data.length / 5 : null));
        out.latency1Mb = {
          hover: { ...stat(hoverMs), targetsFrom: source, answersWithRole: hoverWithRole },
          documentSymbol: { ...stat(symbols.ms), topLevelSymbols: symbols.count },
          foldingRange: { ...stat(folds.ms), ranges: folds.count },
          codeLens: { ...stat(lenses.ms), lenses: lenses.count },
          semanticTokensFull: { ...stat(tokens.ms), tokens: tokens.count },
        };
        log(`server: hover ${fmtMs(median(hoverMs))}, documentSymbol ${fmtMs(median(symbols.ms))} (first ${fmtMs(symbols.ms[0])}), foldingRange ${fmtMs(median(folds.ms))}, codeLens ${fmtMs(median(lenses.ms))}, semanticTokens ${fmtMs(median(tokens.ms))} (first ${fmtMs(tokens.ms[0])})`);
      }

      // one-character edits in the middle, sent as range edits (incremental sync)
      if (want('incremental')) {
        const incremental = client.syncKind === 2;
        const edits = out.open1Mb.diagnosticsMs > 5000 ? 3 : INCREMENTAL_EDITS; // a slow server gets fewer
        /** `count` one-character edits in the middle → [ms to the next publishDiagnostics, diagnostics it held] */
        async function typeIn(count) {
          const editMs = [];
          let published = 0;
          for (let i = 0; i < count; i++) {
            let at = Math.floor(text.length / 2) + i * 997;
            while (at < text.length && (/\s/.test(text[at - 1]) || (text.charCodeAt(at) & 0xfc00) === 0xdc00)) at++;
            const ch = '的';
            const pos = new LineIndex(text).position(at);
            text = text.slice(0, at) + ch + text.slice(at);
            version++;
            const change = incremental ? { range: { start: pos, end: pos }, rangeLength: 0, text: ch } : { text };
            const wait = diagnosticsFor(client, uri, version, 180000);
            const sent = client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
            const r = await wait;
            editMs.push(r.at - sent);
            published = r.params.diagnostics.length;
            await sleep(100);
          }
          return { editMs, published };
        }
        // the server collects the garbage once quiet after the latency series: the edits start after it
        await sleep(3000);
        const { editMs, published } = await typeIn(edits);
        out.incremental = { sync: incremental ? 'incremental' : 'full', published, ...stat(editMs), samplesMs: editMs.map((x) => round(x)) };
        log(`server: one-character edit → diagnostics ${fmtMs(median(editMs))} (${out.incremental.sync} sync, ${published} published; each: ${editMs.map((x) => x.toFixed(1)).join(' ')})`);
        // The same with every problem published (zhArticle.maxNumberOfProblems 0), which VS Code
        // would cut to 1,000 itself: what the limit saves, not a budget.
        client.requestHandlers['workspace/configuration'] = (params) => (params?.items ?? []).map(() => ({ maxNumberOfProblems: 0 }));
        const all = diagnosticsFor(client, uri, version, 180000);
        client.notify('workspace/didChangeConfiguration', { settings: null });
        await all;
        await sleep(500);
        const uncapped = await typeIn(edits);
        out.incrementalAll = { published: uncapped.published, ...stat(uncapped.editMs), samplesMs: uncapped.editMs.map((x) => round(x)) };
        log(`server: the same with all ${uncapped.published} problems published: ${fmtMs(median(uncapped.editMs))}`);
      }
    } finally {
      await client.close();
    }
  }

  // ---- memory: ten distinct 1 MB documents
  if (want('memory')) {
    const mem = startServer();
    try {
      await mem.initialize();
      const base = mem.rssKiB();
      const perDoc = [];
      for (let i = 0; i < memoryDocs.length; i++) {
        const uri = fileUri(join(CORPUS_DIR, `doc-${i}.txt`));
        const wait = diagnosticsFor(mem, uri, 1, 180000);
        const sent = openDoc(mem, uri, memoryDocs[i]);
        const r = await wait;
        perDoc.push({ diagnosticsMs: round(r.at - sent), rssMB: toMB(mem.rssKiB().rss) });
      }
      await sleep(1000);
      const end = mem.rssKiB();
      out.memory = {
        documents: memoryDocs.length,
        // MB = 10^6 bytes: the stricter reading of the 250 MB budget
        baselineRssMB: toMB(base.rss),
        rssMB: toMB(end.rss),
        peakRssMB: toMB(end.hwm),
        perDoc,
      };
      log(`server: RSS with ${memoryDocs.length} × 1 MB open: ${out.memory.rssMB} MB (peak ${out.memory.peakRssMB} MB)`);
    } finally {
      await mem.close();
    }
  }
  return out;
}

if (['cold', 'latency', 'incremental', 'memory'].some(want)) {
  try {
    results.server = await serverBench();
  } catch (e) {
    results.errors.server = String(e.stack ?? e);
    log('server bench failed:', e.message ?? e);
  }
}

if (want('corpus')) {
  try {
    results.workspace = await workspaceBench({ root: ROOT, serverPath: SERVER_PATH, corpusDir: CORPUS_DIR, examples, log });
    results.workspace.date = new Date().toISOString();
  } catch (e) {
    results.errors.corpus = String(e.stack ?? e);
    log('corpus bench failed:', e.message ?? e);
  }
}

await analyzer?.stop();
results.loadAverageAtEnd = os.loadavg().map((x) => round(x));

// ---------------------------------------------------------------- budgets and report

const A = results.analysis?.sizes ?? {};
const a1 = A['1 MB'];
const S = results.server ?? {};
/** a budget row; a partial run shows only the rows of the parts it measured */
function budget(name, measured, limit, pass, note, part) {
  if (part && !want(part)) return;
  results.budgets.push({ name, measured, limit, result: pass == null ? 'MISS' : pass ? 'PASS' : 'MISS', note: pass == null ? (note ?? 'not measured') : note, part });
}
{
  const an = a1?.medianMs.analysis, jb = a1?.medianMs.nodejieba;
  const r = an != null && jb ? an / jb : null;
  budget('Full analysis of 1 MB vs nodejieba cut of the same text', r == null ? '—' : `${fmtX(r)} (${fmtMs(an)} vs ${fmtMs(jb)})`, `≤ ${BUDGET.analysisVsJieba.toFixed(1)}×`, r == null ? null : r <= BUDGET.analysisVsJieba, undefined, 'analysis');
  budget('Full analysis of 1 MB', fmtMs(an), `< ${BUDGET.analysis1MbMs} ms`, an == null ? null : an < BUDGET.analysis1MbMs, undefined, 'analysis');
  const dm = a1?.partsMedianMs?.damage;
  budget('Damage diagnostics of 1 MB (analyzeDamage: every diagnostic but mixed-script)', fmtMs(dm), `< ${BUDGET.damage1MbMs} ms`, dm == null ? null : dm < BUDGET.damage1MbMs, undefined, 'analysis');
  const pm = a1?.partsMedianMs?.people;
  budget('People of 1 MB (findPeople on the normalised view) vs nodejieba cut of the same text', pm == null || !jb ? '—' : `${fmtX(pm / jb)} (${fmtMs(pm)} vs ${fmtMs(jb)})`, `≤ ${BUDGET.peopleVsJieba.toFixed(1)}×`, pm == null || !jb ? null : pm / jb <= BUDGET.peopleVsJieba, undefined, 'analysis');
  const cv = results.conversion;
  budget('Converting 1 MB to traditional: convertText (names shielded) vs bare opencc-js cn→t on the same string, median of per-run ratios',
    cv == null ? '—' : `${fmtX(cv.ratio)} (${fmtMs(cv.medianMs.convertText)} vs ${fmtMs(cv.medianMs.bare)})`, `≤ ${BUDGET.conversionVsOpencc.toFixed(1)}×`,
    cv == null ? null : cv.ratio <= BUDGET.conversionVsOpencc, undefined, 'conversion');
  const fd = S.cold?.firstDiagnosticsMs;
  budget('Cold server: didOpen → first publishDiagnostics', fmtMs(fd), `< ${BUDGET.firstDiagnosticsMs} ms`, fd == null ? null : fd < BUDGET.firstDiagnosticsMs, undefined, 'cold');
  const inc = S.incremental?.medianMs;
  budget(`One-character didChange on 1 MB → publishDiagnostics (${S.incremental?.sync ?? '?'} sync), median`, fmtMs(inc), `< ${BUDGET.incrementalMs} ms`, inc == null ? null : inc < BUDGET.incrementalMs, undefined, 'incremental');
  const hv = S.latency1Mb?.hover.medianMs;
  budget('Hover on a person in the 1 MB document, median', fmtMs(hv), `< ${BUDGET.hoverMedianMs} ms`, hv == null ? null : hv < BUDGET.hoverMedianMs, undefined, 'latency');
  const ds = S.latency1Mb?.documentSymbol;
  budget('documentSymbol on the 1 MB document, median', ds == null ? '—' : `${fmtMs(ds.medianMs)} (first, computed: ${fmtMs(ds.firstMs)})`, `< ${BUDGET.documentSymbolMedianMs} ms`, ds == null ? null : ds.medianMs < BUDGET.documentSymbolMedianMs, undefined, 'latency');
  const rss = S.memory?.rssMB;
  budget(`Server RSS with ${MEMORY_DOCS} distinct 1 MB documents open`, rss == null ? '—' : `${rss.toFixed(0)} MB`, `< ${BUDGET.rssMb} MB`, rss == null ? null : rss < BUDGET.rssMb, undefined, 'memory');
  const per = Object.values(A).map((e) => e.msPerMb.analysis).filter((x) => x != null);
  const spread = per.length === SIZES.length && per.length > 1 ? Math.max(...per) / Math.min(...per) : null;
  const tooLarge = Object.entries(A).filter(([, e]) => e.sanity?.analysis?.fileTooLarge).map(([k]) => k);
  const gaveUp = Object.entries(A).filter(([, e]) => e.medianMs.analysis == null && e.analysisNote).map(([k, e]) => `${k}: ${e.analysisNote}`);
  budget(`Analysis time per MB across ${SIZES.map((s) => s.label).join(' / ')} (max ÷ min)`, spread == null ? '—' : `${fmtX(spread)} (${per.map((x) => `${x.toFixed(0)}`).join(' / ')} ms/MB)`, `≤ ${BUDGET.perMbSpread}×`,
    spread == null ? null : spread <= BUDGET.perMbSpread && !tooLarge.length,
    tooLarge.length ? `the analyser answered file-too-large at ${tooLarge.join(', ')}` : gaveUp.length ? gaveUp.join('; ') : QUICK ? 'no 10 MB with --quick' : undefined, 'analysis');
  for (const [name, measured, limit, pass] of workspaceBudgets(results.workspace)) budget(name, measured, limit, pass, undefined, 'corpus');
}

const budgetTable = (rows) => ['| Budget | Measured | Limit | Result |', '| --- | --- | --- | --- |', ...rows.map((b) => `| ${b.name} | ${b.measured}${b.note ? ` (${b.note})` : ''} | ${b.limit} | ${b.result} |`)];
/** The corpus part's section of RESULTS.md, between markers so that `--only corpus` can replace it alone. */
function workspaceSection(w, budgets) {
  if (!w) return '';
  return ['<!-- workspace -->', `## A workspace of ${w.files.toLocaleString('en')} articles (issue 18)`, '', `Measured ${w.date.slice(0, 10)}.`, '',
    ...budgetTable(budgets), '', ...workspaceMarkdown(w), '<!-- /workspace -->', ''].join('\n');
}

function markdown() {
  const L = [];
  L.push(`Measured ${results.date.slice(0, 10)} on ${results.cpu} (${results.cores} cores, ${results.memoryGiB} GiB), Node ${results.node}, load average ${results.loadAverageAtStart[0]} at start${QUICK ? ' — **--quick run, not for the README**' : ''}${ONLY ? ` — **--only ${[...ONLY].join(',')}: a partial run, not for the README**` : ''}.`, '');
  L.push(...budgetTable(results.budgets.filter((b) => b.part !== 'corpus')));
  L.push('');
  if (Object.keys(A).length) {
    const names = ['analysis', 'nodejieba', 'autocorrect', 'opencc', 'regex'];
    const has = (n) => Object.values(A).some((e) => e.medianMs[n] != null);
    L.push('Same texts, medians (analysis ÷ tool in brackets); corpora built from `examples/` by `bench/corpus.mjs`:', '');
    L.push('| Size | analyzeDocument | ms/MB | nodejieba cut | autocorrect lintFor | opencc-js cn→t | regex `[\\u4e00-\\u9fff]+` |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const [label, e] of Object.entries(A)) {
      const cell = (n) => {
        if (!has(n)) return '—';
        const r = e.ratios?.[n];
        return `${fmtMs(e.medianMs[n])}${r != null ? ` (${fmtX(r)})` : ''}`;
      };
      L.push(`| ${label} (${(e.bytes / MB).toFixed(2)} MB, ${e.runs} runs) | ${fmtMs(e.medianMs.analysis)}${e.analysisNote ? ` (${e.analysisNote})` : ''} | ${e.msPerMb.analysis == null ? '—' : e.msPerMb.analysis.toFixed(0)} | ${names.slice(1).map(cell).join(' | ')} |`);
    }
    L.push('');
  }
  if (results.conversion) {
    const c = results.conversion;
    L.push(`Converting the 1 MB document (${c.chars} characters) to traditional, ${c.runs} alternating runs, medians; ${c.protectedSpans} name mentions shielded as the conversion command does (${c.sanity.charsDifferingFromBare ?? '?'} characters differ from bare opencc-js):`, '');
    L.push('| bare opencc-js cn→t | convertText, names shielded | convertText, no names shielded | convertEdits, names shielded (the server command\'s edits) |', '| --- | --- | --- | --- |');
    L.push(`| ${fmtMs(c.medianMs.bare)} | ${fmtMs(c.medianMs.convertText)} (${fmtX(c.ratio)}) | ${fmtMs(c.medianMs.convertTextNoNames)} (${fmtX(c.noNamesRatio)}) | ${fmtMs(c.medianMs.convertEdits)}${c.editsRatio != null ? ` (${fmtX(c.editsRatio)})` : ''} |`);
    L.push('');
  }
  if (results.server) {
    const s = results.server;
    L.push('Server (no budget where none is given):', '');
    L.push('| Measure | Median | p99 |', '| --- | --- | --- |');
    if (s.cold) {
      L.push(`| Cold server: spawn → initialize result (${s.cold.runs.length} runs) | ${fmtMs(s.cold.initMs)} | |`);
      L.push(`| Cold server: didOpen → first publishDiagnostics (${(results.corpus.seedLike.bytes / KB).toFixed(1)} KB document) | ${fmtMs(s.cold.firstDiagnosticsMs)} | |`);
      L.push(`| Cold server: didOpen → hover on ${s.cold.hoverTarget.name} shows a role | ${fmtMs(s.cold.personHoverMs)} | |`);
    }
    if (s.open1Mb) L.push(`| 1 MB document: didOpen → publishDiagnostics (${s.open1Mb.diagnostics} diagnostics) | ${fmtMs(s.open1Mb.diagnosticsMs)} | |`);
    if (s.open1Mb?.statusMs != null) L.push(`| 1 MB document: didOpen → zhArticle/status (people, slogans and reports computed) | ${fmtMs(s.open1Mb.statusMs)} | |`);
    if (s.latency1Mb) {
      const l = s.latency1Mb;
      L.push(`| hover, 1 MB (${l.hover.n} requests, ${l.hover.answersWithRole} showed the role) | ${fmtMs(l.hover.medianMs)} | ${fmtMs(l.hover.p99Ms)} |`);
      const first = (x) => (x?.firstMs == null ? '' : `; first, computed: ${fmtMs(x.firstMs)}`);
      L.push(`| documentSymbol, 1 MB (${l.documentSymbol.topLevelSymbols ?? '?'} top-level symbols${first(l.documentSymbol)}) | ${fmtMs(l.documentSymbol.medianMs)} | ${fmtMs(l.documentSymbol.p99Ms)} |`);
      if (l.foldingRange) L.push(`| foldingRange, 1 MB (${l.foldingRange.ranges ?? '?'} ranges${first(l.foldingRange)}) | ${fmtMs(l.foldingRange.medianMs)} | ${fmtMs(l.foldingRange.p99Ms)} |`);
      if (l.codeLens) L.push(`| codeLens, 1 MB (${l.codeLens.lenses ?? '?'} lenses${first(l.codeLens)}) | ${fmtMs(l.codeLens.medianMs)} | ${fmtMs(l.codeLens.p99Ms)} |`);
      L.push(`| semanticTokens/full, 1 MB (${l.semanticTokensFull.tokens ?? '?'} tokens${first(l.semanticTokensFull)}) | ${fmtMs(l.semanticTokensFull.medianMs)} | ${fmtMs(l.semanticTokensFull.p99Ms)} |`);
    }
    if (s.incremental) L.push(`| one-character didChange → publishDiagnostics, 1 MB (${s.incremental.n} edits, ${s.incremental.published ?? '?'} diagnostics published: zhArticle.maxNumberOfProblems) | ${fmtMs(s.incremental.medianMs)} | ${fmtMs(s.incremental.p99Ms)} |`);
    if (s.incrementalAll) L.push(`| the same with every problem published (maxNumberOfProblems 0: ${s.incrementalAll.published} diagnostics, which VS Code cuts to 1,000 itself) | ${fmtMs(s.incrementalAll.medianMs)} | ${fmtMs(s.incrementalAll.p99Ms)} |`);
    if (s.memory) L.push(`| RSS: after initialize / with ${s.memory.documents} × 1 MB open / peak (MB = 10⁶ bytes) | ${s.memory.baselineRssMB} / ${s.memory.rssMB} / ${s.memory.peakRssMB} MB | |`);
    L.push('');
  }
  if (results.workspace) L.push(workspaceSection(results.workspace, results.budgets.filter((b) => b.part === 'corpus')));
  const errs = Object.entries(results.errors);
  if (errs.length) {
    L.push('Not measured:', '');
    for (const [k, v] of errs) L.push(`- ${k}: ${String(v).split('\n')[0]}`);
    L.push('');
  }
  return L.join('\n');
}

const md = markdown();
if (!PARTIAL) {
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(HERE, 'RESULTS.md'), `# Benchmark results\n\n\`npm run bench\` (bench/run.mjs); budgets in bench/run.mjs, raw numbers in bench/results.json.\n\n${md}`);
}
if (PARTIAL && !QUICK && ONLY?.size === 1 && ONLY.has('corpus') && results.workspace) {
  // the corpus part alone: its section of RESULTS.md and its keys of results.json, the rest kept
  const old = existsSync(join(HERE, 'results.json')) ? JSON.parse(readFileSync(join(HERE, 'results.json'), 'utf8')) : { budgets: [] };
  old.workspace = results.workspace;
  old.budgets = old.budgets.filter((b) => b.part !== 'corpus').concat(results.budgets);
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(old, null, 2) + '\n');
  const section = workspaceSection(results.workspace, results.budgets);
  const prev = existsSync(join(HERE, 'RESULTS.md')) ? readFileSync(join(HERE, 'RESULTS.md'), 'utf8') : '# Benchmark results\n\n';
  const marked = /<!-- workspace -->[\s\S]*?<!-- \/workspace -->\n?/u;
  writeFileSync(join(HERE, 'RESULTS.md'), marked.test(prev) ? prev.replace(marked, section) : `${prev.trimEnd()}\n\n${section}`);
  log('wrote the corpus section of bench/RESULTS.md and `workspace` in bench/results.json');
}
console.log(md);
const missed = results.budgets.filter((b) => b.result === 'MISS').length;
log(`${results.budgets.length - missed} of ${results.budgets.length} budgets met; ${PARTIAL ? 'a partial run (--quick, --only) writes no files' : 'wrote bench/results.json and bench/RESULTS.md'}`);
