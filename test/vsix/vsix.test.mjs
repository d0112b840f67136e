// The packaged extension: dist/zh-article.vsix holds exactly what it runs, and the server
// unpacked from it works on its own (LSP over stdio, one bundle that requires nothing else).
//
//   node --test test/vsix/        (npm run test:vsix) — runs `npm run package` first when the
//                                 VSIX is missing or older than what goes into it
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VSIX = path.join(ROOT, 'dist', 'zh-article.vsix');
const requireRoot = createRequire(path.join(ROOT, 'package.json'));
const BUILTINS = new Set(builtinModules);

/** Everything that goes into the VSIX; newer than the VSIX means repackage. */
const INPUTS = ['client/src', 'server/src', 'server/data', 'syntaxes', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json',
  'language-configuration.json', '.vscodeignore', 'scripts/package.mjs', 'README.md', 'docs'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** Minimal zip reader (stored + deflate) over the central directory, for hosts without unzip. */
function unzipWithNode(file, dest) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: unsupported compression ${method}`);
    const out = path.join(dest, name);
    if (!out.startsWith(dest + path.sep)) throw new Error(`${name}: escapes the target`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, data);
  }
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

let tmp;
let ext; // <tmp>/extension
let files;

before(() => {
  const stale = !fs.existsSync(VSIX) || Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i)))) > fs.statSync(VSIX).mtimeMs;
  if (stale) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-article-vsix-test-'));
  const hasUnzip = spawnSync('which', ['unzip']).status === 0;
  if (hasUnzip) execFileSync('unzip', ['-q', '-o', VSIX, '-d', tmp]);
  else unzipWithNode(VSIX, tmp);
  ext = path.join(tmp, 'extension');
  files = listFiles(tmp);
});

after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

test('the VSIX holds the allow-list and nothing else', () => {
  // every file matches one of these
  const allowed = [
    /^extension\.vsixmanifest$/u, /^\[Content_Types\]\.xml$/u,
    /^extension\/package\.json$/u, /^extension\/package\.nls(\.[a-z-]+)?\.json$/u, /^extension\/language-configuration\.json$/u,
    /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/u, /^extension\/(README|CHANGELOG)\.md$/iu, /^extension\/LICENSE(\.md|\.txt)?$/u,
    /^extension\/dist\/(extension|server)\.js$/u, /^extension\/docs\/[a-z0-9-]+\.png$/u, /^extension\/media\/[^/]+\.svg$/u,
  ];
  const stray = files.filter((f) => !allowed.some((re) => re.test(f)));
  assert.deepEqual(stray, [], 'files outside the allow-list');
  for (const f of files) {
    assert.doesNotMatch(f, /\.(ts|map|mjs|tsbuildinfo)$/u, f);
    assert.doesNotMatch(f, /(^|\/)(src|test|tests|out|bench|examples)\//u, f);
    assert.doesNotMatch(f, /node_modules\/(typescript|esbuild|@vscode|@types|eslint|vscode-language)/u, f);
    assert.doesNotMatch(f, /node_modules\//u, f); // the server is one bundle
  }
  for (const need of ['extension/package.json', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json', 'extension/language-configuration.json',
    'extension/syntaxes/zh-article.tmLanguage.json', 'extension/dist/extension.js', 'extension/dist/server.js']) {
    assert.ok(files.includes(need), `missing ${need}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
  assert.equal(path.posix.normalize(manifest.main), 'dist/extension.js');
  for (const g of manifest.contributes.grammars) assert.ok(fs.existsSync(path.join(ext, g.path)), g.path);
  for (const l of manifest.contributes.languages) if (l.configuration) assert.ok(fs.existsSync(path.join(ext, l.configuration)), l.configuration);
  // the extension page: the icon and every picture the README shows are in the package
  assert.ok(fs.existsSync(path.join(ext, manifest.icon)), `icon ${manifest.icon}`);
  const readme = fs.readFileSync(path.join(ext, files.find((f) => /^extension\/readme\.md$/iu.test(f)).slice('extension/'.length)), 'utf8'); // vsce writes readme.md
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/gu)].map((m) => m[1]);
  assert.ok(pictures.length >= 2, 'the README shows pictures');
  for (const p of pictures) assert.ok(/^https:/u.test(p) || fs.existsSync(path.join(ext, p)), `README picture ${p} is neither absolute nor packaged`);
  for (const c of manifest.contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(ext, c.icon)), c.icon);
  // every %key% of the manifest has an English and a Chinese string
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1]);
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const strings = JSON.parse(fs.readFileSync(path.join(ext, nls), 'utf8'));
    for (const k of keys) assert.ok(k in strings, `${nls}: no ${k}`);
  }
});

test('the bundles have no stray requires', () => {
  const server = fs.readFileSync(path.join(ext, 'dist/server.js'), 'utf8');
  const externals = new Set([...server.matchAll(/require\("([^"]+)"\)/gu)].map((m) => m[1]).filter((m) => !m.startsWith('node:') && !BUILTINS.has(m)));
  assert.deepEqual([...externals], []);
  const client = fs.readFileSync(path.join(ext, 'dist/extension.js'), 'utf8');
  const clientExt = new Set([...client.matchAll(/require\("([^"]+)"\)/gu)].map((m) => m[1]).filter((m) => !m.startsWith('node:') && !BUILTINS.has(m)));
  assert.deepEqual([...clientExt], ['vscode']);
});

const ARTICLE = '本报讯 10月28日上午，某某区委常委会召开会议。区委副书记、区长王建国主持会议。\n\n会议强调，要坚持以人民为中心的发展思想。\n';

test('the unpacked server answers LSP over stdio', async (t) => {
  const rpc = requireRoot('vscode-jsonrpc/node');
  // run from the temp dir with a clean NODE_PATH so nothing can come from the repo's node_modules
  const env = { ...process.env };
  delete env.NODE_PATH;
  const child = spawn(process.execPath, [path.join(ext, 'dist/server.js'), '--stdio'], { cwd: tmp, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const logs = [];
  conn.onNotification('window/logMessage', (p) => logs.push(p.message));
  conn.onRequest(() => null); // workspace/configuration, client/registerCapability, ...
  const diagnostics = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => resolve(p)));
  conn.listen();
  t.after(() => { conn.dispose(); child.kill(); });
  const exited = new Promise((_, reject) => child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${stderr}\n${logs.join('\n')}`))));
  const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}\n${stderr}`)), ms).unref());
  const within = (p, ms, what) => Promise.race([p, exited, timeout(ms, what)]);

  const init = await within(conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(tmp).href, workspaceFolders: null, locale: 'zh-cn',
    capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} } },
  }), 20_000, 'initialize');
  assert.ok(init.capabilities.hoverProvider, 'hoverProvider');
  await conn.sendNotification('initialized', {});
  const uri = pathToFileURL(path.join(tmp, 'article.zh.txt')).href;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-article', version: 1, text: ARTICLE } });

  const d = await within(diagnostics, 20_000, 'publishDiagnostics');
  assert.equal(d.uri, uri);
  assert.ok(Array.isArray(d.diagnostics));

  const line = ARTICLE.split('\n')[0];
  const character = line.indexOf('王建国') + 1;
  const h = await within(conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } }), 20_000, 'hover');
  assert.ok(h, 'no hover on 王建国');
  const text = typeof h.contents === 'string' ? h.contents : h.contents.value ?? JSON.stringify(h.contents);
  assert.match(text, /王建国/u);
  assert.match(text, /区长/u);

  await within(conn.sendRequest('shutdown'), 10_000, 'shutdown');
  await conn.sendNotification('exit');
});
