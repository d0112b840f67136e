// Property tests of the pure analysis on the real seeds and on damage generated from
// examples/: fixes keep every Chinese character in order (a moved caption moves whole),
// fix-all is idempotent, offsets map exactly through CRLF, residue and astral characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT, SEEDS } from '../support/lsp.mjs';

const require = createRequire(import.meta.url);
const { analyzeDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));
const { applyChanges } = require(resolve(ROOT, 'server/out/analysis/repair.js'));
const { repairDocument } = require(resolve(ROOT, 'server/out/analysis/index.js'));
const { DEFAULT_FIX_ALL } = require(resolve(ROOT, 'server/out/settings.js'));

const han = (s) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');
const load = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(resolve(dir, f), 'utf8')]) : []);
const seeds = load(SEEDS);
const examples = load(resolve(ROOT, 'examples'));

/** Han sequence with the moved captions taken out (they may only move whole). */
function hanOrderWithout(text, captions) {
  let t = han(text);
  for (const c of captions) { const h = han(c); assert.ok(t.includes(h), 'a moved caption stays whole'); t = t.replace(h, ''); }
  return t;
}

function checkFixAll(name, text) {
  const a = analyzeDocument(text);
  const { changes, text: repaired } = repairDocument(text, DEFAULT_FIX_ALL, {}, a);
  const fixed = applyChanges(text, changes);
  assert.equal(fixed, repaired);
  const captions = a.findings.filter((f) => f.code === 'caption-interrupts').map((f) => text.slice(f.start, f.end));
  assert.equal([...han(fixed)].sort().join(''), [...han(text)].sort().join(''), `${name}: fix-all changed the Han characters`);
  assert.equal(hanOrderWithout(fixed, captions), hanOrderWithout(text, captions), `${name}: fix-all reordered Han characters`);
  const again = analyzeDocument(fixed).findings.filter((f) => DEFAULT_FIX_ALL.includes(f.code));
  assert.deepEqual(again.map((f) => `${f.code}@${f.start}`), [], `${name}: fix-all is not idempotent`);
  // each quick fix alone keeps the invariants too
  for (const f of a.findings) {
    if (!f.changes.length || f.code === 'page-furniture') continue;
    const one = applyChanges(text, f.changes);
    const moved = f.code === 'caption-interrupts' ? [text.slice(f.start, f.end)] : [];
    assert.equal(hanOrderWithout(one, moved), hanOrderWithout(text, moved), `${name}: quick fix ${f.code}@${f.start} reorders`);
    assert.equal(han(one).length, han(text).length, `${name}: quick fix ${f.code} loses characters`);
  }
  return { a, fixed };
}

test('seeds: fix-all keeps every Chinese character in order and is idempotent', { skip: !seeds.length && 'no seeds' }, () => {
  for (const [name, text] of seeds) checkFixAll(name, text);
});

test('examples: fix-all invariants hold on our own sample articles', () => {
  assert.ok(examples.length >= 4, 'examples/ has sample articles');
  for (const [name, text] of examples) checkFixAll(name, text);
});

/** Generated damage: unwrap an example to paragraphs, wrap it at a width, split a sentence by a blank line. */
function damage(text, width) {
  // ground truth: the example's own body paragraphs once repaired
  const paras = repairDocument(text, DEFAULT_FIX_ALL).text.split('\n').map((p) => p.trim()).filter((p) => p.length > 60 && /。$/u.test(p));
  const wrapped = paras.map((p) => (p.match(new RegExp(`.{1,${width}}`, 'gu')) || []).join('\n'));
  const k = Math.floor(wrapped.length / 2);
  const lines = wrapped[k].split('\n');
  if (lines.length > 2) { const at = Math.floor(lines.length / 2); wrapped[k] = lines.slice(0, at).join('\n') + '\n\n' + lines.slice(at).join('\n'); }
  return { damaged: wrapped.join('\n\n'), paras };
}

