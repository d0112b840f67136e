// zh-article export DIR|FILE… [--format jsonl|csv] [-o FILE] [--jobs N]: the annotations of a
// corpus for research tools, one record per person mention and per slogan occurrence (schema in
// the README, "Export"). Files are analysed by worker threads, one per core; records are written
// in file order as they come, so memory stays bounded by the files in flight, not the corpus.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');

const USAGE = `Usage: zh-article export [options] FILE|DIR…

Writes one record per person mention and one per slogan occurrence (schema: README, "Export").

Options:
  --format jsonl|csv   output format (default jsonl)
  -o, --output FILE    write to FILE instead of standard output
  --jobs N             worker threads (default: one per core, ${os.availableParallelism()} here)
  --max-size MB        skip files larger than this (default 20)
  --no-progress        no progress bar on standard error
  -h, --help           show this help`;

/** files each worker may hold at once: enough to keep it busy while its last result is written */
const IN_FLIGHT_PER_WORKER = 4;

function parseExportArgs(argv) {
  const o = { files: [], format: 'jsonl', output: null, jobs: os.availableParallelism(), maxSize: 20, progress: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i], value;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) { value = a.slice(eq + 1); a = a.slice(0, eq); }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw new Error(`option ${a} needs a value`);
      return argv[++i];
    };
    if (!a.startsWith('-') || a === '-') { o.files.push(a); continue; }
    switch (a) {
      case '--format': o.format = next(); if (!['jsonl', 'csv'].includes(o.format)) throw new Error(`--format must be jsonl or csv, not "${o.format}"`); break;
      case '-o': case '--output': o.output = next(); break;
      case '--jobs': o.jobs = Number(next()); if (!(Number.isInteger(o.jobs) && o.jobs > 0)) throw new Error('--jobs must be a positive whole number'); break;
      case '--max-size': o.maxSize = Number(next()); if (!(o.maxSize > 0)) throw new Error('--max-size must be a positive number of MB'); break;
      case '--no-progress': o.progress = false; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

/** A progress bar on a terminal's standard error, redrawn at most ten times a second. */
function progressBar(total, enabled) {
  const show = enabled && process.stderr.isTTY && total > 1;
  let last = 0;
  const t0 = Date.now();
  return {
    update(done, bytes) {
      const now = Date.now();
      if (!show || (now - last < 100 && done < total)) return;
      last = now;
      const width = Math.max(10, Math.min(40, (process.stderr.columns || 80) - 50));
      const filled = Math.round((done / total) * width);
      const rate = bytes / 1048576 / Math.max(0.001, (now - t0) / 1000);
      process.stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files  ${rate.toFixed(1)} MB/s`);
    },
    done() { if (show) process.stderr.write('\r\x1b[K'); },
  };
}

/**
 * Run the export. Resolves with the exit code: 0, 1 when a file could not be analysed
 * (it is named on standard error and left out), 2 on a usage error or a missing path.
 */
async function run(argv, { stdout = process.stdout, lang = 'en' } = {}) {
  let o;
  try { o = parseExportArgs(argv); } catch (e) {
    process.stderr.write(`zh-article export: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (o.help) { stdout.write(USAGE + '\n'); return 0; }
  if (!o.files.length) { process.stderr.write(`zh-article export: no files given\n\n${USAGE}\n`); return 2; }
  const server = path.join(__dirname, '..', 'server', 'out');
  if (!fs.existsSync(path.join(server, 'features', 'annotations.js'))) {
    process.stderr.write(`zh-article: the server is not built (${server} missing): run npm run build first\n`);
    return 2;
  }
  const { expandPaths } = require('./zh-article.js');
  const { exportHeader } = require(path.join(server, 'features', 'annotations.js'));
  let exit = 0;
  const files = expandPaths(o.files, (p, e) => {
    process.stderr.write(`zh-article: ${p}: ${e && e.code === 'ENOENT' ? 'no such file or directory' : (e && e.message) || e}\n`);
    exit = 2;
  });

  const out = o.output ? fs.createWriteStream(o.output) : stdout;
  const writeFailed = new Promise((_, reject) => out.on('error', reject));
  const write = (s) => (out.write(s) ? null : Promise.race([new Promise((r) => out.once('drain', r)), writeFailed]));
  const bar = progressBar(files.length, o.progress);
  const jobs = Math.max(1, Math.min(o.jobs, files.length));
  const workers = Array.from({ length: jobs }, () => new Worker(path.join(__dirname, 'export-worker.js'), { workerData: { format: o.format, maxSize: o.maxSize, lang } }));
  const results = new Map();
  let next = 0, written = 0, records = 0, bytes = 0;
  let wake = null;
  for (const w of workers) {
    w.on('message', (m) => { results.set(m.index, m); if (wake) { const f = wake; wake = null; f(); } });
    w.on('error', (e) => { results.set(-1, { error: e }); if (wake) { const f = wake; wake = null; f(); } });
  }
  const busy = new Map(workers.map((w) => [w, 0]));
  const owner = new Map();
  const dispatch = () => {
    for (const w of workers) {
      while (next < files.length && busy.get(w) < IN_FLIGHT_PER_WORKER) {
        busy.set(w, busy.get(w) + 1);
        owner.set(next, w);
        w.postMessage({ index: next, file: files[next] });
        next++;
      }
    }
  };
  try {
    await write(exportHeader(o.format));
    dispatch();
    while (written < files.length) {
      if (results.has(-1)) throw results.get(-1).error;
      const r = results.get(written);
      if (!r) { await new Promise((res) => { wake = res; }); continue; }
      results.delete(written);
      const w = owner.get(written);
      owner.delete(written);
      busy.set(w, busy.get(w) - 1);
      written++;
      if (r.problem) { process.stderr.write(`\r\x1b[Kzh-article: ${r.file}: ${r.problem}\n`); exit = Math.max(exit, 1); }
      records += r.records || 0;
      bytes += r.bytes || 0;
      // the next file goes out before this one's records are written: the workers never wait for the disk
      dispatch();
      if (r.data && r.data.length) await write(r.data);
      bar.update(written, bytes);
    }
  } finally {
    bar.done();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (o.output) await Promise.race([new Promise((r) => out.end(r)), writeFailed]);
  if (o.progress && files.length > 1) process.stderr.write(`${records} record(s) from ${files.length} file(s)${o.output ? ` → ${o.output}` : ''}\n`);
  return exit;
}

module.exports = { run, parseExportArgs, USAGE };
