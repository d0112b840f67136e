// Bad input never crashes the server: it answers every request and keeps running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lsp.mjs';

let s;
before(async () => { s = await startServer(); });
after(async () => { await s.stop(); });

const cases = {
  empty: '',
  binary: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1'),
  nul: '会议\u0000召开\u0000\u0000。',
  loneSurrogates: '会议\ud800召开\udfff。区长李伟光主持\ud83d',
  crlf: '本报讯 10月28日上午，惠济区委\r\n常委会召开会议，区委副书记、区长\r\n李伟光主持会议并讲话。\r\n\r\n记者 刘怡辰\r\n',
  astral: '𠀀𠀁会议由区委书记𠮷野家主持。“两个确立”𠀂',
  oneHugeLine: '会议强调，要深入学习贯彻“两个确立”。'.repeat(5 * 1024 * 1024 / 54),
  unbalanced: '“'.repeat(20000) + '（(huì)'.repeat(5000),
  mojibake: 'ÖÐ¹ú¹²²úµ³Ðí²ýÊÐÎº¶¼Çø µÚÊ®Îå½ìÎ¯Ô±»á\n\ufffd\ufffd\ufffd\ufffd会议',
};

for (const [name, text] of Object.entries(cases)) {
  test(`survives ${name}`, async () => {
    const { uri, diagnostics } = await s.open(`${name}.txt`, text);
    assert.ok(Array.isArray(diagnostics));
    for (const [m, extra] of [['textDocument/hover', { position: { line: 0, character: 1 } }], ['textDocument/documentSymbol', {}], ['textDocument/semanticTokens/full', {}], ['textDocument/foldingRange', {}], ['textDocument/codeLens', {}]]) {
      await s.request(m, { textDocument: { uri }, ...extra });
    }
    await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only: ['source.fixAll'] } });
    assert.ok(s.alive(), 'server died');
    if (name === 'mojibake') assert.ok(diagnostics.some((d) => d.code === 'mojibake'));
  });
}

test('a 50 MB document is not analysed and says so once, visibly', async () => {
  const { diagnostics } = await s.open('huge.txt', '会'.repeat(18 * 1024 * 1024));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'file-too-large');
  assert.ok(s.alive());
});