test('generated damage: widths other than the seeds are inferred and repaired', () => {
  for (const [name, text] of examples) {
    for (const width of [14, 18, 22, 25]) {
      const { damaged, paras } = damage(text, width);
      if (paras.length < 2) continue;
      const { a, fixed } = checkFixAll(`${name}@${width}`, damaged);
      assert.ok(a.findings.some((f) => f.code === 'hard-wrap'), `${name}@${width}: no hard-wrap found`);
      const norm = (x) => x.replace(/\s+/gu, '').replace(/[,:;()!?]/gu, (c) => ({ ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' })[c]);
      const got = new Set(fixed.split('\n').map(norm).filter(Boolean));
      const restored = paras.filter((p) => got.has(norm(p))).length;
      assert.ok(restored >= paras.length - 1, `${name}@${width}: restored ${restored}/${paras.length} paragraphs`);
    }
  }
});

test('offsets map exactly with CRLF, pinyin residue and astral characters', () => {
  const text = '𠀀本报讯 10月28日上午，惠济区委\r\n常委会召开会议，区委副书记、區(qū)長\r\n李伟光主持会议。“兩(liǎng)個(gè)確(què)立”\r\n\r\n记者 刘怡辰\r\n';
  const a = analyzeDocument(text);
  const li = a.people.find((p) => p.key === '李伟光');
  assert.ok(li, 'person found across CRLF');
  for (const m of li.mentions) assert.equal(text.slice(m.start, m.end), '李伟光');
  assert.ok(li.roles.some((r) => r.includes('區長')), `roles as written: ${li.roles}`);
  const s = a.slogans.find((x) => x.key === '两个确立');
  assert.ok(s, 'slogan through residue');
  assert.equal(text.slice(s.start, s.end), '兩(liǎng)個(gè)確(què)立');
  const fixed = repairDocument(text, DEFAULT_FIX_ALL, {}, a).text;
  assert.equal(han(fixed), han(text).replace(/[a-z]/gu, ''));
  assert.ok(!/\(q/u.test(fixed), 'residue removed');
});

test('names that are ordinary words or cut by titles', () => {
  const a = analyzeDocument('副区长江海出席会议。区委书记李春节主持。记者 石磊 摄\n区委常委、常务副区长刘斌，副区长欧阳文华参加。');
  const keys = a.people.map((p) => p.key);
  for (const n of ['江海', '李春节', '刘斌', '欧阳文华']) assert.ok(keys.includes(n), `${n} in ${keys}`);
  assert.ok(!keys.includes('长江'));
  const b = analyzeDocument('坚持高质量发展，统筹发展和安全。(魏宣)');
  assert.deepEqual(b.people.map((p) => p.key), []);
});

test('numbered slogans: the text’s own expansion is found', () => {
  const a = analyzeDocument('以区委“三个落实”行动为抓手。要坚持穿透落实、闭环落实、担当落实。');
  assert.deepEqual(a.expansions.get('三个落实'), ['穿透落实', '闭环落实', '担当落实']);
});

test('reports: a web page footer and its editor tag are not reports; a paragraph opening 今年以来 stays in its report', () => {
  const page = analyzeDocument(readFileSync(resolve(ROOT, 'examples/web-page.txt'), 'utf8'));
  assert.deepEqual(page.reports.map((r) => r.name), ['槐阳区召开2023年安全生产暨消防工作会议']);
  const footer = page.findings.filter((f) => f.code === 'page-furniture').map((f) => f.args.line);
  assert.ok(footer.some((l) => l.startsWith('主办单位')), 'the footer line is page furniture');
  const news = analyzeDocument(readFileSync(resolve(ROOT, 'examples/newspaper-page.txt'), 'utf8'));
  const feature = news.reports.find((r) => r.name.startsWith('白石镇'));
  assert.ok(feature, 'the feature is a report');
  assert.ok(news.text.slice(feature.start, feature.end).includes('今年以来，白石镇推行'), 'its second paragraph belongs to it');
  assert.equal(news.reports.length, 6);
});
