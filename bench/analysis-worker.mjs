// Runs analyzeDocument in a worker thread so that bench/run.mjs can give up on a call that
// takes too long (a pure synchronous function cannot be interrupted in its own thread).
// The time is taken here, around the call alone: the text's transfer is not counted.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { dirname, join } from 'node:path';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const require = createRequire(import.meta.url);
const { analyzeDocument, analyzeDamage } = require(workerData.analysisPath);
// the parts issues #3 and #5 budget on their own, when the analyser has them: the damage tier
// (what the diagnostics show) and the people pass over the normalised view
const optional = (file) => { try { return require(join(dirname(workerData.analysisPath), file)); } catch { return {}; } };
const { findPeople } = optional('people.js');
const { buildView } = optional('normalize.js');
if (typeof analyzeDocument !== 'function') throw new Error(`${workerData.analysisPath} exports no analyzeDocument`);

// An analyser with a segmenter module (one measured through ZH_BENCH_ANALYSIS) loads its
// dictionary lazily: load it up front, as nodejieba's load()
// is left out of nodejieba's time.
let segmenterLoadMs = null;
try {
  const seg = require(join(dirname(workerData.analysisPath), 'segmenter.js'));
  if (typeof seg.loadSegmenter === 'function') {
    const t0 = performance.now();
    seg.loadSegmenter();
    segmenterLoadMs = performance.now() - t0;
  }
} catch { /* no segmenter module: nothing to load */ }
parentPort.postMessage({ ready: true, segmenterLoadMs });

parentPort.on('message', ({ id, kind, text, max }) => {
  try {
    gc();
    const t0 = performance.now();
    const a = analyzeDocument(text);
    const ms = performance.now() - t0;
    if (kind === 'targets') {
      // people with a role: an offset inside each mention, in document order, at most `max` spread evenly
      const all = [];
      for (const p of a.people) {
        if (!p.roles?.length) continue;
        for (const m of p.mentions) all.push({ offset: m.start + ((m.end - m.start) >> 1), name: p.name, roles: p.roles });
      }
      all.sort((x, y) => x.offset - y.offset);
      const step = Math.max(1, all.length / max);
      const targets = [];
      for (let i = 0; i < all.length && targets.length < max; i += step) targets.push(all[Math.floor(i)]);
      parentPort.postMessage({ id, ms, targets });
      return;
    }
    let damageMs, peopleMs;
    if (typeof analyzeDamage === 'function') {
      gc();
      const t1 = performance.now();
      const d = analyzeDamage(text);
      damageMs = performance.now() - t1;
      if (typeof findPeople === 'function' && typeof buildView === 'function') {
        const view = buildView(text, [...d.residue, ...d.reflow.joins]);
        gc();
        const t2 = performance.now();
        findPeople(view.text);
        peopleMs = performance.now() - t2;
      }
    }
    parentPort.postMessage({
      id,
      ms,
      damageMs,
      peopleMs,
      sanity: {
        findings: a.findings?.length,
        byCode: a.findings?.reduce((o, f) => ((o[f.code] = (o[f.code] ?? 0) + 1), o), {}),
        reports: a.reports?.length,
        people: a.people?.length,
        slogans: a.slogans?.length,
        script: a.script?.script,
        fileTooLarge: a.findings?.some((f) => f.code === 'file-too-large') ?? false,
      },
    });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.stack ?? e) });
  }
});
