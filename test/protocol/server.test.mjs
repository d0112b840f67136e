// Protocol tests: the built server spoken to over stdio, on the real seeds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, positionOf, applyEdits, han, hoverText, SEEDS } from '../support/lsp.mjs';

const seeds = existsSync(SEEDS) ? Object.fromEntries(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f.slice(0, 3), readFileSync(resolve(SEEDS, f), 'utf8')])) : {};
const haveSeeds = Object.keys(seeds).length === 5;
let s;
before(async () => { s = await startServer(); });
after(async () => { await s.stop(); });

test('initialize declares every capability and the custom token types', () => {
  const c = s.init.capabilities;
  assert.deepEqual(c.semanticTokensProvider.legend.tokenTypes.slice(0, 2), ['person', 'slogan']);
  assert.ok(c.codeActionProvider.codeActionKinds.includes('source.fixAll.zh-article'));
  assert.ok(c.codeActionProvider.codeActionKinds.includes('quickfix'));
  for (const k of ['hoverProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'referencesProvider', 'codeLensProvider']) assert.ok(c[k], k);
  assert.ok(c.executeCommandProvider.commands.includes('zh-article.server.convert'));
});

const expected = { '000': ['hard-wrap', 'split-sentence', 'stray-space'], '001': ['split-sentence', 'byline-merged', 'halfwidth-punct'], '002': ['page-furniture', 'halfwidth-punct'], '003': ['pinyin-residue'], '004': ['caption-interrupts', 'split-sentence', 'split-headline'] };

test('each seed gets the diagnostics of its damage, with source and stable codes', { skip: !haveSeeds && 'no seeds' }, async () => {
  for (const [id, codes] of Object.entries(expected)) {
    const { diagnostics } = await s.open(`seed${id}.txt`, seeds[id]);
    const got = new Set(diagnostics.map((d) => d.code));
    for (const c of codes) assert.ok(got.has(c), `${id} lacks ${c}: ${[...got]}`);
    assert.ok(diagnostics.every((d) => d.source === 'zh-article'));
  }
});

test('one hard-wrap diagnostic per wrapped paragraph, not per line', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { diagnostics } = await s.open('wrap000.txt', seeds['000']);
  const wraps = diagnostics.filter((d) => d.code === 'hard-wrap');
  assert.ok(wraps.length >= 8 && wraps.length <= 14, `hard-wrap count ${wraps.length}`);
});

test('hover on 李伟光 shows his roles; hover on 两个确立 explains it', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri } = await s.open('hover000.txt', seeds['000']);
  const h = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: positionOf(seeds['000'], '李伟光') }));
  assert.match(h, /李伟光/);
  assert.match(h, /区委副书记/);
  assert.match(h, /区长/);
  const g = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: positionOf(seeds['000'], '两个确立') }));
  assert.match(g, /核心地位/);
  assert.match(g, /指导地位/);
});

test('traditional text with pinyin residue: hover on 習(xí)近平 and on 兩個確立', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri } = await s.open('trad003.txt', seeds['003']);
  const h = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: positionOf(seeds['003'], '習(xí)近平') }));
  assert.match(h, /習近平/);
  assert.match(h, /總書記/);
  const pos = positionOf(seeds['003'], '兩個(gè)確立');
  const g = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: pos.line, character: pos.character + 1 } }));
  assert.match(g, /核心/);
});

test('document symbols: one per report on the newspaper page', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri } = await s.open('sym004.txt', seeds['004']);
  const syms = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(syms.length, 9, syms.map((x) => x.name).join(' | '));
  assert.ok(syms.some((x) => x.name.includes('联院帮户')));
  assert.ok(syms.some((x) => x.name.includes('第51次会议')), 'split headline joined in the name');
  const plenum = syms.find((x) => x.name.includes('第三次全体会议'));
  assert.ok(plenum.children.some((c) => c.name === '李朝峰'));
});

test('semantic tokens mark people and slogans', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri } = await s.open('tok004.txt', seeds['004']);
  const { data } = await s.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  const lines = seeds['004'].split('\n'); const found = { 0: new Set(), 1: new Set(), 2: new Set(), 3: new Set() };
  let line = 0, ch = 0;
  for (let i = 0; i < data.length; i += 5) { line += data[i]; ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1]; found[data[i + 3]].add(lines[line].slice(ch, ch + data[i + 2])); }
  for (const p of ['许廷合', '菅聪懿', '侯聪', '刘红']) assert.ok(found[0].has(p), p);
  for (const sl of ['四不两直', '联院帮户', '五位一体']) assert.ok(found[1].has(sl), sl);
  assert.ok(!found[0].has('魏宣'), '(魏宣) is a source tag, not a person');
});

