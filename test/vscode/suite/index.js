// Tier 1 suite — runs INSIDE VS Code's extension host (loaded via extensionTestsPath) with the
// real `vscode` API, against the zh-article extension loaded from extensionDevelopmentPath.
// Plain CommonJS + node:assert, no build step and no test framework to install.
//
// The workspace folder holds copies of ../shared/seeds as .txt (made by tier1.mjs).
// Results: $ZH_TEST_RESULTS_FILE (JSON), console lines prefixed "[zh-test]".
// run() rejects when any test failed -> the workbench reports exit code 1.
'use strict';
const vscode = require('vscode');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const LANG = 'zh-article';
const SOURCE = 'zh-article';
const FIX_ALL = 'source.fixAll.zh-article';
const KNOWN_CODES = ['hard-wrap', 'split-sentence', 'caption-interrupts', 'split-headline', 'pinyin-residue',
  'halfwidth-punct', 'stray-space', 'page-furniture', 'byline-merged', 'mojibake', 'mixed-script'];
const EXPECTED_CODES = {
  '000': ['hard-wrap', 'split-sentence', 'stray-space'],
  '001': ['split-sentence', 'byline-merged', 'halfwidth-punct'],
  '002': ['page-furniture'],
  '003': ['pinyin-residue'],
  '004': ['caption-interrupts', 'split-sentence', 'split-headline'],
};
const COMMANDS = ['zhArticle.convertToSimplified', 'zhArticle.convertToTraditional', 'zhArticle.convertToTaiwan',
  'zhArticle.convertToHongKong', 'zhArticle.repairDocument', 'zhArticle.setLanguage', 'zhArticle.goToReport',
  'zhArticle.listSlogans', 'zhArticle.reopenWithGb18030', 'zhArticle.restartServer', 'zhArticle.showLocations'];

// ---------------------------------------------------------------------------------------------
// tiny runner
// ---------------------------------------------------------------------------------------------
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const say = msg => console.log('[zh-test] ' + msg);
let degraded = false;   // extension missing/not activating: shorten the waits so a broken run ends fast
const wait = ms => (degraded ? Math.min(ms, 3000) : ms);
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Poll fn() until it returns a truthy value; throws msg() (with the last value) on timeout. */
async function waitFor(fn, ms, msg) {
  const end = Date.now() + wait(ms);
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`${typeof msg === 'function' ? msg(last) : msg} (after ${wait(ms)} ms)`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------
const wsDir = () => (vscode.workspace.workspaceFolders || [])[0].uri.fsPath;
const seedFiles = () => fs.readdirSync(wsDir()).filter(f => /^\d{3}.*\.txt$/.test(f)).sort();
const seedFile = id => {
  const f = seedFiles().find(n => n.startsWith(id));
  if (!f) throw new Error(`seed ${id} not in workspace`);
  return path.join(wsDir(), f);
};
/** A fresh copy of seed `id` in the workspace (for tests that edit). */
function copyOf(id, tag) {
  const dst = path.join(wsDir(), `${tag}-${id}.txt`);
  fs.copyFileSync(seedFile(id), dst);
  return dst;
}
const docFor = uri => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
const codeOf = d => (d.code && typeof d.code === 'object' ? d.code.value : d.code);
const ourDiags = uri => vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
const codesOf = uri => [...new Set(ourDiags(uri).map(codeOf).map(String))].sort();
const countCode = (uri, code) => ourDiags(uri).filter(d => String(codeOf(d)) === code).length;

/** Open a file in an editor and wait for auto-detection to switch it to zh-article. */
async function openAsZh(file, ms = 20000) {
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const d = await waitFor(() => { const x = docFor(uri); return x && x.languageId === LANG && x; }, ms,
    () => `${path.basename(file)} stayed '${(docFor(uri) || doc).languageId}', expected '${LANG}'`);
  // the language switch re-creates the document; make sure the editor shows it
  const ed = await vscode.window.showTextDocument(d, { preview: false });
  return { uri, doc: d, editor: ed };
}
const textOf = uri => docFor(uri).getText();

function hoverText(hovers) {
  return (hovers || []).flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value || '')).join('\n');
}
function flattenSymbols(syms) {
  return (syms || []).map(s => ({ name: s.name, children: (s.children || []).length }));
}

