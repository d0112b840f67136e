// Issue #14, item 9: people do not depend on timing. The finder reads the text alone (no
// segmenter loads in the background and changes it later), so the CLI, a fresh server at once,
// and the same server after the editor has been idle find the same people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, startServer } from '../support/lsp.mjs';

const TEXT = '本报讯（记者 庞一凡 通讯员 卓思琪）区委常委、副区长张清主持会议。会议要求，各单位要列出一张清单，逐项抓好落实。\n'
  + '市领导郑宏图、柯文秀出席。“今年收成好。”果农罗冬梅激动地说。一曲高山流水赢得掌声。\n';

/** The person tokens' texts, in order. */
async function personTokens(s, uri, text) {
  const legend = s.init.capabilities.semanticTokensProvider.legend.tokenTypes;
  const { data } = await s.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  const lines = text.split('\n');
  const out = [];
  for (let i = 0, line = 0, ch = 0; i < data.length; i += 5) {
    line += data[i]; ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    if (legend[data[i + 3]] === 'person') out.push(lines[line].slice(ch, ch + data[i + 2]));
  }
  return out;
}

test('the CLI, a fresh server and the server after an idle spell find the same people', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zh-people-'));
  try {
    writeFileSync(join(dir, 'a.txt'), TEXT);
    const cli = JSON.parse(execFileSync(process.execPath, [resolve(ROOT, 'bin/zh-article.js'), 'people', '--json', join(dir, 'a.txt')], { encoding: 'utf8' }));
    const cliNames = cli[0].people.map((p) => p.name).sort();
    assert.deepEqual(cliNames, ['卓思琪', '庞一凡', '张清', '柯文秀', '罗冬梅', '郑宏图'].sort());
    const s = await startServer();
    try {
      const { uri } = await s.open('timing.txt', TEXT);
      const first = await personTokens(s, uri, TEXT);
      assert.deepEqual([...new Set(first)].sort(), cliNames);
      assert.equal(first.filter((t) => t === '张清').length, 1, '一张清单 holds no person');
      // past the idle spell after which the server used to load a segmenter and change its answer
      await sleep(6000);
      assert.deepEqual(await personTokens(s, uri, TEXT), first);
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