test('fix-all: one edit, never loses or reorders a Chinese character, and is idempotent', { skip: !haveSeeds && 'no seeds' }, async () => {
  for (const [id, text] of Object.entries(seeds)) {
    const { uri, diagnostics } = await s.open(`fix${id}.txt`, text);
    const end = positionOf(text + '\u0000', '\u0000');
    const acts = await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics, only: ['source.fixAll'] } });
    assert.equal(acts.length, 1, id);
    const fixed = applyEdits(text, acts[0].edit.changes[uri]);
    assert.equal([...han(fixed)].sort().join(''), [...han(text)].sort().join(''), `${id}: Han characters changed`);
    const second = await s.open(`fix${id}-again.txt`, fixed);
    const left = second.diagnostics.filter((d) => ['hard-wrap', 'split-sentence', 'caption-interrupts', 'split-headline', 'pinyin-residue', 'halfwidth-punct', 'stray-space'].includes(d.code));
    assert.deepEqual(left.map((d) => `${d.code}@${d.range.start.line}`), [], `${id}: fix-all not idempotent`);
  }
});

test('a quick fix is offered only while the document version matches', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri, diagnostics } = await s.open('qf003.txt', seeds['003']);
  const d = diagnostics.find((x) => x.code === 'pinyin-residue');
  const ok = await s.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.ok(ok.some((a) => a.edit && a.kind === 'quickfix'));
  s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 99 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }] });
  await s.diagnosticsFor(uri, 99);
  const stale = await s.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.ok(!stale.some((a) => a.edit && a.diagnostics?.[0]?.code === 'pinyin-residue'), 'stale fix offered');
});

test('conversion commands apply one edit and keep names', async () => {
  const text = '会议由区委书记范伟东主持。范围扩大，发展理念更新。';
  const { uri } = await s.open('conv.txt', text);
  const before = s.applied.length;
  await s.request('workspace/executeCommand', { command: 'zh-article.server.convert', arguments: [uri, 'traditional'] });
  const edit = s.applied[before];
  const out = applyEdits(text, edit.changes[uri]);
  assert.match(out, /會議/);
  assert.match(out, /範圍/);
  assert.match(out, /范偉東/, 'the surname 范 in a name stays 范; the given name converts');
  await assert.rejects(s.request('workspace/executeCommand', { command: 'zh-article.server.convert', arguments: [uri, 'klingon'] }), /Unknown variant/);
});

test('settings take effect: turning half-width punctuation off removes its diagnostics', { skip: !haveSeeds && 'no seeds' }, async () => {
  const s2 = await startServer({ config: { diagnostics: { halfwidthPunct: 'off' } } });
  try {
    const { diagnostics } = await s2.open('cfg001.txt', seeds['001']);
    assert.ok(!diagnostics.some((d) => d.code === 'halfwidth-punct'));
    assert.ok(diagnostics.some((d) => d.code === 'split-sentence'));
  } finally { await s2.stop(); }
});

test('Chinese locale: messages in Chinese', async () => {
  const s3 = await startServer({ locale: 'zh-cn' });
  try {
    const { diagnostics } = await s3.open('zh.txt', '会议指出,要加强领导。\n');
    assert.match(diagnostics[0].message, /半角标点/);
  } finally { await s3.stop(); }
});

test('the cursor on a name offers "Not a person" for that name, and nothing elsewhere', async () => {
  const text = '本报讯 区委副书记、区长李伟光主持会议并讲话。\n';
  const { uri } = await s.open('not-a-person.txt', text);
  const at = positionOf(text, '伟光');
  const on = await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } });
  const action = on.find((a) => a.command?.command === 'zh-article.server.notAPerson');
  assert.ok(action, JSON.stringify(on));
  assert.deepEqual(action.command.arguments, [uri, '李伟光']);
  const off = positionOf(text, '会议');
  const elsewhere = await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: off, end: off }, context: { diagnostics: [], only: ['quickfix'] } });
  assert.ok(!elsewhere.some((a) => a.command?.command === 'zh-article.server.notAPerson'));
});

test('the reports command answers in the shared protocol shape: bylines as role and names, a range to land on', { skip: !haveSeeds && 'no seeds' }, async () => {
  const { uri } = await s.open('reports000.txt', seeds['000']);
  const list = (await s.request('workspace/executeCommand', { command: 'zh-article.server.reports', arguments: [] })).filter((r) => r.uri === uri);
  assert.equal(list.length, 2);
  for (const r of list) {
    assert.ok(Array.isArray(r.bylines), `bylines of ${r.name} is ${typeof r.bylines}`);
    for (const b of r.bylines) { assert.equal(typeof b.role, 'string'); assert.ok(Array.isArray(b.names)); }
    // the range and the offset name the same place: the report's first line
    const lines = seeds['000'].split('\n');
    const offset = lines.slice(0, r.range.start.line).reduce((n, l) => n + l.length + 1, 0) + r.range.start.character;
    assert.equal(offset, r.start);
  }
  const credited = list.flatMap((r) => r.bylines.flatMap((b) => b.names));
  assert.ok(credited.includes('刘怡辰'), `credited: ${credited}`);
});
