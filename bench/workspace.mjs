// The corpus at scale (issue 18), a part of `npm run bench` (--only corpus runs it alone):
//   - a generated workspace of 5,000 articles (~10 MB; file names dated over six years);
//   - the language server indexing it in the background: initialize → full index, RSS, the
//     progress notifications, the views' first and cached answers, and how soon a view's answer
//     holds a change (a file changed on disk; an edit in an open document);
//   - `zh-article export` on it with 1 worker and with one per core: throughput per core, speed-up.
import { mkdirSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildCorpus, mulberry32 } from './corpus.mjs';
import { LspClient } from './lsp.mjs';

export const WORKSPACE_FILES = Number(process.env.ZH_BENCH_WORKSPACE_FILES ?? 5000);
export const WORKSPACE_BUDGET = { fullIndexMs: 30_000, rssMb: 400, refreshMs: 200 };
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const CHANGES = 10;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null; };
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** 5,000 articles, one mutated example each, under YYYY/YYYY-MM-DD-NNNN.txt. */
function buildWorkspace(dir, examples, log) {
  rmSync(dir, { recursive: true, force: true });
  const rng = mulberry32(18);
  let bytes = 0;
  for (let i = 0; i < WORKSPACE_FILES; i++) {
    const year = YEARS[i % YEARS.length];
    const mm = String(1 + Math.floor(rng() * 12)).padStart(2, '0'), dd = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
    const text = buildCorpus(examples, 1, 18_000 + i);
    mkdirSync(join(dir, String(year)), { recursive: true });
    writeFileSync(join(dir, String(year), `${year}-${mm}-${dd}-${String(i).padStart(4, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  log(`workspace: ${WORKSPACE_FILES} articles, ${(bytes / 1048576).toFixed(1)} MB in ${dir}`);
  return bytes;
}

async function serverPart(serverPath, dir, log) {
  const client = new LspClient(serverPath, { env: { ZH_ARTICLE_BENCH: '1' } });
  const progress = [];
  client.on('zhArticle/corpusChanged', (p) => { if (p.indexing) progress.push(p.indexing.done); });
  const out = {};
  try {
    await client.initialize({ rootUri: pathToFileURL(dir).href });
    const t0 = performance.now();
    // the first answer waits for the whole scan
    const months = await client.request('zhArticle/corpus', { view: 'months' }, 300_000);
    out.fullIndexMs = round(performance.now() - t0, 0);
    out.reports = months.result.reduce((a, m) => a + m.count, 0);
    out.months = months.result.length;
    out.years = [...new Set(months.result.map((m) => m.month.slice(0, 4)).filter((y) => /^\d{4}$/u.test(y)))].length;
    out.progressNotifications = progress.length;
    const rss = client.rssKiB();
    out.rssMb = round(rss.rss / 1024, 0);
    out.peakRssMb = round(rss.hwm / 1024, 0);
    log(`index: ${out.fullIndexMs} ms, ${out.reports} reports, RSS ${out.rssMb} MB (peak ${out.peakRssMb})`);
    const timed = async (q) => { const r = await client.request('zhArticle/corpus', q); return { ms: r.ms, result: r.result }; };
    const people = await timed({ view: 'people' });
    out.people = people.result.total;
    out.views = {
      peopleFirstMs: round(people.ms, 1),
      peopleByNameMs: round((await timed({ view: 'people', sort: 'name' })).ms, 1),
      personMs: round((await timed({ view: 'person', key: people.result.people[0].key })).ms, 1),
      slogansMs: round((await timed({ view: 'slogans' })).ms, 1),
      reportsOfMonthMs: round((await timed({ view: 'reports', month: months.result[0].month })).ms, 1),
      filterMs: round((await timed({ view: 'people', filter: '书记' })).ms, 1),
    };
    /** ms from `sent` until the People view's answer lists `name` */
    const untilListed = async (name, sent) => {
      for (;;) {
        const r = await client.request('zhArticle/corpus', { view: 'people', filter: name });
        if (r.result.people.length) return performance.now() - sent;
      }
    };
    // a file changes on disk: how soon the People view's answer holds it (the notification to the client comes 300 ms later, debounced)
    const onDisk = [];
    const file = join(dir, String(YEARS[0]), 'changed.txt');
    for (let k = 0; k < CHANGES; k++) {
      const name = `柳青${'禾苗松柏竹梅兰菊桃李'[k]}`;
      writeFileSync(file, `桃溪县召开安全生产会议\n\n本报讯 5月6日，桃溪县召开安全生产会议。副县长${name}出席会议并讲话。\n`);
      const sent = performance.now();
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: k ? 2 : 1 }] });
      onDisk.push(await untilListed(name, sent));
    }
    out.refreshOnDiskMs = round(median(onDisk), 1);
    out.refreshOnDiskMaxMs = round(Math.max(...onDisk), 1);
    // an edit in an open document (as one types): didChange → the view's answer holds it
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text: readFileSync(file, 'utf8') } });
    const edits = [];
    for (let k = 0; k < CHANGES; k++) {
      const name = `石文${'渊澜涛波浩源泽洋清溪'[k]}`;
      const sent = client.notify('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [{ text: `桃溪县召开会议\n\n本报讯 5月6日，桃溪县召开会议。县长${name}出席会议。\n` }] });
      edits.push(await untilListed(name, sent));
    }
    out.refreshEditMs = round(median(edits), 1);
    out.refreshEditMaxMs = round(Math.max(...edits), 1);
    out.rssAfterMb = round(client.rssKiB().rss / 1024, 0);
    log(`refresh: on disk ${out.refreshOnDiskMs} ms, edit ${out.refreshEditMs} ms; views ${JSON.stringify(out.views)}`);
  } finally {
    await client.close();
  }
  return out;
}

function exportPart(cli, dir, bytes, log) {
  const cores = os.availableParallelism();
  const run = (jobs) => {
    const target = join(os.tmpdir(), `zh-bench-export-${process.pid}.jsonl`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'export', '--jobs', String(jobs), '--no-progress', '-o', target, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`export --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const size = statSync(target).size;
    const records = readFileSync(target, 'utf8').split('\n').length - 1;
    rmSync(target, { force: true });
    return { jobs, ms: round(ms, 0), mbPerS: round(bytes / 1048576 / (ms / 1000), 2), mbPerSPerCore: round(bytes / 1048576 / (ms / 1000) / jobs, 2), records, outputMb: round(size / 1048576, 1) };
  };
  const one = run(1);
  const all = run(cores);
  log(`export: 1 worker ${one.ms} ms, ${cores} workers ${all.ms} ms`);
  return { cores, one, all, speedup: round(one.ms / all.ms, 2) };
}

export async function workspaceBench({ root, serverPath, corpusDir, examples, log }) {
  const dir = join(corpusDir, 'workspace');
  const bytes = buildWorkspace(dir, examples, log);
  const out = { files: WORKSPACE_FILES, mb: round(bytes / 1048576, 2), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) };
  out.server = await serverPart(serverPath, dir, log);
  out.export = exportPart(join(root, 'bin', 'zh-article.js'), dir, bytes, log);
  out.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  return out;
}

/** The budget rows: [name, measured, limit, pass]. */
export function workspaceBudgets(w) {
  const s = w?.server ?? {};
  const B = WORKSPACE_BUDGET;
  const ms = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x} ms`);
  return [
    [`Workspace of ${WORKSPACE_FILES.toLocaleString('en')} articles (${w?.mb ?? '?'} MB): initialize → full index (background scan)`, ms(s.fullIndexMs), `≤ ${B.fullIndexMs / 1000} s`, s.fullIndexMs == null ? null : s.fullIndexMs <= B.fullIndexMs],
    ['Server RSS with the full workspace index (peak in brackets)', s.rssMb == null ? '—' : `${s.rssMb} MB (${s.peakRssMb} MB)`, `≤ ${B.rssMb} MB`, s.rssMb == null ? null : s.peakRssMb <= B.rssMb],
    [`View refresh after one file changes on disk: didChangeWatchedFiles → the People view's answer holds it (median of ${CHANGES}; max in brackets)`, s.refreshOnDiskMs == null ? '—' : `${ms(s.refreshOnDiskMs)} (${ms(s.refreshOnDiskMaxMs)})`, `≤ ${B.refreshMs} ms`, s.refreshOnDiskMs == null ? null : s.refreshOnDiskMaxMs <= B.refreshMs],
    [`View refresh after an edit in an open document: didChange → the answer holds it (median of ${CHANGES}; max in brackets)`, s.refreshEditMs == null ? '—' : `${ms(s.refreshEditMs)} (${ms(s.refreshEditMaxMs)})`, `≤ ${B.refreshMs} ms`, s.refreshEditMs == null ? null : s.refreshEditMaxMs <= B.refreshMs],
  ];
}