// ---------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------
let ext;
test('extension zh-article is present (development folder)', async () => {
  ext = vscode.extensions.all.find(e => e.packageJSON && e.packageJSON.name === 'zh-article');
  if (!ext) { degraded = true; throw new Error('zh-article extension not loaded from extensionDevelopmentPath'); }
  const langs = ((ext.packageJSON.contributes || {}).languages || []).map(l => l.id);
  assert.ok(langs.includes(LANG), `contributes.languages has no '${LANG}' (has ${JSON.stringify(langs)})`);
});

const seedIds = (() => { try { return seedFiles().map(f => f.slice(0, 3)); } catch { return []; } })();
for (const id of (seedIds.length ? seedIds : Object.keys(EXPECTED_CODES))) {
  test(`seed ${id}: .txt switches to ${LANG}`, async () => {
    await openAsZh(seedFile(id), id === seedIds[0] ? 30000 : 15000);
    // the switch may happen while activate() is still running (e.g. starting the language client)
    if (ext) await waitFor(() => ext.isActive, 15000, 'document switched but the extension never finished activating');
  });
  if (EXPECTED_CODES[id]) {
    test(`seed ${id}: diagnostics ${EXPECTED_CODES[id].join(', ')}`, async () => {
      const uri = vscode.Uri.file(seedFile(id));
      if (!docFor(uri)) await openAsZh(uri.fsPath);
      const want = EXPECTED_CODES[id];
      await waitFor(() => want.every(c => codesOf(uri).includes(c)), 30000,
        () => `seed ${id}: expected codes ${JSON.stringify(want)}, got ${JSON.stringify(codesOf(uri))}`);
      // let the set settle, then check every code is a documented one
      await sleep(300);
      const unknown = codesOf(uri).filter(c => !KNOWN_CODES.includes(c));
      assert.deepEqual(unknown, [], `seed ${id}: undocumented diagnostic codes ${JSON.stringify(unknown)}`);
      return { codes: codesOf(uri), count: ourDiags(uri).length };
    });
  }
}

test('commands are registered', async () => {
  const all = await vscode.commands.getCommands(true);
  const missing = COMMANDS.filter(c => !all.includes(c));
  assert.deepEqual(missing, [], `missing commands ${JSON.stringify(missing)}`);
});

test('hover on 李伟光 (seed 000) shows 区委副书记, 区长', async () => {
  const { uri, doc } = await openAsZh(seedFile('000'));
  const i = doc.getText().indexOf('李伟光');
  assert.ok(i >= 0, '李伟光 not in seed 000');
  const pos = doc.positionAt(i + 1);
  let text = '';
  await waitFor(async () => {
    text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
    return ['李伟光', '区委副书记', '区长'].every(s => text.includes(s));
  }, 15000, () => `hover at ${pos.line + 1}:${pos.character + 1} = ${JSON.stringify(text.slice(0, 300))}`);
  return { hover: text.slice(0, 300) };
});

test('document symbols of seed 004: 9 reports, one named after 联院帮户', async () => {
  const { uri } = await openAsZh(seedFile('004'));
  let syms;
  await waitFor(async () => {
    syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    return syms && syms.length;
  }, 15000, 'no document symbols for seed 004');
  const names = syms.map(s => s.name);
  assert.equal(syms.length, 9, `expected 9 top-level report symbols, got ${syms.length}: ${JSON.stringify(names)}`);
  assert.ok(names.some(n => n.includes('联院帮户')), `no report named after 联院帮户: ${JSON.stringify(names)}`);
  return { symbols: flattenSymbols(syms) };
});

test(`fix-all code action (${FIX_ALL}) repairs seed 000`, async () => {
  const { uri, doc } = await openAsZh(copyOf('000', 'fixall'));
  await waitFor(() => countCode(uri, 'hard-wrap') > 0, 30000, 'no hard-wrap diagnostics before the fix');
  const before = doc.getText();
  const wrapsBefore = countCode(uri, 'hard-wrap');
  const full = new vscode.Range(doc.positionAt(0), doc.positionAt(before.length));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, full, FIX_ALL, 10) || [];
  const kind = vscode.CodeActionKind.SourceFixAll.append('zh-article');
  const fixes = actions.filter(a => a.kind && kind.contains(a.kind));
  assert.ok(fixes.length >= 1, `no ${FIX_ALL} action; got ${JSON.stringify(actions.map(a => [a.title, a.kind && a.kind.value]))}`);
  const fix = fixes[0];
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit returned false');
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
  const after = await waitFor(() => { const t = textOf(uri); return t !== before && t; }, 10000, 'fix-all did not change the text');
  // "惠济区委\n常委会召开会议" is a hard wrap inside a word: it must be joined
  assert.ok(after.includes('区委常委会召开会议'), 'wrapped line 1/2 not joined (no "区委常委会召开会议")');
  assert.ok(after.split('\n').length < before.split('\n').length, 'line count did not go down');
  await waitFor(() => countCode(uri, 'hard-wrap') < wrapsBefore, 15000,
    () => `hard-wrap diagnostics not reduced (${wrapsBefore} -> ${countCode(uri, 'hard-wrap')})`);
  return { title: fix.title, lines: [before.split('\n').length, after.split('\n').length],
    hardWrap: [wrapsBefore, countCode(uri, 'hard-wrap')] };
});

