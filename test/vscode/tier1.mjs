// Tier 1: the extension's tests inside a real VS Code (code-server 4.100 = VS Code 1.100).
//
// Starts code-server on a seed workspace, loads its workbench in headless Chromium with a
// payload — extensionDevelopmentPath = the extension folder (ZH_EXT_DIR, default repo root),
// extensionTestsPath = suite/index.js — exactly like microsoft/vscode's browser integration
// tests.  The suite runs in the remote (Node) extension host with the real `vscode` API, writes
// test-results/vscode-tier1.json itself and its exit code reaches us via window.codeAutomationExit.
//
//   node test/vscode/tier1.mjs        (normally via scripts/vscode-tests.sh)
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, RESULTS, LOGS, Results, cleanup, launchBrowser, log, seedWorkspace, startCodeServer,
  tmpDir, userDataDir, onCleanup, KEEP,
} from './lib/common.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const EXT_DIR = path.resolve(process.env.ZH_EXT_DIR || ROOT);
const SUITE = path.join(HERE, 'suite/index.js');
const TIMEOUT_MS = Number(process.env.ZH_TIER1_TIMEOUT_MS || 420_000);
const resultsFile = path.join(RESULTS, 'vscode-tier1.json');

const t0 = Date.now();
const times = {};
let exitCode = 1;
const consoleLog = fs.createWriteStream(path.join(LOGS, 'tier1-browser-console.log'));
fs.rmSync(resultsFile, { force: true });
try {
  if (!fs.existsSync(path.join(EXT_DIR, 'package.json'))) throw new Error(`no extension at ${EXT_DIR}`);
  const main = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(EXT_DIR, main)) && !fs.existsSync(path.resolve(EXT_DIR, main + '.js'))) {
    log(`warning: extension main ${main} does not exist (not built?) — tests will fail`);
  }
  const ws = seedWorkspace('t1-ws-');
  const userData = userDataDir('t1-ud-');
  const extensions = tmpDir('t1-ext-');          // empty: only the development extension runs
  if (!KEEP) onCleanup(() => fs.rmSync(extensions, { recursive: true, force: true }));
  log(`workspace ${ws.dir}: ${ws.seeds.map(s => s.file).join(', ')}`);

  const server = await startCodeServer({
    name: 'tier1', userData, extensions, folder: ws.dir,
    // read by the suite in the extension host (inherits the server's environment)
    env: { ZH_TEST_RESULTS_FILE: resultsFile, ZH_TEST_WORKSPACE: ws.dir },
  });
  times.serverUpMs = Date.now() - t0;
  log(`code-server on ${server.url}`);

  const { page } = await launchBrowser();
  const remote = p => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXT_DIR)],
    ['extensionTestsPath', remote(SUITE)],
    ['skipWelcome', 'true'],
  ]);
  const done = new Promise(resolve => page.exposeFunction('codeAutomationExit', code => resolve(code)));
  await page.exposeFunction('codeAutomationLog', (type, msg) => { consoleLog.write(`[${type}] ${msg}\n`); });
  // The suite's console output arrives as browser console messages ("[Extension Host] …")
  page.on('console', m => {
    const text = m.text();
    consoleLog.write(`[console.${m.type()}] ${text}\n`);
    const i = text.indexOf('[zh-test]');
    if (i >= 0 && !times.suiteStartMs) times.suiteStartMs = Date.now() - t0;
    if (i >= 0) console.log(text.slice(i + 10).replace(/ \(at console\.<anonymous>.*$/s, ''));
    // the suite asks for a screenshot while the extension still runs (the final one comes after it stopped)
    const shot = /\[zh-test\] screenshot ([\w.-]+\.png)/.exec(text);
    if (shot) void page.screenshot({ path: path.join(RESULTS, shot[1]) }).catch(() => {});
  });
  page.on('pageerror', e => consoleLog.write(`[pageerror] ${e.message}\n`));

  times.browserUpMs = Date.now() - t0;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(ws.dir)}&payload=${encodeURIComponent(payload)}`);
  let timer;
  const code = await Promise.race([
    done,
    new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); }),
  ]);
  clearTimeout(timer);
  times.totalMs = Date.now() - t0;
  await page.screenshot({ path: path.join(RESULTS, 'vscode-tier1-final.png') }).catch(() => {});
  log(`suite finished: exit ${code} after ${times.totalMs} ms (${JSON.stringify(times)})`);

  if (!fs.existsSync(resultsFile)) {
    const r = new Results('tier1');
    r.save({ error: code === 'timeout' ? `suite timed out after ${TIMEOUT_MS} ms` : `suite wrote no results (exit ${code}); see ${LOGS}/tier1-*.log`, times });
  } else {
    const data = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    data.times = { ...times, ...(data.times || {}) };
    if (code === 'timeout') data.error = `suite timed out after ${TIMEOUT_MS} ms (partial results)`;
    else if (code !== 0 && !data.tests.some(t => !t.ok)) data.error = `suite exited ${code}`;
    fs.writeFileSync(resultsFile, JSON.stringify(data, null, 2));
  }
  const data = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = data.tests.filter(t => !t.ok).length + (data.error ? 1 : 0);
  if (data.error) console.log(`  ✗ ${data.error}`);
  console.log(`tier 1: ${data.tests.filter(t => t.ok).length} passed, ${failed} failed (${times.totalMs} ms)`);
  exitCode = failed === 0 && code === 0 ? 0 : 1;
} catch (e) {
  console.error('tier 1 harness error:', e.stack || e);
  const r = new Results('tier1');
  if (fs.existsSync(resultsFile)) r.tests = JSON.parse(fs.readFileSync(resultsFile, 'utf8')).tests || [];
  r.save({ error: `harness: ${e.message}`, times });
  exitCode = 1;
} finally {
  consoleLog.end();
  await cleanup();
}
process.exit(exitCode);
