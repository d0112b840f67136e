// The conversion phrase layer over the protocol: the convert command applies the built-in
// phrases and those of .zh-article/convert.json in the workspace root, which apply at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, applyEdits } from '../support/lsp.mjs';

const root = mkdtempSync(join(tmpdir(), 'zh-article-convert-'));
const file = join(root, '.zh-article', 'convert.json');
let s;
before(async () => { s = await startServer({ rootUri: pathToFileURL(root).href }); });
after(async () => { await s.stop(); rmSync(root, { recursive: true, force: true }); });

async function convert(uri, text, variant) {
  const before = s.applied.length;
  await s.request('workspace/executeCommand', { command: 'zh-article.server.convert', arguments: [uri, variant] });
  const edit = s.applied[before];
  return edit ? applyEdits(text, edit.changes[uri]) : text;
}

test('the convert command writes official vocabulary as the phrase layer says, and convert.json changes it at once', async () => {
  const text = '区委书记范伟东强调，要对标对表，奋进新征程，用好数据。';
  const { uri } = await s.open('phrases.txt', text);
  const trad = await convert(uri, text, 'traditional');
  assert.match(trad, /對標對表/);
  assert.match(trad, /新征程/);
  assert.match(trad, /范偉東/, 'names stay shielded');
  assert.match(await convert(uri, text, 'taiwan'), /資料/);

  mkdirSync(join(root, '.zh-article'), { recursive: true });
  writeFileSync(file, JSON.stringify({ phrases: [{ simplified: '数据', taiwan: '數據', variants: ['taiwan'] }, { simplified: 'x' }] }));
  s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
  // the files are read asynchronously: ask until the new phrase shows (or give up after a while)
  let tw = '';
  for (let i = 0; i < 50 && !/數據/.test(tw); i++) {
    tw = await convert(uri, text, 'taiwan');
    if (!/數據/.test(tw)) await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(tw, /數據/, 'the user phrase applies (and the broken entry beside it is left out)');
  assert.match(tw, /對標對表/, 'the built-in phrases still apply');

  writeFileSync(file, '{ not json');
  s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
  for (let i = 0; i < 50 && /數據/.test(tw); i++) {
    tw = await convert(uri, text, 'taiwan');
    if (/數據/.test(tw)) await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(tw, /資料/, 'a broken file means no user phrases, and the server goes on');
  assert.ok(s.alive());
});