/** Run a conversion command on the active editor; return the new text (waits for the edit). */
async function convert(uri, command) {
  const before = textOf(uri);
  await vscode.commands.executeCommand(command);
  return waitFor(() => { const t = textOf(uri); return t !== before && t; }, 10000, `${command} did not change the text`);
}
async function undoTo(uri, expected, times = 1) {
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('undo');
  await waitFor(() => textOf(uri) === expected, 5000, `${times}× undo did not restore the text (conversion was not ${times === 1 ? 'one edit' : 'one edit each'})`);
}
const has = (t, ...s) => s.forEach(x => assert.ok(t.includes(x), `missing ${x}`));
const hasNot = (t, ...s) => s.forEach(x => assert.ok(!t.includes(x), `still contains ${x}`));

// Seed 004 has 会议 为 户 说 着: enough to tell the four targets apart (OpenCC conventions:
// Taiwan 為/戶/說, Hong Kong 為/户/説).
let conv;
const convDoc = async () => (conv = conv || await openAsZh(copyOf('004', 'convert')));

test('Convert to Traditional (zhArticle.convertToTraditional), one edit', async () => {
  const { uri } = await convDoc();
  const orig = textOf(uri);
  const t = await convert(uri, 'zhArticle.convertToTraditional');
  has(t, '會議', '魏都區', '許昌市');
  hasNot(t, '会议', '许昌市');
  await undoTo(uri, orig);
});

test('Convert to Taiwan Standard (zhArticle.convertToTaiwan), one edit', async () => {
  const { uri } = await convDoc();
  const orig = textOf(uri);
  const t = await convert(uri, 'zhArticle.convertToTaiwan');
  has(t, '會議', '為', '戶', '說');
  hasNot(t, '会议', '爲', '户', '説');
  await undoTo(uri, orig);
});

test('Convert to Hong Kong Traditional (zhArticle.convertToHongKong), one edit', async () => {
  const { uri } = await convDoc();
  const orig = textOf(uri);
  const t = await convert(uri, 'zhArticle.convertToHongKong');
  has(t, '會議', '為', '户', '説');
  hasNot(t, '会议', '爲', '戶', '說');
  await undoTo(uri, orig);
});

test('Convert to Simplified (zhArticle.convertToSimplified) turns Traditional back', async () => {
  const { uri } = await convDoc();
  const orig = textOf(uri);
  await convert(uri, 'zhArticle.convertToTraditional');
  const s = await convert(uri, 'zhArticle.convertToSimplified');
  has(s, '会议', '魏都区', '许昌市');
  hasNot(s, '會議', '魏都區');
  await undoTo(uri, orig, 2);
});

test('conversion acts on the selection only', async () => {
  const { uri } = await convDoc();
  const ed = await vscode.window.showTextDocument(docFor(uri), { preview: false });
  const orig = textOf(uri);
  const doc = docFor(uri);
  const i = orig.indexOf('中国共产党许昌市');
  assert.ok(i >= 0, 'marker text not found in seed 004');
  const selStart = doc.positionAt(i), selEnd = doc.positionAt(i + '中国共产党许昌市'.length);
  ed.selection = new vscode.Selection(selStart, selEnd);
  const t = await convert(uri, 'zhArticle.convertToTraditional');
  assert.equal(t.slice(0, i), orig.slice(0, i), 'text before the selection changed');
  has(t.slice(i, i + 8), '中國共產黨許昌市');
  assert.equal(t.slice(i + 8), orig.slice(i + 8), 'text after the selection changed');
  await undoTo(uri, orig);
  ed.selection = new vscode.Selection(selStart, selStart);
});

