// Tests for bin/zh-article.js (build first: npm run build). Spawns the CLI as a user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../bin/zh-article.js');
const SEEDS = '/work/shared/seeds';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-article-cli-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args, opts = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...(opts.env || {}) },
    timeout: 120_000,
  });
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.signal, null, `killed by ${r.signal}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|^\s+at .*\(.*:\d+:\d+\)$/m, `no stack trace: ${r.stderr}`);
  return r;
}

const write = (name, data) => { const p = path.join(tmp, name); fs.writeFileSync(p, data); return p; };
const han = (s) => [...s.replace(/[^\p{Script=Han}]/gu, '')].sort().join('');

// one paragraph hard-wrapped at 18 characters, with a stray space in "10月 25日"
const BODY = '本报讯 10月 25日上午，区委副书记、区长王建国主持召开全区安全生产工作会议，研究部署下一阶段安全生产重点工作。会议要求，各部门要切实提高政治站位，压紧压实安全生产责任，坚决防范遏制重特大事故发生，确保人民群众生命财产安全和社会大局稳定。';
const wrap = (s, n = 18) => { const out = []; for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n)); return out; };
const DAMAGED = wrap(BODY).join('\n') + '\n';

const TWO_REPORTS = `区委常委会召开会议

本报讯（记者 刘明）10月28日上午，区委常委会召开会议，传达学习中央政治局会议精神，安排部署学习贯彻落实工作。区委书记魏东主持会议并讲话。

会议强调，要迅速开展学习宣传，结合工作实际，有序开展系列工作。

全区领导干部会议召开

本报讯（记者 刘明）10月29日下午，全区领导干部会议召开，区委副书记、区长李伟光出席会议并讲话。

会议要求，各级干部要以永不懈怠的精神状态，在新征程上踔厉奋发、勇毅前行。
`;

test('--help prints usage; unknown command prints usage and exits 2', () => {
  const h = run(['--help']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Usage: zh-article/);
  for (const c of ['check', 'fix', 'outline', 'people', 'convert']) assert.match(h.stdout, new RegExp(c));
  const u = run(['frobnicate', 'x.txt']);
  assert.equal(u.status, 2);
  assert.match(u.stderr, /unknown command/);
  assert.match(u.stderr, /Usage: zh-article/);
  const none = run([]);
  assert.equal(none.status, 2);
  const badOpt = run(['check', '--nope', 'x.txt']);
  assert.equal(badOpt.status, 2);
  assert.match(badOpt.stderr, /unknown option --nope/);
  const noTo = run(['convert', 'x.txt']);
  assert.equal(noTo.status, 2);
  assert.match(noTo.stderr, /--to/);
});

test('check: damaged snippet exits 1 with file:line:col  code  message lines', () => {
  const f = write('damaged.txt', DAMAGED);
  const r = run(['check', f]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length >= 2, r.stdout);
  for (const l of lines) assert.ok(l.startsWith(f + ':'), l);
  assert.match(r.stdout, /:\d+:\d+\s+hard-wrap\s+\S/);
  assert.match(r.stdout, /:\d+:\d+\s+stray-space\s+\S/);
  // the stray space sits on line 1 after "本报讯 10月" (column 8)
  assert.match(r.stdout, /:1:8\s+stray-space/);
  // sorted by position
  const pos = lines.map((l) => l.slice(f.length + 1).match(/^(\d+):(\d+)/).slice(1).map(Number));
  for (let i = 1; i < pos.length; i++) assert.ok(pos[i - 1][0] < pos[i][0] || (pos[i - 1][0] === pos[i][0] && pos[i - 1][1] <= pos[i][1]), 'sorted');
});

test('check --json and --lang zh', () => {
  const f = write('damaged-json.txt', DAMAGED);
  const r = run(['check', '--json', f]);
  assert.equal(r.status, 1);
  const j = JSON.parse(r.stdout);
  assert.equal(j.length, 1);
  assert.equal(j[0].file, f);
  const codes = j[0].findings.map((x) => x.code);
  assert.ok(codes.includes('hard-wrap') && codes.includes('stray-space'), codes.join());
  for (const x of j[0].findings) {
    assert.ok(x.line >= 1 && x.column >= 1);
    assert.equal(typeof x.message, 'string');
  }
  const zh = run(['check', '--lang', 'zh', f]);
  assert.match(zh.stdout, /stray-space\s+中文中有 1 处多余空格/);
  const envZh = run(['check', f], { env: { LANG: 'zh_CN.UTF-8' } });
  assert.match(envZh.stdout, /中文中有/);
});

test('check: clean text and empty file exit 0', () => {
  const empty = write('empty.txt', '');
  const clean = write('clean.txt', '会议强调，要迅速开展学习宣传。\n');
  const r = run(['check', empty, clean]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  for (const cmd of [['fix'], ['outline'], ['people'], ['convert', '--to', 'traditional'], ['outline', '--json'], ['people', '--json']]) {
    const e = run([...cmd, empty]);
    assert.equal(e.status, 0, `${cmd.join(' ')}: ${e.stderr}`);
  }
});

test('fix prints the repaired text; --write repairs the file and keeps every Han character', () => {
  const f = write('fix.txt', DAMAGED);
  const printed = run(['fix', f]);
  assert.equal(printed.status, 0, printed.stderr);
  assert.match(printed.stdout, /10月25日/);
  assert.equal(fs.readFileSync(f, 'utf8'), DAMAGED, 'without --write the file is untouched');

  const w = run(['fix', '--write', f]);
  assert.equal(w.status, 0, w.stderr);
  assert.match(w.stderr, new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fixed .*hard-wrap`));
  const after = fs.readFileSync(f, 'utf8');
  assert.equal(after, printed.stdout);
  assert.notEqual(after, DAMAGED);
  assert.equal(han(after), han(DAMAGED), 'no Han character lost or added');
  assert.ok(after.includes('10月25日'));
  assert.equal(after.trim().split('\n').length, 1, 'one paragraph, one line');
  const again = run(['check', f]);
  assert.doesNotMatch(again.stdout, /hard-wrap|stray-space/);
});

