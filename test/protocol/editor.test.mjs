// What the editor shows and where it leads (issue 17; issue 14 item 8), spoken to the built
// server over LSP on invented text: colours that tell speech, slogans, people, bylines and
// headlines apart; a wrapped page flagged on its line breaks; names and slogans cut by a line
// break; lenses, slogan occurrences and initials that lead somewhere; the server's log; the
// restricted (untrusted) and virtual workspaces.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, hoverText, ROOT } from '../support/lsp.mjs';

// a report hard-wrapped at 18 characters: 李伟光 and “三个落实” are cut by line breaks,
// the quoted speech is not
const HEADLINE = '青川区召开全区经济工作会议';
const BODY = '本报讯（记者王晓明）3月5日，青川区召开全区经济工作会议。区委书记张建国出席会议并讲话，区委副书记、区长李伟光主持会议。' +
  '会议强调，要深入落实“三个落实”要求，推动各项工作取得实效。“今年的收成比去年好多了。”村民赵大山说，日子越过越红火。' +
  '会议要求，全区上下要坚定信心，真抓实干，确保全年目标任务圆满完成。';
const wrap = (s, w) => s.match(new RegExp(`.{1,${w}}`, 'gu')).join('\n');
const PAGE = `${HEADLINE}\n\n${wrap(BODY, 18)}\n`;
const LINES = PAGE.split('\n');

let s, legend;
before(async () => { s = await startServer(); legend = s.init.capabilities.semanticTokensProvider.legend; });
after(async () => { await s.stop(); });

/** the tokens as { line, text, type, mods } */
async function tokensOf(uri, lines) {
  const { data } = await s.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  const out = [];
  let line = 0, ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]; ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
    out.push({ line, ch, text: lines[line].slice(ch, ch + data[i + 2]), type: legend.tokenTypes[data[i + 3]], mods });
  }
  return out;
}
/** the position of needle's k-th character in PAGE, wherever the wrap cut it */
const at = (needle, k = 0) => {
  const m = new RegExp([...needle].join('\n?'), 'u').exec(PAGE);
  let off = m.index;
  for (let i = 0; i < k; i++) off += PAGE[off + 1] === '\n' ? 2 : 1;
  const before = PAGE.slice(0, off);
  return { line: before.split('\n').length - 1, character: off - (before.lastIndexOf('\n') + 1) };
};

test('the legend keeps person and slogan first, and package.json maps every type to a scope that is not a string for slogans', () => {
  assert.deepEqual(legend.tokenTypes, ['person', 'slogan', 'quotation', 'headline']);
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).contributes;
  const declared = pkg.semanticTokenTypes.map((t) => t.id);
  for (const t of legend.tokenTypes) assert.ok(declared.includes(t), `${t} declared in contributes.semanticTokenTypes`);
  for (const m of legend.tokenModifiers) assert.ok(pkg.semanticTokenModifiers.some((x) => x.id === m), `${m} declared`);
  const scopes = pkg.semanticTokenScopes[0].scopes;
  // a theme takes the first scope it colours: the one each type leads with must differ
  const lead = ['person', 'person.reporter', 'slogan', 'quotation', 'headline'].map((k) => scopes[k]?.[0]);
  assert.equal(new Set(lead).size, lead.length, JSON.stringify(lead));
  assert.ok(!scopes.slogan[0].startsWith('string'), 'a slogan must not take the colour of strings (quoted speech)');
  assert.ok(scopes.quotation[0].startsWith('string'));
});

test('speech in quotes is a quotation, a quoted formulation a slogan, the headline a headline, the byline a reporter', async () => {
  const { uri } = await s.open('colours.txt', PAGE);
  const toks = await tokensOf(uri, LINES);
  const of = (type) => toks.filter((t) => t.type === type).map((t) => t.text);
  assert.ok(of('quotation').includes('“今年的收成比去年好多了。”'), JSON.stringify(of('quotation')));
  assert.ok(!of('slogan').some((t) => t.includes('今年')), 'speech is not a slogan');
  assert.ok(!of('quotation').some((t) => t.includes('落实')), 'a quoted slogan is not painted as speech');
  assert.deepEqual(of('headline'), [HEADLINE]);
  const reporter = toks.find((t) => t.text === '王晓明');
  assert.equal(reporter?.type, 'person');
  assert.deepEqual(reporter.mods, ['reporter']);
  assert.deepEqual(toks.find((t) => t.text === '张建国')?.mods, []);
  // never two tokens over one character
  for (let i = 1; i < toks.length; i++) if (toks[i].line === toks[i - 1].line) assert.ok(toks[i].ch >= toks[i - 1].ch + toks[i - 1].text.length, 'tokens overlap');
});

