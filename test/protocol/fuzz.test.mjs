// The fuzz harness (test/fuzz/fuzz.mjs) on a short budget: bad inputs, generated damage under
// fix-all, edit storms against a fresh analysis, malformed protocol. `npm run fuzz` runs it
// for longer (5 minutes by default) with a new seed; ZH_FUZZ_SEED replays a run here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAILURES, runFuzz } from '../fuzz/fuzz.mjs';

test('fuzz: no crash, hang, lost or gained Han, non-idempotent fix-all, stale state, bad range or logged exception', { timeout: 600_000 }, async () => {
  const seed = Number(process.env.ZH_FUZZ_SEED) || 20261204;
  const { counts, failures, summary } = await runFuzz({ seconds: 25, seed, log: () => undefined });
  console.log(summary);
  assert.ok(counts.cases >= 8, `too few cases ran: ${summary}`);
  for (const k of FAILURES) assert.equal(counts[k], 0, `${k}: ${failures.filter((f) => f.includes(` ${k} `)).join('\n')}`);
});