test('fix --write keeps CRLF line endings', () => {
  const crlf = wrap(BODY).join('\r\n') + '\r\n\r\n会议强调，要迅速开展学习宣传。\r\n';
  const f = write('crlf.txt', crlf);
  const r = run(['fix', '--write', f]);
  assert.equal(r.status, 0, r.stderr);
  const after = fs.readFileSync(f, 'utf8');
  assert.notEqual(after, crlf);
  assert.equal(han(after), han(crlf));
  assert.match(after, /\r\n/);
  assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, 'no bare LF introduced');
});

test('fix --codes applies only the chosen codes', () => {
  const f = write('codes.txt', DAMAGED);
  const r = run(['fix', '--codes', 'stray-space', f]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /10月25日/);
  assert.equal(r.stdout.split('\n').length, DAMAGED.split('\n').length, 'lines not joined');
  const bad = run(['fix', '--codes', 'no-such-code', f]);
  assert.equal(bad.status, 2);
});

test('outline --json lists both reports', () => {
  const f = write('two.txt', TWO_REPORTS);
  const r = run(['outline', '--json', f]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j[0].reports.length, 2, JSON.stringify(j));
  for (const rp of j[0].reports) {
    assert.equal(typeof rp.name, 'string');
    assert.ok(rp.line >= 1);
    assert.ok(Array.isArray(rp.bylines));
  }
  assert.ok(j[0].reports[0].line < j[0].reports[1].line);
  const t = run(['outline', f]);
  assert.equal(t.status, 0);
  assert.equal(t.stdout.trim().split('\n').length, 2, t.stdout);
});

