// The outline, folding, code lenses and semantic tokens are computed once per analysis (the
// store keeps one Analysis object per document version) and answer a repeated request with the
// same result; positions come from a line index that must agree with TextDocument.positionAt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { analyzeDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));
const symbols = require(resolve(ROOT, 'server/out/features/symbols.js'));
const lines = require(resolve(ROOT, 'server/out/features/lines.js'));
const tokens = require(resolve(ROOT, 'server/out/features/semanticTokens.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');
const { SymbolKind } = require('vscode-languageserver/node');

const EXAMPLES = resolve(ROOT, 'examples');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(resolve(EXAMPLES, f), 'utf8')]);
const page = examples.map(([, t]) => t).join('\n\n');
const docOf = (text, version = 1) => TextDocument.create('file:///x.txt', 'zh-article', version, text);

test('LineIndex answers as TextDocument.positionAt for every offset (\\n, \\r\\n, \\r, astral, out of range), in any order', () => {
  const texts = [
    '', 'a', '\n', '\r\n', '\r', '\n\n', '\r\r\n\n',
    '第一行\r\n第二行\r第三行\n\n𠀋𠀋字\r\n',
    page.slice(0, 3000).replace(/\n/g, '\r\n'),
    page.slice(0, 3000),
  ];
  for (const text of texts) {
    const doc = docOf(text);
    const offsets = [];
    for (let o = -2; o <= text.length + 2; o++) offsets.push(o);
    const orders = [offsets, [...offsets].reverse(), offsets.map((_, i) => offsets[(i * 7919) % offsets.length])];
    for (const order of orders) {
      const li = new lines.LineIndex(text);
      for (const o of order) {
        assert.deepEqual(li.position(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(text.slice(0, 20))}`);
        assert.equal(li.line(o), doc.positionAt(o).line);
      }
    }
    assert.equal(new lines.LineIndex(text).lineCount, doc.lineCount);
  }
});

// The outline as it was computed before it was cached: positions by doc.positionAt, the
// caption name by doc.getText. The cached outline must be the same.
function outlineOracle(doc, a) {
  const range = (s) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  const contents = symbols.reportContents(a);
  return a.reports.map((r, ri) => {
    const children = [];
    const sel = range(r.nameSpan);
    if (r.kicker) children.push({ name: r.kicker, detail: 'kicker', kind: SymbolKind.String, range: sel, selectionRange: sel });
    if (r.subtitle) children.push({ name: r.subtitle, detail: 'subtitle', kind: SymbolKind.String, range: sel, selectionRange: sel });
    for (const c of r.captions) children.push({ name: doc.getText(range(c)).slice(0, 40), detail: 'caption', kind: SymbolKind.File, range: range(c), selectionRange: range(c) });
    for (const [pi, m] of contents[ri].people) {
      const p = a.people[pi];
      children.push({ name: p.name, detail: p.roles.join('、') || (p.kind === 'other' ? 'person' : p.kind), kind: SymbolKind.Object, range: range(m), selectionRange: range(m) });
    }
    for (const [, e] of contents[ri].slogans) children.push({ name: e.count > 1 ? `${e.text} ×${e.count}` : e.text, detail: 'slogan', kind: SymbolKind.Constant, range: range(e.span), selectionRange: range(e.span) });
    return { name: r.name || '—', detail: symbols.reportDetail(r), kind: SymbolKind.Module, range: range(r), selectionRange: sel, children };
  });
}

/**
 * The tokens checked against positionAt: each decoded token lies on one line, inside a span of
 * its type (a mention, a slogan, a quotation or a headline), and the pieces of every mention and
 * slogan that overlaps no other, joined, are its text without the line breaks.
 */
function checkTokens(doc, a, data) {
  const text = doc.getText();
  const quotes = require(resolve(ROOT, 'server/out/analysis/quotations.js')).findQuotations(text);
  const spansOf = [a.people.flatMap((p) => p.mentions), a.slogans.filter((x) => !x.vocabulary), quotes, a.reports.filter((r) => r.headline).map((r) => r.headline)];
  const pieces = new Map();
  let line = 0, ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]; ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const from = doc.offsetAt({ line, character: ch }), to = from + data[i + 2];
    assert.equal(doc.positionAt(to).line, line, 'a token spans lines');
    const span = spansOf[data[i + 3]].find((x) => x.start <= from && to <= x.end);
    assert.ok(span, `token ${JSON.stringify(text.slice(from, to))} of type ${data[i + 3]} outside every span of its type`);
    pieces.set(span, (pieces.get(span) ?? '') + text.slice(from, to));
  }
  const front = [...spansOf[0], ...spansOf[1]];
  // (of two overlapping names or slogans one is painted: the one starting first)
  for (const span of front.filter((x) => !front.some((y) => y !== x && y.start < x.end && x.start < y.end))) {
    const whole = text.slice(span.start, span.end).replace(/\s+/gu, '');
    if (whole) assert.equal(pieces.get(span)?.replace(/\s+/gu, ''), whole, `the pieces of ${JSON.stringify(whole)}`);
  }
}

for (const [name, text] of [...examples, ['all examples, CRLF', page.replace(/\n/g, '\r\n')]]) {
  test(`outline, folding and tokens of ${name} are what positionAt gives`, () => {
    const doc = docOf(text);
    const a = analyzeDocument(text);
    assert.deepEqual(symbols.documentSymbols(doc, a), outlineOracle(doc, a));
    assert.deepEqual(symbols.foldingRanges(doc, a), a.reports.map((r) => ({ startLine: doc.positionAt(r.start).line, endLine: doc.positionAt(r.end).line, kind: 'region' })).filter((f) => f.endLine > f.startLine));
    const heads = a.reports.map((r) => JSON.stringify(doc.positionAt(r.nameSpan.start)));
    assert.ok(symbols.codeLenses(doc, a, 'en').every((l) => heads.includes(JSON.stringify(l.range.start))), 'every lens stands on a headline');
    checkTokens(doc, a, tokens.semanticTokens(doc, a));
  });
}

test('a second request on the same analysis returns the same result without recomputing it', () => {
  const doc = docOf(page);
  const a = analyzeDocument(page);
  assert.ok(a.reports.length > 3, 'the examples make several reports');
  const before = { ...symbols.computed, tokens: tokens.computed.semanticTokens };

  const s1 = symbols.documentSymbols(doc, a);
  const f1 = symbols.foldingRanges(doc, a);
  const l1 = symbols.codeLenses(doc, a, 'en');
  const z1 = symbols.codeLenses(doc, a, 'zh');
  const t1 = tokens.semanticTokens(doc, a);
  assert.equal(symbols.computed.documentSymbols, before.documentSymbols + 1);
  assert.equal(symbols.computed.foldingRanges, before.foldingRanges + 1);
  assert.equal(symbols.computed.codeLenses, before.codeLenses + 2, 'one per locale');
  assert.equal(tokens.computed.semanticTokens, before.tokens + 1);
  assert.notEqual(l1, z1);
  assert.match(z1[0].command.title, /人/);

  const snapshot = JSON.stringify([s1, f1, l1, z1, t1]);
  for (let i = 0; i < 3; i++) {
    assert.equal(symbols.documentSymbols(doc, a), s1);
    assert.equal(symbols.foldingRanges(doc, a), f1);
    assert.equal(symbols.codeLenses(doc, a, 'en'), l1);
    assert.equal(symbols.codeLenses(doc, a, 'zh'), z1);
    assert.equal(tokens.semanticTokens(doc, a), t1);
  }
  assert.equal(symbols.computed.documentSymbols, before.documentSymbols + 1, 'documentSymbols was recomputed');
  assert.equal(symbols.computed.foldingRanges, before.foldingRanges + 1, 'foldingRanges was recomputed');
  assert.equal(symbols.computed.codeLenses, before.codeLenses + 2, 'codeLenses was recomputed');
  assert.equal(tokens.computed.semanticTokens, before.tokens + 1, 'semanticTokens were recomputed');
  assert.equal(JSON.stringify([s1, f1, l1, z1, t1]), snapshot, 'a cached result was changed');
});

test('a changed document (a new analysis) gets a new outline, with the new positions', () => {
  const a1 = analyzeDocument(page);
  const s1 = symbols.documentSymbols(docOf(page), a1);
  const n = symbols.computed.documentSymbols;
  const text2 = '\n\n' + page;
  const doc2 = docOf(text2, 2);
  const a2 = analyzeDocument(text2);
  const s2 = symbols.documentSymbols(doc2, a2);
  assert.equal(symbols.computed.documentSymbols, n + 1);
  assert.notEqual(s2, s1);
  assert.deepEqual(s2, outlineOracle(doc2, a2));
  assert.equal(s2[0].range.start.line, s1[0].range.start.line + 2);
  assert.equal(symbols.documentSymbols(doc2, a2), s2);
});
