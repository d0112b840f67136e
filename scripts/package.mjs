#!/usr/bin/env node
// scripts/package.mjs — bundle the extension and build dist/zh-article.vsix.
//
//   node scripts/package.mjs                 bundle + vsce package
//   node scripts/package.mjs --bundle-only   just the two bundles (`npm run build:bundle`, part of
//                                            `npm run build`, so the source tree runs from dist/ too)
//   node scripts/package.mjs --bundle-only --watch   rebundle on every change (dev)
//
// Layout (in the repo and, under extension/, in the VSIX):
//   dist/extension.js      client/src/extension.ts bundled (vscode external)
//   dist/server.js         server/src/server.ts bundled; server/data/*.json, opencc-js,
//                          pinyin-pro and vscode-languageserver are inlined: it requires
//                          nothing at run time but Node's own modules
// .vscodeignore is an allow-list over all this; vsce runs on a staging copy of the candidates
// (see packageVsix). test/vsix/ checks the result.
import { build, context } from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const VSIX = path.join(DIST, 'zh-article.vsix');
const watch = process.argv.includes('--watch');
const bundleOnly = watch || process.argv.includes('--bundle-only');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // a linked source map for debugging the dev flow; .vscodeignore keeps *.map out of the VSIX
  sourcemap: bundleOnly ? 'linked' : false,
  minify: !bundleOnly,
  keepNames: true,
  legalComments: 'eof',
  loader: { '.json': 'json' },
  // as VS Code's bundling guide advises: the ESM builds (vscode-languageserver-types' UMD main
  // hides its requires from the bundler)
  mainFields: ['module', 'main'],
};

async function bundle() {
  fs.mkdirSync(DIST, { recursive: true });
  for (const f of ['extension.js.map', 'server.js.map']) fs.rmSync(path.join(DIST, f), { force: true });
  const configs = [
    { ...common, entryPoints: [path.join(ROOT, 'client/src/extension.ts')], outfile: path.join(DIST, 'extension.js'), external: ['vscode'] },
    { ...common, entryPoints: [path.join(ROOT, 'server/src/server.ts')], outfile: path.join(DIST, 'server.js') },
  ];
  if (watch) {
    for (const c of configs) await (await context({ ...c, logLevel: 'info' })).watch();
    return;
  }
  await Promise.all(configs.map((c) => build(c)));
}

/** Top-level entries copied into the staging directory (missing optional ones are skipped). */
const STAGE = ['.vscodeignore', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json',
  'syntaxes', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'docs', 'dist/extension.js', 'dist/server.js'];

async function packageVsix() {
  // vsce globs the whole tree it packages and matches every file against every ignore pattern;
  // the repo holds thousands of unrelated files (.cache/code-server, bench, ...), which costs
  // ~20 s. So vsce runs on a staging copy of just the candidates; the same .vscodeignore
  // allow-list applies there (and also makes a plain `vsce package` at the root correct).
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-article-vsix-'));
  try {
    for (const entry of STAGE) {
      const src = path.join(ROOT, entry);
      if (!fs.existsSync(src)) {
        if (entry.startsWith('dist/') || entry === 'package.json' || entry === '.vscodeignore') throw new Error(`missing ${entry}`);
        continue;
      }
      fs.cpSync(src, path.join(stage, entry), { recursive: true });
    }
    const { createVSIX } = require('@vscode/vsce');
    fs.rmSync(VSIX, { force: true });
    await createVSIX({
      cwd: stage,
      packagePath: VSIX,
      dependencies: false, // everything the server needs is bundled
      skipLicense: true, // no LICENSE file at the root yet; vsce would otherwise prompt on stdin
      allowMissingRepository: true, // likewise for the missing "repository" field
      rewriteRelativeLinks: false, // the README's pictures (docs/*.png) are packaged: its relative links resolve in the extension's folder
    });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

const t0 = Date.now();
await bundle();
if (!bundleOnly) {
  await packageVsix();
  const kb = (fs.statSync(VSIX).size / 1024).toFixed(0);
  console.log(`package: ${path.relative(ROOT, VSIX)} ${kb} KB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
