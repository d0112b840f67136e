#!/usr/bin/env node
// Grammar tests for syntaxes/zh-article.tmLanguage.json (npm run test:grammar).
//
//  1. the JSON grammar is in sync with its generator (test/grammar/build-grammar.mjs);
//  2. vscode-tmgrammar-test runs the hand-written cases in test/grammar/cases/*.test.txt;
//  3. the real seed texts in ../shared/seeds/*.txt (read at test time, never copied
//     into the repo) are tokenized with vscode-textmate + vscode-oniguruma and
//     concrete facts about their scopes are asserted;
//  4. the sample articles in examples/*.txt tokenize without errors.
//
// Prints `grammar: N passed, M failed` and exits 1 on any failure.
// ZH_ARTICLE_SEEDS=/path overrides the seed directory.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpToDate } from './build-grammar.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(join(root, 'package.json'));
const grammarPath = join(root, 'syntaxes/zh-article.tmLanguage.json');
const SCOPE = 'text.zh-article';
const S = '.zh-article';

let passed = 0;
let failed = 0;
let skipped = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else {
    failed++;
    console.log(`  ✗ ${name}${detail ? `\n      ${detail}` : ''}`);
  }
  return ok;
}
function skip(what) {
  skipped++;
  console.log(`  - skipped: ${what}`);
}

// ------------------------------------------------------------ 1. generator
console.log('grammar: JSON vs generator');
check('syntaxes/zh-article.tmLanguage.json matches test/grammar/build-grammar.mjs', isUpToDate(),
  'edit test/grammar/build-grammar.mjs and run `node test/grammar/build-grammar.mjs` to regenerate the JSON');

// ------------------------------------------------------------ 2. unit cases
console.log('grammar: vscode-tmgrammar-test cases');
{
  const casesDir = join(here, 'cases');
  const files = existsSync(casesDir) ? readdirSync(casesDir).filter((f) => f.endsWith('.test.txt')).sort() : [];
  if (!check('test/grammar/cases has *.test.txt files', files.length > 0)) {
    /* nothing to run */
  } else {
    const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/parsing.js');
    let assertions = 0;
    for (const f of files) {
      const text = readFileSync(join(casesDir, f), 'utf8');
      const tc = parseGrammarTestCase(text);
      const parsed = tc.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
      assertions += parsed;
      // vscode-tmgrammar-test silently ignores an assertion line it cannot parse
      // (e.g. `- a - b`); make sure every `// <…` / `// ^…` line became an assertion
      const written = text.split(/\r?\n/).filter((l) => /^\/\/\s*(?:<~*-|\^)/.test(l)).length;
      const carets = text.split(/\r?\n/).filter((l) => /^\/\/\s*\^/.test(l)).reduce((n, l) => n + (l.match(/\^+/g) || []).length - 1, 0);
      check(`cases/${f}: all ${written} assertion lines parse`, parsed === written + carets, `${parsed} parsed`);
    }
    const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
    const res = spawnSync(
      process.execPath,
      [cli, '--compact', '-g', relative(root, grammarPath), '--config', relative(root, join(here, 'tmgrammar.config.json')),
        relative(root, join(casesDir, '*.test.txt')).split('\\').join('/')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
    );
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    for (const f of files) {
      const rel = relative(root, join(casesDir, f)).split('\\').join('/');
      const errors = out.split('\n').filter((l) => l.startsWith(`ERROR ${rel}`) || (l.includes(rel) && !l.includes('run successfuly')));
      const ok = res.status === 0 || (out.includes(`${rel} run successfuly`) && errors.length === 0);
      check(`cases/${f}`, ok, errors.slice(0, 20).join('\n      '));
    }
    check('vscode-tmgrammar-test exits 0', res.status === 0, res.error ? String(res.error) : out.trim().split('\n').slice(-5).join('\n      '));
    console.log(`  ${files.length} case files, ${assertions} scope assertions`);
  }
}

// ------------------------------------------------------------ tokenizer
const vsctm = require('vscode-textmate');
const onig = require('vscode-oniguruma');
await onig.loadWASM(readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
    createOnigString: (s) => new onig.OnigString(s),
  }),
  loadGrammar: async (scopeName) =>
    scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
});
const grammar = await registry.loadGrammar(SCOPE);