// ---------------------------------------------------------------------------------------------
// every row of the README's command table to its result (issue 17)
// ---------------------------------------------------------------------------------------------
/**
 * Run a command that shows a quick pick with its filter preset (as a user types it), accept the
 * first match like Enter does, and return the command's result.
 */
async function pickFirst(command, filter) {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand(command, filter)).finally(() => { settled = true; });
  for (let i = 0; i < 60 && !settled; i++) {
    await sleep(500);
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}
const lineAt = (ed, line) => ed.document.lineAt(line).text;

test('Go to Report… (zhArticle.goToReport): picking 联院帮户 lands on that report in seed 004', async () => {
  await openAsZh(seedFile('004'));
  await openAsZh(seedFile('000'));   // start from another file
  const picked = await pickFirst('zhArticle.goToReport', '联院帮户');
  assert.ok(picked && picked.name.includes('联院帮户'), `picked ${JSON.stringify(picked && picked.name)}`);
  const ed = vscode.window.activeTextEditor;
  assert.equal(path.basename(ed.document.uri.fsPath), path.basename(seedFile('004')), 'the editor is not on seed 004');
  const line = ed.selection.active.line;
  const near = [0, 1, 2, 3].map(k => ed.document.lineCount > line + k ? lineAt(ed, line + k) : '').join('\n');
  assert.ok(near.includes('联院帮户'), `the cursor is not at the report: line ${line + 1} ${JSON.stringify(near.slice(0, 80))}`);
  return { report: picked.name, line: line + 1 };
});

test('List Slogans in Workspace (zhArticle.listSlogans): picking 四不两直 opens its occurrences', async () => {
  await openAsZh(seedFile('004'));
  const r = await pickFirst('zhArticle.listSlogans', '四不两直');
  assert.ok(r && r.slogan.slogan === '四不两直' && r.occurrences >= 1, `result ${JSON.stringify(r)}`);
  const ed = vscode.window.activeTextEditor;
  const at = ed.selection.active;
  const text = lineAt(ed, at.line).slice(at.character, at.character + 4);
  assert.equal(text, '四不两直', `the cursor is on ${JSON.stringify(text)}, not on the slogan`);
  await vscode.commands.executeCommand('closeReferenceSearch');
  return { occurrences: r.occurrences };
});

test('code lens "N people | N slogans | N repairs": each leads to what it counts (seed 004)', async () => {
  const { uri } = await openAsZh(seedFile('004'));
  const lenses = await waitFor(async () => {
    const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    return l && l.length && l;
  }, 15000, 'no code lenses on seed 004');
  const titles = lenses.map(l => l.command && l.command.title);
  const people = lenses.find(l => /\d+ (people|person)$/.test(l.command.title));
  assert.ok(people && lenses.some(l => /slogans?$/.test(l.command.title)) && lenses.some(l => /repairs?$/.test(l.command.title)), JSON.stringify(titles.slice(0, 6)));
  assert.equal(people.command.command, 'zhArticle.showLocations');
  const [, , locations] = people.command.arguments;
  // clicking the lens: the editor goes to the report and peeks at its people
  await vscode.commands.executeCommand(people.command.command, ...people.command.arguments);
  const ed = vscode.window.activeTextEditor;
  assert.equal(ed.document.uri.toString(), uri.toString());
  const names = locations.map(l => ed.document.getText(new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character)));
  assert.ok(names.length >= 1 && names.every(n => /^\p{Script=Han}{2,4}$/u.test(n)), `the lens points at ${JSON.stringify(names)}`);
  await vscode.commands.executeCommand('closeReferenceSearch');
  return { titles: titles.slice(0, 6), people: names };
});

test('Repair Document (zhArticle.repairDocument) repairs seed 000 in one edit and says so in words', async () => {
  const { uri } = await openAsZh(copyOf('000', 'repair'));
  await waitFor(() => countCode(uri, 'hard-wrap') > 0, 30000, 'no hard-wrap diagnostics before the repair');
  const before = textOf(uri);
  const r = await vscode.commands.executeCommand('zhArticle.repairDocument');
  assert.ok(r && r.changes > 0, `result ${JSON.stringify(r)}`);
  assert.match(r.summary, /^Repaired: wrapped paragraphs joined \(\d+\)/);
  assert.doesNotMatch(r.summary, /hard-wrap|×/, 'raw codes in the summary');
  const after = await waitFor(() => { const t = textOf(uri); return t !== before && t; }, 10000, 'the text did not change');
  assert.ok(after.includes('区委常委会召开会议'), 'the wrapped lines were not joined');
  await waitFor(() => countCode(uri, 'hard-wrap') === 0, 15000, () => `hard-wrap diagnostics left: ${countCode(uri, 'hard-wrap')}`);
  await undoTo(uri, before);
  return { summary: r.summary };
});