test('a name or slogan cut by a line break: a token on each piece; hover, references and highlights on either piece', async () => {
  const { uri } = await s.open('cut.txt', PAGE);
  const toks = await tokensOf(uri, LINES);
  const pieces = (type, a, b) => toks.some((t, i) => t.type === type && t.text === a && toks[i + 1]?.type === type && toks[i + 1].text === b && toks[i + 1].line === t.line + 1 && toks[i + 1].ch === 0);
  assert.ok(pieces('person', '李伟', '光'), 'person 李伟 | 光');
  assert.ok(pieces('slogan', '三', '个落实'), 'slogan 三 | 个落实');
  for (const pos of [at('李伟光'), at('李伟光', 2) /* 光, on the next line */]) {
    const h = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: pos }));
    assert.ok(h.includes('李伟光') && h.includes('区长'), `hover at ${JSON.stringify(pos)}: ${h.slice(0, 80)}`);
    const refs = (await s.request('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } })).filter((r) => r.uri === uri);
    assert.equal(refs.length, 1);
    assert.deepEqual(refs[0].range, { start: at('李伟光'), end: { line: at('李伟光').line + 1, character: 1 } });
    const hl = await s.request('textDocument/documentHighlight', { textDocument: { uri }, position: pos });
    assert.equal(hl.length, 1);
  }
  const h = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: at('三个落实', 1) }));
  assert.ok(h.includes('三个落实'), h.slice(0, 80));
});

test('a wrapped paragraph is flagged on its first line break only: no name or slogan under it', async () => {
  const { diagnostics } = await s.open('wrapped.txt', PAGE);
  const wraps = diagnostics.filter((d) => d.code === 'hard-wrap');
  assert.equal(wraps.length, 1);
  const first = at('本报讯').line;
  assert.deepEqual(wraps[0].range, { start: { line: first, character: LINES[first].length }, end: { line: first + 1, character: 0 } });
  // the quick fix still joins the whole paragraph
  const actions = await s.request('textDocument/codeAction', { textDocument: { uri: pathToFileURL('/tmp/zh-article-tests/wrapped.txt').href }, range: wraps[0].range, context: { diagnostics: wraps } });
  const edits = actions.find((a) => a.kind === 'quickfix')?.edit.changes[pathToFileURL('/tmp/zh-article-tests/wrapped.txt').href];
  assert.ok(edits?.length >= 8, 'the fix joins every line of the paragraph');
});

test('the code lenses peek at the report\'s people, slogans and repairs', async () => {
  const { uri } = await s.open('lens.txt', PAGE);
  const lenses = await s.request('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => l.command.title), ['4 people', '1 slogan', '1 repair']);
  for (const l of lenses) {
    assert.equal(l.command.command, 'zhArticle.showLocations');
    const [u, pos, locations] = l.command.arguments;
    assert.equal(u, uri);
    assert.deepEqual(pos, l.range.start);
    assert.ok(locations.length > 0 && locations.every((x) => x.uri === uri));
  }
  const people = lenses[0].command.arguments[2].map((x) => LINES[x.range.start.line].slice(x.range.start.character, x.range.end.character));
  // (the first piece of each: 李伟光 and the villager 赵大山 are cut by the wrap)
  assert.deepEqual(people, ['王晓明', '张建国', '李伟', '赵大']);
});

test('Chinese UI: the lenses and the Repair Document summary say it in Chinese, no raw codes', async () => {
  const zh = await startServer({ locale: 'zh-cn' });
  try {
    const { uri } = await zh.open('zh-lens.txt', PAGE);
    const lenses = await zh.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command.title), ['4 人', '1 条提法', '1 处修复']);
    const r = await zh.request('workspace/executeCommand', { command: 'zh-article.server.repair', arguments: [uri] });
    assert.ok(r.applied['hard-wrap'] >= 1);
    assert.match(r.summary, /^已修复：合并硬换行段落 \d+ 处/u);
    assert.doesNotMatch(r.summary, /[a-z]-[a-z]|×/u);
    assert.match(zh.applied.at(-1) ? 'ok' : '', /ok/u);
  } finally { await zh.stop(); }
  const r = await s.request('workspace/executeCommand', { command: 'zh-article.server.repair', arguments: [(await s.open('en-repair.txt', PAGE)).uri] });
  assert.match(r.summary, /^Repaired: wrapped paragraphs joined \(\d+\)/u);
});