const TIME_LIMIT_MS = 1000;
/** Tokenize a whole text; never throws. */
function tokenize(text) {
  const lines = [];
  const problems = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, i) => {
    try {
      const r = grammar.tokenizeLine(line, state, TIME_LIMIT_MS);
      if (r.stoppedEarly) problems.push(`line ${i + 1}: tokenizer hit the ${TIME_LIMIT_MS} ms limit`);
      state = r.ruleStack;
      // the only state allowed to cross a line end is meta.paragraph, and a blank line ends it
      const top = r.tokens.length ? r.tokens[r.tokens.length - 1].scopes : [SCOPE];
      if (state.depth > 2) problems.push(`line ${i + 1}: rule stack depth ${state.depth} at end of line`);
      if (!line.trim() && state.depth > 1) problems.push(`line ${i + 1}: blank line did not close the paragraph`);
      lines.push({ text: line, tokens: r.tokens, top });
    } catch (e) {
      problems.push(`line ${i + 1}: ${e && e.stack ? e.stack.split('\n')[0] : e}`);
      lines.push({ text: line, tokens: [], top: [] });
      state = vsctm.INITIAL;
    }
  });
  return { lines, problems };
}

/** Tokens overlapping [from, to) of a line. */
const tokensIn = (line, from, to) => line.tokens.filter((t) => t.startIndex < to && t.endIndex > from);
const show = (line, from, to) =>
  tokensIn(line, from, to).map((t) => `${JSON.stringify(line.text.slice(t.startIndex, t.endIndex))} [${t.scopes.slice(1).join(' ')}]`).join(', ');

/**
 * Assert that every token covering `needle` (the n-th occurrence in the line) carries
 * all `want` scopes and none of `not`.
 */
function expectScopes(label, line, needle, want, { nth = 1, not = [] } = {}) {
  if (!line) return check(label, false, 'line not found');
  let from = -1;
  for (let k = 0; k < nth; k++) {
    from = line.text.indexOf(needle, from + 1);
    if (from < 0) return check(label, false, `"${needle}" not found in line`);
  }
  const to = from + needle.length;
  const toks = tokensIn(line, from, to);
  const ok = toks.length > 0 && toks.every((t) => want.every((s) => t.scopes.includes(s)) && not.every((s) => !t.scopes.includes(s)));
  return check(label, ok, `want [${want.join(' ')}]${not.length ? ` not [${not.join(' ')}]` : ''}; got ${show(line, from, to)}`);
}
/** Assert that every non-blank token of a line carries `want`. */
function expectWholeLine(label, line, want) {
  if (!line) return check(label, false, 'line not found');
  const toks = line.tokens.filter((t) => line.text.slice(t.startIndex, t.endIndex).trim());
  const ok = toks.length > 0 && toks.every((t) => want.every((s) => t.scopes.includes(s)));
  return check(label, ok, `want [${want.join(' ')}] on the whole line; got ${show(line, 0, line.text.length)}`);
}