test('a wrapped page is flagged on its line breaks: no hard-wrap squiggle under any text (seed 000)', async () => {
  const { uri, doc } = await openAsZh(seedFile('000'));
  await waitFor(() => countCode(uri, 'hard-wrap') > 0, 30000, 'no hard-wrap diagnostics');
  const wraps = ourDiags(uri).filter(d => String(codeOf(d)) === 'hard-wrap');
  for (const d of wraps) {
    assert.equal(d.range.end.line, d.range.start.line + 1);
    assert.equal(d.range.end.character, 0);
    assert.equal(d.range.start.character, doc.lineAt(d.range.start.line).text.length, 'the range starts inside the text');
  }
  return { hardWrap: wraps.length, lines: doc.lineCount };
});

test('semantic tokens: quoted speech is a quotation, slogans and people their own types (seed 004)', async () => {
  const { uri, doc } = await openAsZh(seedFile('004'));
  const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
  const tokens = await waitFor(() => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri), 15000, 'no semantic tokens');
  const d = tokens.data, seen = {};
  let line = 0, ch = 0;
  for (let i = 0; i < d.length; i += 5) {
    line += d[i]; ch = d[i] === 0 ? ch + d[i + 1] : d[i + 1];
    const type = legend.tokenTypes[d[i + 3]];
    (seen[type] = seen[type] || []).push(doc.lineAt(line).text.slice(ch, ch + d[i + 2]));
  }
  assert.deepEqual(legend.tokenTypes.slice(0, 2), ['person', 'slogan']);
  assert.ok((seen.quotation || []).some(t => t.startsWith('“你看看现在这寨河')), 'the speech “你看看…” is not a quotation');
  assert.ok(!(seen.slogan || []).some(t => t.includes('你看看')), 'speech painted as a slogan');
  assert.ok((seen.slogan || []).includes('四不两直'));
  assert.ok((seen.person || []).includes('许廷合'));
  assert.ok((seen.headline || []).length >= 5, 'headlines are painted by the server');
  return Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.length]));
});

test('workspace symbols by pinyin initials: "lwg" finds 李伟光', async () => {
  await openAsZh(seedFile('000'));
  const syms = await waitFor(async () => {
    const r = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'lwg');
    return r && r.some(x => x.name.startsWith('李伟光')) && r;
  }, 20000, 'no 李伟光 for "lwg"');
  const hit = syms.find(x => x.name.startsWith('李伟光'));
  assert.ok(/lwg/.test(hit.name), `VS Code filters by the name: ${hit.name}`);
  return { name: hit.name };
});

test('Treat File as Chinese Article (zhArticle.setLanguage) switches a plaintext file', async () => {
  const uri = vscode.Uri.file(path.join(wsDir(), 'notes.md'));
  fs.writeFileSync(uri.fsPath, fs.readFileSync(seedFile('002'), 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.notEqual(doc.languageId, LANG);
  await vscode.commands.executeCommand('zhArticle.setLanguage');
  await waitFor(() => docFor(uri) && docFor(uri).languageId === LANG, 5000, 'the language did not switch');
  await waitFor(() => ourDiags(uri).length > 0, 20000, 'no diagnostics after the switch');
});

test('Reopen with GB18030 Encoding (zhArticle.reopenWithGb18030) decodes a GBK file', async () => {
  // 中文报道：本报讯 — in GBK bytes, repeated: UTF-8 decoding turns it into replacement characters
  const gbk = Buffer.from('d6d0cec4b1a8b5c0a3bab1beb1a8d1b6', 'hex');
  const file = path.join(wsDir(), 'gbk.txt');
  fs.writeFileSync(file, Buffer.concat(Array.from({ length: 40 }, () => Buffer.concat([gbk, Buffer.from('\n')]))));
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  assert.ok(!textOf(uri).includes('中文报道'));
  await vscode.commands.executeCommand('zhArticle.reopenWithGb18030');
  await waitFor(() => textOf(uri).includes('中文报道：本报讯'), 10000, () => `not decoded: ${JSON.stringify(textOf(uri).slice(0, 20))}`);
});

test('Restart Language Server (zhArticle.restartServer): the features answer again', async () => {
  const { uri, doc } = await openAsZh(seedFile('000'));
  await vscode.commands.executeCommand('zhArticle.restartServer');
  const pos = doc.positionAt(doc.getText().indexOf('李伟光') + 1);
  await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)).includes('区长'), 30000, 'no hover after the restart');
});

