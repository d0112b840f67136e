// Once the segmenter has loaded (when the editor is idle), the server analyses open
// documents again: a bare mention jieba rejects (张清 inside 一张清单) stops being a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, hoverText, positionOf } from '../support/lsp.mjs';

test('people are analysed again once the segmenter loads', async () => {
  const s = await startServer();
  try {
    const text = '本报讯 区委常委、副区长张清主持会议。会议要求，各单位要列出一张清单，逐项抓好落实。\n';
    const { uri } = await s.open('segmenter-load.txt', text);
    const at = positionOf(text, '张清单');
    const before = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: { ...at, character: at.character + 1 } }));
    assert.match(before, /张清/, 'before the segmenter loads, the rules alone propagate the name');
    // the server loads it after 5 s without edits or requests; wait without asking anything
    await sleep(9000);
    const after = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: { ...at, character: at.character + 1 } }));
    assert.doesNotMatch(after, /张清/, 'jieba reads 一张清单 as words: no person there');
    const title = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '张清主持') }));
    assert.match(title, /副区长/, 'the name after its title is still a person');
  } finally {
    await s.stop();
  }
});