// ------------------------------------------------------------ 3. seeds
console.log('grammar: seed texts');
const seedDir = process.env.ZH_ARTICLE_SEEDS ? resolve(process.env.ZH_ARTICLE_SEEDS) : resolve(root, '../shared/seeds');
if (!existsSync(seedDir)) {
  skip(`seed checks: ${seedDir} not found (the seeds live outside the repo, in ../shared/seeds)`);
} else {
  const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
  const seeds = new Map();
  for (const f of seedFiles) {
    const { lines, problems } = tokenize(readFileSync(join(seedDir, f), 'utf8'));
    check(`seed ${f}: every line tokenizes (no throw, no time-out, no state leak)`, problems.length === 0, problems.slice(0, 5).join('\n      '));
    seeds.set(f.slice(0, 3), lines);
  }
  check('seeds found', seedFiles.length > 0, `no *.txt in ${seedDir}`);

  /** Run `fn(lines)` for seed `id` (e.g. '004'), or skip when that seed is absent. */
  const withSeed = (id, fn) => (seeds.has(id) ? fn(seeds.get(id)) : skip(`seed ${id}_*.txt not present`));
  const find = (lines, re) => lines.find((l) => re.test(l.text));
  const findAll = (lines, re) => lines.filter((l) => re.test(l.text));

  withSeed('004', (L) => {
    const lead = find(L, /^本报讯[(（]记者/);
    expectScopes('004 lead: 本报讯 is a lead', lead, '本报讯', [`keyword.other.lead${S}`]);
    expectScopes('004 lead: 记者 is a byline role', lead, '记者', [`meta.byline${S}`, `keyword.other.byline${S}`]);
    expectScopes('004 lead: 许廷合 is a byline person', lead, '许廷合', [`meta.byline${S}`, `entity.name.person.byline${S}`]);
    expectScopes('004 lead: 通讯员 is a byline role', lead, '通讯员', [`keyword.other.byline${S}`]);
    expectScopes('004 lead: the correspondent is a byline person', lead, lead?.text.match(/通讯员\s*(\p{Script=Han}{2,4})/u)?.[1] ?? '?', [`entity.name.person.byline${S}`]);
    expectScopes('004 lead: 12月17日 after the byline is a dateline date', lead, '12月17日', [`meta.lead.dateline${S}`, `constant.other.date${S}`]);

    const caption = find(L, /侯聪 摄$/);
    expectScopes('004 caption: 侯聪 is a photo-credit person', caption, '侯聪', [`meta.byline.photo${S}`, `entity.name.person.byline${S}`]);
    expectScopes('004 caption: 摄 is a byline keyword', caption, '摄', [`meta.byline.photo${S}`, `keyword.other.byline${S}`], { nth: 1 });
    expectScopes('004 caption: the caption text is not a byline', caption, caption?.text.slice(0, 6) ?? '?', [], { not: [`meta.byline.photo${S}`] });

    const credits = findAll(L, /^\p{Script=Han}{2,4} 摄$/u);
    check('004 has stand-alone `名字 摄` lines', credits.length > 0);
    credits.forEach((l, i) => expectScopes(`004 stand-alone photo credit #${i + 1}`, l, l.text.slice(0, l.text.indexOf(' ')), [`meta.byline.photo${S}`, `entity.name.person.byline${S}`]));

    expectWholeLine('004 (魏宣) alone on a line is a source tag', find(L, /^[(（]魏宣[)）]$/), [`comment.line.source${S}`]);
    const trailing = find(L, /。[(（]魏宣[)）]$/);
    expectScopes('004 (魏宣) after the last sentence is a source tag', trailing, '魏宣', [`comment.line.source${S}`]);

    const feature = find(L, /^本报记者 /);
    expectScopes('004 本报记者 line: role', feature, '本报记者', [`meta.byline${S}`, `keyword.other.byline${S}`]);
    expectScopes('004 本报记者 line: 许廷合 is a person', feature, '许廷合', [`meta.byline${S}`, `entity.name.person.byline${S}`]);

    const firstText = L.find((l) => l.text.trim());
    expectScopes('004 the kicker on top is not guessed a headline (the server paints headlines)', firstText, firstText?.text.trim().slice(0, 2) ?? '?', [], { not: [`markup.heading.headline${S}`] });
    expectScopes('004 prose lines are not headlines', lead, '中国共产党', [`meta.paragraph${S}`], { not: [`markup.heading.headline${S}`] });
  });

  withSeed('002', (L) => {
    expectWholeLine('002 line 1 breadcrumb `首页 / … / …` is furniture', L[0], [`comment.block.furniture${S}`]);
    expectScopes('002 breadcrumb separators', L[0], '/', [`comment.block.furniture${S}`, `punctuation.separator.breadcrumb${S}`]);
    const meta = find(L, /^时间[:：]2021-05-20\s+来源[:：]/);
    expectWholeLine('002 `时间:… 来源:…` is metadata', meta, [`meta.metadata${S}`]);
    expectScopes('002 metadata key 时间', meta, '时间', [`meta.metadata${S}`, `keyword.other.metadata${S}`]);
    expectScopes('002 metadata key 来源', meta, '来源', [`meta.metadata${S}`, `keyword.other.metadata${S}`]);
    expectScopes('002 metadata date 2021-05-20', meta, '2021-05-20', [`meta.metadata${S}`, `constant.other.date${S}`]);
    expectWholeLine('002 `分享到` is furniture', find(L, /^分享到/), [`comment.block.furniture${S}`]);
    const dl = find(L, /^\d{1,2}月\d{1,2}日[,，]/);
    expectScopes('002 paragraph-opening date is a dateline', dl, dl?.text.match(/^\d{1,2}月\d{1,2}日/)?.[0] ?? '?', [`meta.lead.dateline${S}`, `constant.other.date${S}`]);
  });

  withSeed('003', (L) => {
    const line = find(L, /會\(huì\)議/);
    const at = line ? line.text.indexOf('會(huì)議') : -1;
    expectScopes('003 `會(huì)議`: (huì) is pinyin', line, '(huì)', [`comment.other.pinyin${S}`]);
    if (line) {
      const han = tokensIn(line, at, at + 1).concat(tokensIn(line, at + 6, at + 7));
      check('003 `會(huì)議`: 會 and 議 are not pinyin', han.length > 0 && han.every((t) => !t.scopes.includes(`comment.other.pinyin${S}`)), show(line, at, at + 7));
    }
    // every ruby residue `漢(pīn)` in the seed is scoped, and nothing else is
    const ruby = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu;
    let expected = 0;
    let scoped = 0;
    const misses = [];
    for (const l of L) {
      for (const m of l.text.matchAll(ruby)) {
        expected++;
        const toks = tokensIn(l, m.index, m.index + m[0].length);
        if (toks.every((t) => t.scopes.includes(`comment.other.pinyin${S}`))) scoped++;
        else if (misses.length < 3) misses.push(show(l, m.index, m.index + m[0].length));
      }
    }
    check(`003 all ${expected} ruby residues are scoped as pinyin`, expected > 0 && scoped === expected, `${scoped}/${expected}; ${misses.join('; ')}`);
    const pinyinTokens = L.reduce((n, l) => n + l.tokens.filter((t) => t.scopes.includes(`comment.other.pinyin${S}`) && !t.scopes.some((s) => s.startsWith('punctuation.'))).length, 0);
    check('003 nothing but ruby residue is scoped as pinyin', pinyinTokens === expected, `${pinyinTokens} pinyin tokens for ${expected} residues`);
    expectScopes('003 `日前,` opening the text is a lead', L[0], '日前', [`meta.lead.dateline${S}`, `keyword.other.lead${S}`]);
  });

  withSeed('001', (L) => {
    const h1 = find(L, /^# /);
    expectScopes('001 `# …` marker', h1, '#', [`markup.heading${S}`, `punctuation.definition.heading${S}`]);
    expectWholeLine('001 `# …` is a heading', h1, [`markup.heading${S}`]);
    expectScopes('001 `# …` text is a section name', h1, h1?.text.slice(2, 8) ?? '?', [`markup.heading${S}`, `entity.name.section${S}`]);
    const h2 = findAll(L, /^## /);
    check('001 has `## …` headings', h2.length > 0);
    h2.forEach((l, i) => expectWholeLine(`001 \`## …\` #${i + 1} is a heading`, l, [`markup.heading${S}`]));
    const bylines = findAll(L, /^记者 /);
    check('001 has byline lines', bylines.length > 0);
    bylines.forEach((l, i) => {
      expectWholeLine(`001 byline line #${i + 1} is a byline`, l, [`meta.byline${S}`]);
      expectScopes(`001 byline line #${i + 1}: reporter name`, l, l.text.split(/\s+/)[1], [`entity.name.person.byline${S}`]);
    });
    const runOn = find(L, /。记者 \S+ 通讯员 \S+$/);
    if (runOn) expectScopes('001 byline run into a paragraph end', runOn, '记者', [`meta.byline${S}`, `keyword.other.byline${S}`], { nth: (runOn.text.match(/记者/g) || []).length });
    else skip('001: no byline run into a paragraph end');
    const leads = findAll(L, /^本报讯/);
    leads.forEach((l, i) => expectScopes(`001 本报讯 #${i + 1} is a lead`, l, '本报讯', [`keyword.other.lead${S}`]));
    expectScopes('001 `本报讯 近日,`: 近日 is a lead', find(L, /^本报讯 近日[,，]/), '近日', [`keyword.other.lead${S}`]);
    const title = find(L, /^\p{Script=Han}+\d{4}年\p{Script=Han}+$/u);
    if (title) {
      expectScopes('001 year inside the headline is a date', title, title.text.match(/\d{4}年/)[0], [`constant.other.date${S}`]);
    } else skip('001: no bare title line with a year');
  });

  withSeed('000', (L) => {
    const lead = find(L, /^本报讯 \d{1,2}月\d{1,2}日上午/);
    expectScopes('000 `本报讯 …日上午，`: date', lead, lead?.text.match(/\d{1,2}月\d{1,2}日/)[0] ?? '?', [`meta.lead.dateline${S}`, `constant.other.date${S}`]);
    expectScopes('000 `本报讯 …日上午，`: time of day', lead, '上午', [`meta.lead.dateline${S}`, `constant.other.time${S}`]);
    for (const re of [/^记者 \p{Script=Han}{2,4}$/u, /^通讯员 \p{Script=Han}{2,4}$/u, /^记者 \S+ 通讯员 \S+$/]) {
      expectWholeLine(`000 byline line ${re.source}`, find(L, re), [`meta.byline${S}`]);
    }
    const book = find(L, /《/);
    expectScopes('000 《… is a book title', book, '《', [`entity.name.title.book${S}`, `punctuation.definition.title.begin${S}`]);
    const wrapped = L.filter((l, i) => i > 0 && L[i - 1].text.trim() && /[，。；！？]/.test(L[i - 1].text) && l.text.trim() && !/[，。；！？,;!?]/.test(l.text));
    check('000 has hard-wrapped continuation lines', wrapped.length > 0);
    const asHeadline = wrapped.filter((l) => l.tokens.some((t) => t.scopes.includes(`markup.heading.headline${S}`)));
    check('000 hard-wrapped continuation lines are not headlines', asHeadline.length === 0, asHeadline.slice(0, 3).map((l) => l.text).join(' | '));
  });

  // across all seeds
  let quotes = 0;
  const quoteMiss = [];
  for (const [id, L] of seeds) {
    for (const l of L) {
      for (const m of l.text.matchAll(/“两个确立”/g)) {
        quotes++;
        const toks = tokensIn(l, m.index, m.index + m[0].length);
        if (!toks.every((t) => t.scopes.includes(`string.quoted.double${S}`))) quoteMiss.push(`${id}: ${show(l, m.index, m.index + m[0].length)}`);
      }
    }
  }
  check(`“两个确立” is a double-quoted string everywhere (${quotes} occurrences)`, quotes > 0 && quoteMiss.length === 0, quoteMiss.slice(0, 3).join('\n      '));
}

// ------------------------------------------------------------ 4. examples
console.log('grammar: examples/*.txt smoke test');
{
  const dir = join(root, 'examples');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (!files.length) skip('no examples/*.txt');
  for (const f of files) {
    const { problems } = tokenize(readFileSync(join(dir, f), 'utf8'));
    check(`examples/${f}: every line tokenizes`, problems.length === 0, problems.slice(0, 5).join('\n      '));
  }
  // pathological inputs must not make the tokenizer crawl
  const stress = [
    '张三 '.repeat(3000) + '摄',
    '记者 ' + '张三 '.repeat(3000),
    '。'.repeat(5000) + '记者 张三',
    '“'.repeat(3000) + '《'.repeat(3000),
    '(' + 'a'.repeat(5000) + ')',
    '会'.repeat(20000),
  ];
  const t0 = Date.now();
  const { problems } = tokenize(stress.join('\n'));
  check('pathological lines tokenize within the time limit', problems.length === 0 && Date.now() - t0 < 5000, `${Date.now() - t0} ms; ${problems.join('; ')}`);
}

console.log(`grammar: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