test('people --json finds 区委副书记、区长王建国 with role 区长', () => {
  const f = write('people.txt', DAMAGED);
  const r = run(['people', '--json', f]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  const p = j[0].people.find((x) => x.name === '王建国');
  assert.ok(p, JSON.stringify(j));
  assert.ok(p.roles.includes('区长'), p.roles.join());
  assert.equal(p.kind, 'official');
  assert.ok(p.mentions >= 1);
  const t = run(['people', f]);
  assert.match(t.stdout, /王建国\s+official\s+.*区长/);
});

test('convert --to traditional converts 会议 → 會議 and shields one-to-many surnames', () => {
  const f = write('convert.txt', DAMAGED);
  const r = run(['convert', '--to', 'traditional', f]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /會議/);
  assert.doesNotMatch(r.stdout, /会议/);
  assert.match(r.stdout, /王建國/, 'a name converts like any text when its surname does not change');
  const g = write('surname.txt', '本报讯（记者 范伟东）会议要求，范围要扩大。\n');
  const s = run(['convert', '--to', 'traditional', g]);
  assert.match(s.stdout, /范偉東/, 'the surname 范 stays 范, the given name converts');
  assert.match(s.stdout, /範圍/, 'the word 范围 converts');
  const w = run(['convert', '--to', 'traditional', '--write', f]);
  assert.equal(w.status, 0, w.stderr);
  assert.equal(fs.readFileSync(f, 'utf8'), r.stdout);
});

test('binary and GBK files give clear messages and do not crash; missing files exit 2', () => {
  const bin = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
  // 会议要求 in GBK
  const gbk = write('gbk.txt', Buffer.from([0xbb, 0xe1, 0xd2, 0xe9, 0xd2, 0xaa, 0xc7, 0xf3, 0x0a]));
  const b = run(['check', bin]);
  assert.equal(b.status, 0);
  assert.match(b.stderr, /binary/);
  const g = run(['check', gbk]);
  assert.equal(g.status, 1, 'a non-UTF-8 file counts as damage');
  assert.match(g.stdout + g.stderr, /not UTF-8 — probably GBK\/GB18030; convert with iconv -f GB18030 -t UTF-8/);
  for (const cmd of [['fix'], ['outline'], ['people'], ['convert', '--to', 'taiwan'], ['fix', '--write']]) {
    const r = run([...cmd, bin, gbk]);
    assert.match(r.stderr, /binary/);
    assert.match(r.stderr, /not UTF-8/);
    assert.ok(r.status === 0 || r.status === 1, `${cmd.join(' ')} → ${r.status}`);
  }
  assert.deepEqual([...fs.readFileSync(gbk)], [0xbb, 0xe1, 0xd2, 0xe9, 0xd2, 0xaa, 0xc7, 0xf3, 0x0a], 'GBK file untouched');
  const ok = write('ok.txt', DAMAGED);
  const m = run(['check', path.join(tmp, 'missing.txt'), ok]);
  assert.equal(m.status, 2);
  assert.match(m.stderr, /missing\.txt: no such file/);
  assert.match(m.stdout, /ok\.txt:\d+:\d+\s+hard-wrap/, 'other files still checked');
});

test('directories recurse into *.txt; many files show a progress line', () => {
  const dir = path.join(tmp, 'many');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (let i = 0; i < 22; i++) fs.writeFileSync(path.join(dir, i % 2 ? 'sub' : '', `f${String(i).padStart(2, '0')}.txt`), i === 5 ? DAMAGED : '会议强调，要迅速开展学习宣传。\n');
  fs.writeFileSync(path.join(dir, 'notes.md'), DAMAGED);
  const r = run(['check', dir]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\r\[22\/22\] /);
  assert.match(r.stdout, /f05\.txt:\d+:\d+\s+hard-wrap/);
  assert.doesNotMatch(r.stdout, /notes\.md/);
  const few = run(['check', path.join(dir, 'f00.txt'), path.join(dir, 'f02.txt')]);
  assert.doesNotMatch(few.stderr, /\r\[/, 'no progress for a few files when stderr is not a TTY');
});

test('the real seeds: check exits 1 and reports on all five', (t) => {
  if (!fs.existsSync(SEEDS)) return t.skip('no seeds');
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SEEDS, f));
  if (seeds.length === 0) return t.skip('no seeds');
  const r = run(['check', ...seeds]);
  assert.equal(r.status, 1, r.stderr);
  for (const s of seeds) assert.match(r.stdout, new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\s+[a-z-]+\\s+\\S`, 'm'), `reports on ${path.basename(s)}`);
  const j = JSON.parse(run(['check', '--json', SEEDS]).stdout);
  assert.equal(j.length, seeds.length);
  for (const f of j) assert.ok(f.findings.length > 0, f.file);
  // the other commands run over the seeds without trouble
  for (const cmd of [['outline', '--json'], ['people', '--json']]) {
    const o = run([...cmd, ...seeds]);
    assert.equal(o.status, 0, o.stderr);
    assert.equal(JSON.parse(o.stdout).length, seeds.length);
  }
  const fx = run(['fix', seeds[0]]);
  assert.equal(fx.status, 0);
  assert.equal(han(fx.stdout), han(fs.readFileSync(seeds[0], 'utf8')), 'fix keeps every Han character of a seed');
});