/** The rows without budgets, as Markdown lines. */
export function workspaceMarkdown(w) {
  if (!w) return [];
  const s = w.server ?? {}, v = s.views ?? {}, e = w.export;
  const L = [`Workspace of ${w.files} articles, ${w.mb} MB (load average ${w.loadAverageAtStart?.[0]} at its start, ${w.loadAverageAtEnd?.[0]} at its end; the machine is shared):`, ''];
  L.push('| Measure | Value |', '| --- | --- |');
  L.push(`| Index: ${s.reports} reports in ${s.months} months over ${s.years} years, ${s.people} people; progress notifications during the scan | ${s.progressNotifications} |`);
  L.push(`| People view: first answer (aggregates the index) / sorted by name (each name's pinyin computed the first time) | ${v.peopleFirstMs} / ${v.peopleByNameMs} ms |`);
  L.push(`| One person's roles and reports / Slogans / one month's reports / a filter | ${v.personMs} / ${v.slogansMs} / ${v.reportsOfMonthMs} / ${v.filterMs} ms |`);
  L.push(`| RSS after the refresh runs | ${s.rssAfterMb} MB |`);
  if (e) {
    L.push(`| export, 1 worker: time / throughput | ${(e.one.ms / 1000).toFixed(1)} s / ${e.one.mbPerS} MB/s (${e.one.records} records, ${e.one.outputMb} MB of JSON Lines) |`);
    L.push(`| export, ${e.cores} workers (one per core): time / throughput / per core | ${(e.all.ms / 1000).toFixed(1)} s / ${e.all.mbPerS} MB/s / ${e.all.mbPerSPerCore} MB/s |`);
    L.push(`| export speed-up from 1 to ${e.cores} workers | ${e.speedup}× |`);
  }
  L.push('');
  return L;
}
