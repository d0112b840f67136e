#!/usr/bin/env node
// zh-article command line: the same pure analysis the language server runs, over files.
//   zh-article check|fix|outline|people|convert|export [options] FILE|DIR…
// Exit codes: 0 ok/clean, 1 damage found (check) or a file could not be processed,
// 2 usage error, missing/unreadable file, or the server is not built.
'use strict';

const fs = require('fs');
const path = require('path');

const USAGE = `Usage: zh-article <command> [options] FILE|DIR…

Commands:
  check     list damage as file:line:col  code  message; exit 1 if any is found
  fix       print the repaired text (or rewrite the files with --write)
  outline   list the reports in each file: line, date, name, bylines
  people    list the people in each file: name, kind, roles, mentions
  convert   convert the script (--to simplified|traditional|taiwan|hongkong),
            leaving people's names untouched
  export    one record per person mention and slogan occurrence, as JSON Lines
            or CSV, for research tools (zh-article export --help)

Options:
  --json            machine-readable output (check, outline, people)
  --lang en|zh      message language (default: from LC_ALL/LC_MESSAGES/LANG)
  --codes a,b       damage codes to fix (fix) or to report (check);
                    fix defaults to the editor's "fix all" set
  --write           rewrite the files in place (fix, convert); summary on stderr
  --to VARIANT      target script for convert
  --max-size MB     skip files larger than this (default 20)
  -h, --help        show this help
  -V, --version     show the version

Directories are searched recursively for *.txt files. Line and column numbers are
1-based; columns count UTF-16 code units, as editors do.`;

const COMMANDS = ['check', 'fix', 'outline', 'people', 'convert'];
const VARIANTS = ['simplified', 'traditional', 'taiwan', 'hongkong'];

