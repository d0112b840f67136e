// Shared helpers for tier 1 (tier1.mjs) and tier 2 (tier2.mjs): paths, the code-server process,
// headless Chromium via playwright-core, the seed workspace, the results file.
// Everything lives under the cache dir or test-results/; servers bind 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const ROOT = process.env.ZH_ROOT || path.resolve(HERE, '../../..');
export const CACHE = process.env.ZH_CACHE || path.join(ROOT, '.cache/code-server');
export const SEEDS = process.env.ZH_SEEDS || path.resolve(ROOT, '../shared/seeds');
export const RESULTS = process.env.ZH_RESULTS || path.join(ROOT, 'test-results');
export const LOGS = process.env.ZH_LOGS || path.join(RESULTS, 'vscode-logs');
export const CS_ENTRY = path.join(CACHE, 'node_modules/code-server/out/node/entry.js');
export const KEEP = process.env.ZH_KEEP === '1';   // keep temp dirs for debugging

// Temp files (workspace copies, user-data dirs, Chromium profile, the extension host's
// vscode-ipc-*.sock) go below the cache: short paths (unix sockets max 108 bytes), nothing in /tmp.
process.env.TMPDIR = path.join(CACHE, 'tmp');
for (const d of [process.env.TMPDIR, RESULTS, LOGS]) fs.mkdirSync(d, { recursive: true });

// playwright-core is installed in the cache, not in the product's node_modules
const requireCache = createRequire(path.join(CACHE, 'package.json'));
export const { chromium } = requireCache('playwright-core');

export const sleep = ms => new Promise(r => setTimeout(r, ms));
export const tmpDir = prefix => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
export const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

const cleanups = [];
export function onCleanup(fn) { cleanups.push(fn); }
export async function cleanup() {
  while (cleanups.length) { try { await cleanups.pop()(); } catch (e) { console.error('cleanup:', e.message); } }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => { console.error(`got ${sig}, cleaning up`); await cleanup(); process.exit(130); });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Copy every seed into a fresh workspace folder as <name>.txt; returns { dir, seeds: [{id, file}] }. */
export function seedWorkspace(prefix) {
  const dir = tmpDir(prefix);
  const seeds = [];
  for (const f of fs.readdirSync(SEEDS).sort()) {
    const m = /^(\d{3})/.exec(f);
    if (!m || !fs.statSync(path.join(SEEDS, f)).isFile()) continue;
    const file = f.replace(/\.[^.]*$/, '') + '.txt';
    fs.copyFileSync(path.join(SEEDS, f), path.join(dir, file));
    fs.chmodSync(path.join(dir, file), 0o644);   // seeds are read-only; the copies get edited
    seeds.push({ id: m[1], file });
  }
  if (!seeds.length) throw new Error(`no seeds found in ${SEEDS}`);
  if (!KEEP) onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, seeds };
}

/** A fresh user-data dir with settings that keep the workbench quiet and offline. */
export function userDataDir(prefix, extraSettings = {}) {
  const dir = tmpDir(prefix);
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'window.commandCenter': false,
    'editor.hover.delay': 150,
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    ...extraSettings,
  }, null, 2));
  if (!KEEP) onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Run code-server's CLI once (e.g. --install-extension); resolves with its output. */
export function codeServerCli(args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CS_ENTRY, ...args], {
      env: { ...process.env, XDG_CONFIG_HOME: path.join(CACHE, 'config'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', d => { out += d; });
    p.stderr.on('data', d => { out += d; });
    p.on('exit', code => code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`)));
  });
}

/**
 * Start code-server on 127.0.0.1:<free port>, no auth, with the given dirs.
 * Returns { url, port, stop }.  The server runs in its own process group so that stop()
 * also ends its extension hosts and file watchers.
 */
export async function startCodeServer({ name, userData, extensions, folder, locale, env = {} }) {
  const port = await freePort();
  const logFile = path.join(LOGS, `${name}-server.log`);
  const out = fs.openSync(logFile, 'w');
  fs.mkdirSync(path.join(CACHE, 'config'), { recursive: true });
  const args = [CS_ENTRY,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-file-downloads',
    '--user-data-dir', userData, '--extensions-dir', extensions,
    ...(locale ? ['--locale', locale] : []),
    folder];
  const proc = spawn(process.execPath, args, {
    // EXTENSIONS_GALLERY={}: no marketplace (code-server would query open-vsx.org)
    env: { ...process.env, XDG_CONFIG_HOME: path.join(CACHE, 'config'), EXTENSIONS_GALLERY: '{}', ...env },
    stdio: ['ignore', out, out], detached: true,
  });
  let exited = null;
  proc.on('exit', (code, sig) => { exited = { code, sig }; });
  const stop = async () => {
    if (exited) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    try { process.kill(-proc.pid, 'SIGKILL'); } catch {}   // stragglers (ext hosts in grace period)
  };
  onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {     // up to 30 s
    if (exited) break;
    try { if ((await fetch(`${url}/healthz`)).ok) return { url, port, stop, logFile }; } catch {}
    await sleep(100);
  }
  throw new Error(`code-server did not come up (${JSON.stringify(exited)}); see ${logFile}:\n` +
    fs.readFileSync(logFile, 'utf8').slice(-2000));
}

/** Headless Debian Chromium with a throw-away profile. Returns { ctx, page }. */
export async function launchBrowser({ locale = 'en-US', viewport = { width: 1400, height: 900 } } = {}) {
  const profile = tmpDir('chrome-');
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    locale,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      // closed network: keep Chromium from phoning home
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-features=Translate,MediaRouter,OptimizationHints'],
  });
  onCleanup(async () => { await ctx.close().catch(() => {}); fs.rmSync(profile, { recursive: true, force: true }); });
  const page = ctx.pages()[0] || await ctx.newPage();
  return { ctx, page };
}

/** Results file test-results/vscode-<tier>.json: { tier, tests: [{name, ok, ms, error?, detail?}], error? } */
export class Results {
  constructor(tier) { this.tier = tier; this.tests = []; this.file = path.join(RESULTS, `vscode-${tier}.json`); }
  add(name, ok, extra = {}) {
    this.tests.push({ name, ok, ...extra });
    console.log(`  ${ok ? '✓' : '✗'} ${name}${extra.ms != null ? ` (${extra.ms} ms)` : ''}` +
      (ok ? '' : `\n      ${String(extra.error || '').split('\n').join('\n      ')}`));
    this.save();
  }
  /** run one named check: passes unless fn throws */
  async check(name, fn) {
    const t0 = Date.now();
    try { const detail = await fn(); this.add(name, true, { ms: Date.now() - t0, ...(detail ? { detail } : {}) }); return true; }
    catch (e) { this.add(name, false, { ms: Date.now() - t0, error: e && e.message || String(e) }); return false; }
  }
  save(extra = {}) {
    Object.assign(this, extra);
    fs.writeFileSync(this.file, JSON.stringify({ tier: this.tier, error: this.error, times: this.times, tests: this.tests }, null, 2));
  }
  get failed() { return this.tests.filter(t => !t.ok).length + (this.error ? 1 : 0); }
}
