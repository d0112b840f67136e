// Issue #14's bars for people, measured the way the evaluation does (../shared/eval/score.mjs
// over LSP: semantic tokens and hovers) on the seeds and the practice set, and on their
// traditional-script copies. The scorer and the gold live beside the repository (CI has them
// there); without them the test is skipped, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const SHARED = resolve(ROOT, '..', 'shared');
const EVAL = join(SHARED, 'eval');
const SETS = {
  seeds: { files: () => listed(join(SHARED, 'gold'), /^\d+\.json$/u), f1: 0.97, p: 0.97, roles: 0.95 },
  practice: { files: () => listed(join(SHARED, 'practice'), /^p\d+.*\.json$/u), f1: 0.95, p: 0.95, roles: 0.93 },
};
const listed = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => join(dir, f)) : []);

/** The scorer's totals for some gold files. */
function score(files, dir) {
  const out = join(dir, `score-${Math.random().toString(36).slice(2)}.json`);
  execFileSync(process.execPath, [join(EVAL, 'score.mjs'), '--json', out, ...files], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  return JSON.parse(readFileSync(out, 'utf8')).total;
}

const missing = !existsSync(join(EVAL, 'score.mjs')) && `no scorer at ${EVAL}`;
for (const [name, bar] of Object.entries(SETS)) {
  test(`people on the ${name}, both scripts: F1 ≥ ${bar.f1}, P ≥ ${bar.p}, roles ≥ ${bar.roles}`, { skip: missing || (!bar.files().length && `no ${name} gold`) }, (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'zh-people-quality-'));
    try {
      const files = bar.files();
      execFileSync(process.execPath, [join(EVAL, 'to_trad.mjs'), dir, ...files], { cwd: ROOT, stdio: 'ignore' });
      const trad = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
      for (const [script, set] of [['simplified', files], ['traditional', trad]]) {
        const t = score(set, dir);
        ctx.diagnostic(`${script}: people F1 ${t.people.f1} (P ${t.people.p} R ${t.people.r}), roles ${t.roles}`);
        const what = `${name}, ${script}: people F1 ${t.people.f1} (P ${t.people.p} R ${t.people.r}), roles ${t.roles}`;
        assert.ok(t.people.f1 >= bar.f1 && t.people.p >= bar.p && t.roles >= bar.roles, what);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