// ---------------------------------------------------------------------------------------------
// arguments

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { command: undefined, files: [], json: false, write: false, lang: undefined, codes: undefined, to: undefined, maxSize: 20, help: false, version: false };
  const takesValue = new Set(['--lang', '--codes', '--to', '--max-size']);
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (rest || a === '-' || !a.startsWith('-')) {
      if (o.command === undefined && !rest) o.command = a;
      else o.files.push(a);
      continue;
    }
    if (a === '--') { rest = true; continue; }
    let value;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { value = a.slice(eq + 1); a = a.slice(0, eq); }
    if (takesValue.has(a) && value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option ${a} needs a value`);
      value = argv[++i];
    } else if (!takesValue.has(a) && value !== undefined) {
      throw new UsageError(`option ${a} takes no value`);
    }
    switch (a) {
      case '-h': case '--help': o.help = true; break;
      case '-V': case '--version': o.version = true; break;
      case '--json': o.json = true; break;
      case '--write': case '-w': o.write = true; break;
      case '--lang':
        if (!/^(en|zh)/i.test(value)) throw new UsageError(`--lang must be en or zh, not "${value}"`);
        o.lang = /^zh/i.test(value) ? 'zh' : 'en';
        break;
      case '--codes': o.codes = value.split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--to':
        if (!VARIANTS.includes(value)) throw new UsageError(`--to must be one of ${VARIANTS.join(', ')}, not "${value}"`);
        o.to = value;
        break;
      case '--max-size': {
        const n = Number(value);
        if (!(n > 0)) throw new UsageError(`--max-size must be a positive number of MB, not "${value}"`);
        o.maxSize = n;
        break;
      }
      default: throw new UsageError(`unknown option ${a}`);
    }
  }
  return o;
}

function defaultLang(env) {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(l) ? 'zh' : 'en';
}

// ---------------------------------------------------------------------------------------------
// the analysis (compiled server)

function loadApi() {
  const out = path.join(__dirname, '..', 'server', 'out');
  try {
    return {
      analysis: require(path.join(out, 'analysis', 'index.js')),
      settings: require(path.join(out, 'settings.js')),
      messages: require(path.join(out, 'features', 'messages.js')),
      script: require(path.join(out, 'analysis', 'script.js')),
      phrases: require(path.join(out, 'analysis', 'convertPhrases.js')),
    };
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(out)) {
      process.stderr.write(`zh-article: the server is not built (${out} missing): run npm run build first\n`);
    } else {
      process.stderr.write(`zh-article: cannot load the analysis from ${out}: ${e && e.message}\nrun npm run build first\n`);
    }
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// files

/** Expand files and directories (recursively, *.txt) in argument order; missing paths are reported. */
function expandPaths(args, onMissing) {
  const files = [];
  const seen = new Set();
  const add = (f) => { if (!seen.has(f)) { seen.add(f); files.push(f); } };
  const walk = (dir, depth) => {
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { onMissing(dir, e); return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // follow links to files; links to directories are not followed (no loops)
        try { const st = fs.statSync(p); isFile = st.isFile(); isDir = false; } catch { continue; }
      }
      if (isDir && depth < 64) walk(p, depth + 1);
      else if (isFile && /\.txt$/i.test(e.name)) add(p);
    }
  };
  for (const a of args) {
    let st;
    try { st = fs.statSync(a); } catch (e) { onMissing(a, e); continue; }
    if (st.isDirectory()) walk(a, 0);
    else add(a);
  }
  return files;
}

const NOT_UTF8 = {
  en: 'not UTF-8 — probably GBK/GB18030; convert with iconv -f GB18030 -t UTF-8',
  zh: '不是 UTF-8 编码——可能是 GBK/GB18030；请用 iconv -f GB18030 -t UTF-8 转换',
};
const BINARY = { en: 'binary file (NUL bytes), skipped', zh: '二进制文件（含 NUL 字节），已跳过' };
const TOO_LARGE = {
  en: (size, limit) => `file is ${size} MB, above --max-size ${limit} MB: not analysed`,
  zh: (size, limit) => `文件 ${size} MB，超过 --max-size ${limit} MB，未作分析`,
};

/**
 * Read a file as text. Returns { text, bom } or { problem: 'missing'|'binary'|'not-utf8'|'too-large', message }.
 * The BOM is stripped (editors hide it) and put back on --write.
 */
function readText(file, lang, maxSizeMb) {
  let buf;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { problem: 'missing', message: 'is a directory' };
    if (st.size > maxSizeMb * 1024 * 1024) return { problem: 'too-large', message: TOO_LARGE[lang](+(st.size / 1048576).toFixed(1), maxSizeMb) };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { problem: 'missing', message: e && e.code === 'ENOENT' ? 'no such file' : (e && e.message) || String(e) };
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'binary', message: BINARY[lang] };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { problem: 'not-utf8', message: NOT_UTF8[lang] };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/** Write through symlinks, atomically where possible, keeping the file's mode. */
function writeText(file, text, bom) {
  const data = (bom ? '\ufeff' : '') + text;
  let target = file;
  try { target = fs.realpathSync(file); } catch { /* keep file */ }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.zh-article-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(target).mode;
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* none */ }
    fs.writeFileSync(target, data); // e.g. a read-only directory: write in place
  }
}

/** 1-based line and column (UTF-16 units) for offsets; \r\n, \r and \n end lines. */
function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) { if (text.charCodeAt(i + 1) !== 10) starts.push(i + 1); }
  }
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

// ---------------------------------------------------------------------------------------------
// progress and messages on stderr

function makeReporter(total) {
  const tty = Boolean(process.stderr.isTTY);
  const show = tty || total > 20;
  let active = false;
  const width = () => (tty && process.stderr.columns ? process.stderr.columns - 1 : Infinity);
  return {
    progress(i, file) {
      if (!show) return;
      let line = `[${i}/${total}] ${file}`;
      if (line.length > width()) line = line.slice(0, width());
      process.stderr.write(tty ? `\r\x1b[K${line}` : `\r${line}`);
      active = true;
    },
    /** a message line; clears or ends the progress line first */
    say(msg) {
      if (active) { process.stderr.write(tty ? '\r\x1b[K' : '\n'); active = false; }
      process.stderr.write(msg + '\n');
    },
    done() {
      if (!active) return;
      process.stderr.write(tty ? '\r\x1b[K' : '\n');
      active = false;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// commands

function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`zh-article: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (o.help) { process.stdout.write(USAGE + '\n'); return 0; }
  if (o.version) {
    try { process.stdout.write(require('../package.json').version + '\n'); } catch { process.stdout.write('unknown\n'); }
    return 0;
  }
  if (o.command === undefined) { process.stderr.write(USAGE + '\n'); return 2; }
  if (!COMMANDS.includes(o.command)) {
    process.stderr.write(`zh-article: unknown command "${o.command}"\n\n${USAGE}\n`);
    return 2;
  }
  const usage = (msg) => { process.stderr.write(`zh-article ${o.command}: ${msg}\n\n${USAGE}\n`); return 2; };
  if (o.files.length === 0) return usage('no files given');
  if (o.command === 'convert' && !o.to) return usage('--to simplified|traditional|taiwan|hongkong is required');
  if (o.write && !['fix', 'convert'].includes(o.command)) return usage('--write applies to fix and convert only');
  if (o.to && o.command !== 'convert') return usage('--to applies to convert only');
  if (o.json && ['fix', 'convert'].includes(o.command)) return usage('--json applies to check, outline and people');
  if (o.files.includes('-')) return usage('reading standard input is not supported; pass file names');

  const api = loadApi();
  const known = Object.keys(api.settings.DEFAULT_LEVELS);
  if (o.codes) {
    const bad = o.codes.filter((c) => !known.includes(c));
    if (bad.length) return usage(`unknown code(s) ${bad.join(', ')}; known: ${known.join(', ')}`);
  }
  const lang = o.lang || defaultLang(process.env);

  let exit = 0;
  const raise = (n) => { if (n > exit) exit = n; };
  const early = [];
  const files = expandPaths(o.files, (p, e) => {
    early.push(`${p}: ${e && e.code === 'ENOENT' ? (lang === 'zh' ? '文件不存在' : 'no such file or directory') : (e && e.message) || e}`);
    raise(2);
  });
  for (const m of early) process.stderr.write(`zh-article: ${m}\n`);

  const rep = makeReporter(files.length);
  const cmd = { check, fix, outline, people, convert }[o.command];
  const ctx = { o, api, lang, rep, raise, multi: files.length > 1 || o.files.some((f) => { try { return fs.statSync(f).isDirectory(); } catch { return false; } }) };
  const results = [];
  let printed = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    rep.progress(i + 1, file);
    const r = readText(file, lang, o.maxSize);
    let res;
    try {
      res = cmd(ctx, file, r, printed);
    } catch (e) {
      rep.say(`zh-article: ${file}: internal error: ${(e && e.stack) || e}`);
      raise(2);
      res = o.json ? { file, error: String((e && e.message) || e) } : undefined;
    }
    if (res !== undefined) {
      if (o.json) results.push(res);
      else if (typeof res === 'string' && res.length) {
        rep.done();
        process.stdout.write(res);
        printed++;
      }
    }
  }
  rep.done();
  if (o.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  if (o.command === 'check' && !o.json) {
    const s = ctx.summary || { files: 0, damaged: 0, findings: 0 };
    if (files.length > 1) process.stderr.write(`${s.findings} finding(s) in ${s.damaged} of ${files.length} file(s)\n`);
  }
  return exit;
}

/** A problem reading the file: say it, and count it. Returns true when the file is unusable. */
function unusable(ctx, file, r) {
  if (!r.problem) return false;
  ctx.rep.say(`zh-article: ${file}: ${r.message}`);
  if (r.problem === 'missing') ctx.raise(2);
  else if (r.problem === 'not-utf8') ctx.raise(1);
  return true;
}

function check(ctx, file, r) {
  const { o, api, lang } = ctx;
  const s = (ctx.summary = ctx.summary || { files: 0, damaged: 0, findings: 0 });
  s.files++;
  if (r.problem) {
    if (r.problem === 'missing') { unusable(ctx, file, r); return o.json ? { file, error: r.message } : undefined; }
    if (r.problem === 'binary' || r.problem === 'too-large') {
      ctx.rep.say(`zh-article: ${file}: ${r.message}`);
      return o.json ? { file, skipped: r.problem, message: r.message, findings: [] } : undefined;
    }
    // not UTF-8: damage
    ctx.raise(1);
    s.damaged++; s.findings++;
    const f = { line: 1, column: 1, endLine: 1, endColumn: 1, code: 'not-utf8', severity: 'error', message: r.message };
    return o.json ? { file, findings: [f] } : `${file}:1:1  not-utf8  ${r.message}\n`;
  }
  const a = api.analysis.analyzeDocument(r.text);
  const at = lineIndex(r.text);
  const codes = o.codes ? new Set(o.codes) : null;
  const findings = a.findings
    .filter((f) => !codes || codes.has(f.code))
    .map((f) => {
      const p = at(f.start), q = at(f.end);
      return { line: p.line, column: p.column, endLine: q.line, endColumn: q.column, code: f.code, severity: api.settings.DEFAULT_LEVELS[f.code], message: api.messages.message(f, lang), start: f.start, end: f.end, args: f.args || {}, fixable: f.changes.length > 0 };
    })
    .sort((x, y) => x.line - y.line || x.column - y.column || x.endLine - y.endLine || x.endColumn - y.endColumn || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  if (findings.length) { ctx.raise(1); s.damaged++; s.findings += findings.length; }
  if (o.json) return { file, findings };
  return findings.map((f) => `${file}:${f.line}:${f.column}  ${f.code}  ${f.message}\n`).join('');
}

function header(ctx, file, printed) {
  return ctx.multi ? `${printed ? '\n' : ''}==> ${file} <==\n` : '';
}

function fix(ctx, file, r, printed) {
  const { o, api } = ctx;
  if (unusable(ctx, file, r)) return undefined;
  const a = api.analysis.analyzeDocument(r.text);
  const codes = o.codes || api.settings.DEFAULT_FIX_ALL;
  // the server's fix-all: repaired to a fixed point, so a second fix changes nothing
  const { text: out, applied } = api.analysis.repairDocument(r.text, codes, codes.includes('mixed-script') ? { convertPhrases: convertPhrases(ctx) } : {}, a);
  if (!o.write) return header(ctx, file, printed) + out;
  const parts = Object.entries(applied).map(([c, n]) => `${n} ${c}`);
  if (out !== r.text) {
    writeText(file, out, r.bom);
    ctx.rep.say(`${file}: ${ctx.lang === 'zh' ? '已修复' : 'fixed'} ${parts.join(', ')}`);
  } else {
    const left = a.findings.filter((f) => !codes.includes(f.code)).length;
    ctx.rep.say(`${file}: ${ctx.lang === 'zh' ? '无需修复' : 'nothing to fix'}${left ? (ctx.lang === 'zh' ? `（${left} 处其他问题未处理）` : ` (${left} other finding(s) left)`) : ''}`);
  }
  return undefined;
}

function outline(ctx, file, r, printed) {
  const { o, api, lang } = ctx;
  if (unusable(ctx, file, r)) return o.json ? { file, error: r.message, reports: [] } : undefined;
  const a = api.analysis.analyzeDocument(r.text);
  const at = lineIndex(r.text);
  const reports = a.reports.map((rp) => ({
    name: rp.name,
    line: at(rp.nameSpan ? rp.nameSpan.start : rp.start).line,
    endLine: at(Math.max(rp.start, rp.end - 1)).line,
    date: rp.date || null,
    kind: rp.kind,
    kicker: rp.kicker || null,
    subtitle: rp.subtitle || null,
    bylines: rp.bylines.map((b) => ({ role: b.role, names: b.names.slice() })),
    meta: rp.meta || null,
  }));
  if (o.json) return { file, reports };
  const lines = reports.map((rp) => {
    const by = rp.bylines.map((b) => `${b.role} ${b.names.join(' ')}`).join('; ');
    return `${String(rp.line).padStart(5)}  ${rp.date || '-'}  ${rp.name}${by ? `  (${by})` : ''}\n`;
  });
  if (!lines.length) lines.push(lang === 'zh' ? '  （没有报道）\n' : '  (no reports)\n');
  return header(ctx, file, printed) + lines.join('');
}

function people(ctx, file, r, printed) {
  const { o, api, lang } = ctx;
  if (unusable(ctx, file, r)) return o.json ? { file, error: r.message, people: [] } : undefined;
  const a = api.analysis.analyzeDocument(r.text);
  const at = lineIndex(r.text);
  const list = a.people.map((p) => ({
    name: p.name,
    key: p.key,
    kind: p.kind,
    roles: p.roles.slice(),
    mentions: p.mentions.length,
    lines: [...new Set(p.mentions.map((m) => at(m.start).line))],
  }));
  if (o.json) return { file, people: list };
  const lines = list.map((p) => `${p.name}  ${p.kind}  ${p.roles.join('、') || '-'}  ×${p.mentions}  (${lang === 'zh' ? '行' : 'line'} ${p.lines.join(', ')})\n`);
  if (!lines.length) lines.push(lang === 'zh' ? '  （没有人名）\n' : '  (no people)\n');
  return header(ctx, file, printed) + lines.join('');
}

/** The built-in conversion phrases with those of .zh-article/convert.json in the current directory (read once). */
function convertPhrases(ctx) {
  if (ctx.phrases) return ctx.phrases;
  const { builtinPhrases, parsePhraseEntries } = ctx.api.phrases;
  let user = { entries: [], words: [] };
  try {
    user = parsePhraseEntries(JSON.parse(fs.readFileSync(path.join('.zh-article', 'convert.json'), 'utf8')));
  } catch { /* no file, or not JSON: the built-in phrases alone */ }
  return (ctx.phrases = builtinPhrases.with(user.entries, user.words));
}

function convert(ctx, file, r, printed) {
  const { o, api } = ctx;
  if (unusable(ctx, file, r)) return undefined;
  const a = api.analysis.analyzeDocument(r.text);
  const protect = api.analysis.surnameShields(a.people);
  const out = api.script.convertText(r.text, o.to, { protect, phrases: convertPhrases(ctx) });
  if (!o.write) return header(ctx, file, printed) + out;
  if (out !== r.text) {
    writeText(file, out, r.bom);
    ctx.rep.say(`${file}: ${ctx.lang === 'zh' ? '已转换为' : 'converted to'} ${o.to}`);
  } else {
    ctx.rep.say(`${file}: ${ctx.lang === 'zh' ? '无需转换' : 'unchanged'}`);
  }
  return undefined;
}

// EPIPE (e.g. `zh-article fix … | head`) is not an error
process.stdout.on('error', (e) => { if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0); throw e; });

// exported before main runs: export.js (required below) reads expandPaths from here
module.exports = { parseArgs, lineIndex, readText, defaultLang, expandPaths };

if (require.main === module) {
  const argv = process.argv.slice(2);
  // export runs worker threads and streams: it has its own module and answers asynchronously
  if (argv[0] === 'export') require('./export.js').run(argv.slice(1), { lang: defaultLang(process.env) }).then((code) => { process.exitCode = code; });
  else process.exitCode = main(argv);
}