// Contract: zhArticle.diagnostics.halfwidthPunct.enabled (boolean).  If the manifest instead has the
// per-code severity form zhArticle.diagnostics.halfwidthPunct ("off" | "error" | …), that is used
// (and reported in the detail) — either way, turning the family off must remove its diagnostics.
test('settings: turning halfwidth-punct off removes those diagnostics (seed 001), resetting restores them', async () => {
  const { uri } = await openAsZh(seedFile('001'));
  const cfg = () => vscode.workspace.getConfiguration('zhArticle');
  const registered = k => { const i = cfg().inspect(k); return i && i.defaultValue !== undefined; };
  const [key, off] = registered('diagnostics.halfwidthPunct.enabled') ? ['diagnostics.halfwidthPunct.enabled', false]
    : registered('diagnostics.halfwidthPunct') ? ['diagnostics.halfwidthPunct', 'off'] : [];
  assert.ok(key, 'neither zhArticle.diagnostics.halfwidthPunct.enabled nor zhArticle.diagnostics.halfwidthPunct is a registered setting');
  await waitFor(() => countCode(uri, 'halfwidth-punct') > 0, 30000, 'seed 001 has no halfwidth-punct diagnostics to start with');
  const n0 = countCode(uri, 'halfwidth-punct');
  try {
    await cfg().update(key, off, vscode.ConfigurationTarget.Global);
    await waitFor(() => countCode(uri, 'halfwidth-punct') === 0, 15000,
      () => `halfwidth-punct still reported (${countCode(uri, 'halfwidth-punct')}) after zhArticle.${key}=${JSON.stringify(off)}`);
    assert.ok(codesOf(uri).includes('byline-merged'), `other diagnostics disappeared too: ${JSON.stringify(codesOf(uri))}`);
  } finally {
    await cfg().update(key, undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor(() => countCode(uri, 'halfwidth-punct') > 0, 15000, 'halfwidth-punct did not come back after resetting the setting');
  return { setting: `zhArticle.${key}=${JSON.stringify(off)}`, before: n0, after: countCode(uri, 'halfwidth-punct') };
});

test('setting zhArticle.autoDetect=false leaves a new .txt as plaintext', async () => {
  const cfg = () => vscode.workspace.getConfiguration('zhArticle');
  const file = copyOf('002', 'nodetect');
  try {
    await cfg().update('autoDetect', false, vscode.ConfigurationTarget.Global);
    await sleep(300);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await sleep(wait(3000));
    assert.equal(docFor(uri).languageId, 'plaintext', 'switched although zhArticle.autoDetect is false');
  } finally {
    await cfg().update('autoDetect', undefined, vscode.ConfigurationTarget.Global);
  }
});

// the corpus views (issue 18), last: they leave the views open for the final screenshot
require('./corpus')({ test, waitFor, openAsZh, seedFile, copyOf, sleep });

// ---------------------------------------------------------------------------------------------
async function run() {
  const results = [];
  const t0 = Date.now();
  const save = () => {
    const file = process.env.ZH_TEST_RESULTS_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify({ tier: 'tier1', vscode: vscode.version, tests: results }, null, 2));
  };
  say(`VS Code ${vscode.version}, ${tests.length} tests, workspace ${wsDir()}`);
  for (const t of tests) {
    const s = Date.now();
    try {
      const detail = await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - s, ...(detail ? { detail } : {}) });
      say(`  ✓ ${t.name} (${Date.now() - s} ms)`);
    } catch (e) {
      const error = (e && e.message) || String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - s, error });
      say(`  ✗ ${t.name} (${Date.now() - s} ms)\n      ${error.split('\n').join('\n      ')}`);
    }
    save();
  }
  const failed = results.filter(r => !r.ok).length;
  say(`${results.length - failed} passed, ${failed} failed in ${Date.now() - t0} ms`);
  save();
  if (failed) throw new Error(`${failed} test(s) failed`);
}
module.exports = { run };