test('workspace symbols carry the pinyin initials in the name, which VS Code filters by', async () => {
  await s.open('symbols.txt', PAGE);
  const syms = await s.request('workspace/symbol', { query: 'lwg' });
  const hit = syms.find((x) => x.name.startsWith('李伟光'));
  assert.ok(hit, JSON.stringify(syms.map((x) => x.name)));
  assert.equal(hit.name, '李伟光 lwg');
  // what VS Code does with the answer: keep the symbols whose name holds the query's letters in order
  const fuzzy = (name, q) => { let k = 0; for (const c of name.toLowerCase()) if (c === q[k]) k++; return k === q.length; };
  assert.ok(fuzzy(hit.name, 'lwg'));
});

test('List Slogans leads to each occurrence: sloganOccurrences answers locations', async () => {
  const { uri } = await s.open('occurrences.txt', PAGE);
  const list = await s.request('workspace/executeCommand', { command: 'zh-article.server.slogans', arguments: [] });
  const entry = list.find((x) => x.slogan === '三个落实');
  assert.ok(entry, JSON.stringify(list));
  const locs = await s.request('workspace/executeCommand', { command: 'zh-article.server.sloganOccurrences', arguments: ['三个落实'] });
  const here = locs.filter((l) => l.uri === uri);
  assert.equal(here.length, 1);
  assert.deepEqual(here[0].range.start, at('三个落实'));
});

test('the output channel hears the server from the start: version, then each opened file\'s timings', async () => {
  const version = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version;
  assert.equal(s.init.serverInfo.version, version);
  await s.open('log.txt', PAGE);
  assert.ok(s.logs.some((l) => l.startsWith(`zh-article server ${version} · Node v`)), JSON.stringify(s.logs.slice(0, 3)));
  assert.ok(s.logs.some((l) => /^analysed log\.txt \(\d+ characters\): damage \d+ ms/u.test(l)), JSON.stringify(s.logs));
});

test('restricted (untrusted) workspace: .zh-article/ files are neither read nor written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zh-untrusted-'));
  mkdirSync(join(dir, '.zh-article'));
  // the workspace says 张建国 is not a person: a trusted workspace believes it, a restricted one does not
  writeFileSync(join(dir, '.zh-article', 'people.json'), JSON.stringify({ notPeople: ['张建国'] }));
  const file = join(dir, 'a.txt');
  writeFileSync(file, PAGE);
  const names = async (srv) => {
    const { uri } = await srv.open(pathToFileURL(file).href, PAGE);
    await new Promise((r) => setTimeout(r, 300)); // the user files load after initialized
    const syms = await srv.request('textDocument/documentSymbol', { textDocument: { uri } });
    return { uri, people: syms.flatMap((r) => r.children).filter((c) => c.kind === 19).map((c) => c.name) };
  };
  const trusted = await startServer({ folder: dir, initializationOptions: { trusted: true } });
  const restricted = await startServer({ folder: dir, initializationOptions: { trusted: false } });
  try {
    assert.ok(!(await names(trusted)).people.includes('张建国'), 'trusted: people.json applies');
    const r = await names(restricted);
    assert.ok(r.people.includes('张建国'), 'restricted: people.json is not read');
    await assert.rejects(restricted.request('workspace/executeCommand', { command: 'zh-article.server.notAPerson', arguments: [r.uri, '李伟光'] }), /Restricted mode/u);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, '.zh-article', 'people.json'), 'utf8')), { notPeople: ['张建国'] });
    assert.ok(restricted.logs.some((l) => l.includes('restricted mode')));
  } finally {
    await trusted.stop(); await restricted.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('virtual workspace: a document with a non-file URI gets diagnostics, hover and symbols', async () => {
  const uri = 'vscode-vfs://github/example/reports/wrapped.txt';
  const { diagnostics } = await s.open(uri, PAGE);
  assert.ok(diagnostics.some((d) => d.code === 'hard-wrap'));
  const h = hoverText(await s.request('textDocument/hover', { textDocument: { uri }, position: at('张建国', 1) }));
  assert.ok(h.includes('区委书记'), h.slice(0, 80));
  const syms = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(syms[0].name, HEADLINE);
});
