// Reports: a file usually holds several. A report starts at a headline stack (kicker /
// title / subtitle, markdown headings, "某地:…" feature titles), or at a lead (本报讯, a
// date, 日前) once the current report already has a body; photo-news items are leads too.
import type { Layout, LayoutLine } from './layout';
import type { Paragraph } from './reflow';
import type { Report } from './types';

const EVENT = /召开|举行|举办|开展|启动|召集|主持|出席|调研|视察|走访|部署|会议|开班|开幕|闭幕|签约|揭牌|座谈|推进会|研讨|培训|慰问|检查|督导|发布|通报|学习|宣讲/u;
const LEAD_MARK = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯)\s*(?:[（(][^）)]*[)）])?\s*/u;
const DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[上下中]午|晚|晚间)?[,，\s]*/u;
const FUZZY_DATE = /^(?:日前|近日|近期|连日来|昨天|今天|昨日)[,，\s]*/u;
const REPORTER = /记者|通讯员/u;
const INNER_LEAD = /^(?:今年以来|连日来|近年来)/u;
const BYLINE_ROLE = /^(?:本报记者|全媒体记者|融媒体记者|记者|本报通讯员|通讯员|实习生)$/u;
/** Bylines in a line: role words each followed by whole-token names (记者 鲁燕 通讯员 武刘敏 王维). */
function bylinesIn(line: string): { role: string; names: string[] }[] {
  const out: { role: string; names: string[] }[] = [];
  const tokens = line.split(/[\s、:：（）()，,]+/u).flatMap((t) => {
    const m = /^(本报记者|全媒体记者|融媒体记者|记者|本报通讯员|通讯员|实习生)(.*)$/u.exec(t);
    return m ? [m[1], m[2]].filter(Boolean) : [t];
  });
  let cur: { role: string; names: string[] } | null = null;
  for (const t of tokens) {
    if (BYLINE_ROLE.test(t)) { cur = { role: t, names: [] }; out.push(cur); continue; }
    if (cur && /^[\p{Script=Han}][\p{Script=Han}·]{1,3}$/u.test(t)) cur.names.push(t);
    else cur = null;
  }
  return out.filter((b) => b.names.length);
}

type Role = 'headline' | 'lead' | 'body' | 'byline' | 'credit' | 'caption' | 'tag' | 'meta' | 'furniture';

export function segmentReports(lay: Layout, paras: Paragraph[], headlineJoins: Set<number> = new Set()): Report[] {
  const { lines } = lay;
  const ls = (p: Paragraph) => p.lines.map((i) => lines[i]);
  const role = (p: Paragraph): Role => {
    const first = lines[p.lines[0]];
    if (p.moved) return 'caption';
    switch (first.kind) {
      case 'heading': case 'headline': return ls(p).every((l) => l.kind === 'headline' || l.kind === 'heading') ? 'headline' : 'body';
      case 'lead': return 'lead';
      case 'byline': return 'byline';
      case 'credit': return 'credit';
      case 'caption': return 'caption';
      case 'source-tag': return 'tag';
      case 'metadata': return 'meta';
      case 'furniture': return 'furniture';
      default: return 'body';
    }
  };
  const year = docYear(lines);
  const reports: Report[] = [];
  let cur: { paras: Paragraph[]; heads: Paragraph[]; hasBody: boolean } | null = null;
  const close = () => { if (cur && (cur.hasBody || cur.heads.length)) reports.push(build(cur.paras, cur.heads)); cur = null; };

  for (let k = 0; k < paras.length; k++) {
    const p = paras[k], r = role(p);
    if (r === 'furniture') continue;
    if (r === 'headline') {
      const heads = [p];
      while (k + 1 < paras.length && role(paras[k + 1]) === 'headline') heads.push(paras[++k]);
      close();
      cur = { paras: [...heads], heads, hasBody: false };
      continue;
    }
    // a lead after body text starts the next report, unless it is one that opens paragraphs inside reports too
    if (r === 'lead' && cur && cur.hasBody && !INNER_LEAD.test(lines[p.lines[0]].clean)) close();
    if (!cur) cur = { paras: [], heads: [], hasBody: false };
    cur.paras.push(p);
    if (r === 'lead' || r === 'body') cur.hasBody = true;
  }
  close();
  return reports;

  function build(ps: Paragraph[], heads: Paragraph[]): Report {
    const all = ps.flatMap((p) => ls(p));
    let start = Infinity, end = -Infinity;
    for (const l of all) { if (l.contentStart < start) start = l.contentStart; if (l.contentEnd > end) end = l.contentEnd; }
    const headLines = heads.flatMap((p) => ls(p));
    // a headline broken over lines is one head again (inside a block too: 李朝峰主持召开 / 十五届…)
    const merged: Paragraph[][] = [];
    for (const h of heads) {
      const prev = merged[merged.length - 1];
      if (prev && headlineJoins.has(prev[prev.length - 1].lines[prev[prev.length - 1].lines.length - 1])) prev.push(h); else merged.push([h]);
    }
    const headTexts = merged.map((g) => g.flatMap((p) => ls(p)).map((l) => l.clean.replace(/^#+\s*/u, '')).join(''));
    const bodyParas = ps.filter((p) => !heads.includes(p));
    const lead = bodyParas.find((p) => role(p) === 'lead' || role(p) === 'body');
    const leadText = lead ? ls(lead).map((l) => l.clean).join('') : '';
    const date = findDate(leadText, lines, headLines[0]?.index ?? all[0].index, year);
    let name: string, kicker: string | undefined, subtitle: string | undefined, nameLines: LayoutLine[];
    if (headTexts.length) {
      const t = pickTitle(headTexts);
      name = headTexts[t];
      kicker = t > 0 ? headTexts.slice(0, t).join(' ') : undefined;
      subtitle = t < headTexts.length - 1 ? headTexts.slice(t + 1).join(' ') : undefined;
      nameLines = merged[t].flatMap((p) => ls(p));
    } else {
      name = nameFromLead(leadText, date);
      nameLines = lead ? [ls(lead)[0]] : [all[0]];
    }
    const bylines: Report['bylines'] = [];
    const captions = ps.filter((p) => ['caption', 'credit'].includes(role(p))).map((p) => ({ start: ls(p)[0].contentStart, end: ls(p)[ls(p).length - 1].contentEnd }));
    for (const l of all) {
      // (the patterns below run only on lines that name a reporter at all)
      if (l.kind === 'byline' || ((l.kind === 'lead' || l.kind === 'body') && REPORTER.test(l.clean))) {
        // a lead's bracket byline, a byline line, or one run into a paragraph's end
        const part = l.kind === 'byline' ? l.clean : (/[（(][^）)]*(?:记者|通讯员)[^）)]*[)）]/u.exec(l.clean.slice(0, 40))?.[0] ?? (/[。！？”](\s*(?:本报记者|记者|通讯员)[^。]*)$/u.exec(l.clean)?.[1] ?? ''));
        bylines.push(...bylinesIn(part));
      }
      const credit = (l.kind === 'credit' || l.kind === 'caption') && /([\p{Script=Han}][\p{Script=Han}·]{1,3})\s*摄$/u.exec(l.clean.slice(-12));
      if (credit) bylines.push({ role: '摄', names: [credit[1]] });
    }
    const nameSpan = { start: nameLines[0].contentStart, end: nameLines[nameLines.length - 1].contentEnd };
    return { start, end, name: name.replace(/\s+/gu, ' ').trim(), kicker, subtitle, nameSpan, headline: headLines.length ? { start: headLines[0].contentStart, end: headLines[headLines.length - 1].contentEnd } : undefined, date, bylines, captions };
  }
}

/** In a stack, the title is the line that names an event; a kicker comes before it, a subtitle after. */
function pickTitle(heads: string[]): number {
  if (heads.length === 1) return 0;
  if (heads.length >= 3) return 1;
  const ev = heads.findIndex((h) => EVENT.test(h));
  return ev >= 0 ? ev : 0;
}

function nameFromLead(lead: string, date?: string): string {
  let s = lead.replace(LEAD_MARK, '').replace(DATE, '').replace(FUZZY_DATE, '');
  const clauses = s.split(/[，,。；;]/u).filter(Boolean);
  let name = clauses[0] || s;
  for (let i = 1; i < Math.min(clauses.length, 3) && !EVENT.test(name); i++) name += '，' + clauses[i];
  s = name.length > 40 ? name.slice(0, 40) + '…' : name;
  return date ? `${date.replace(/^\d{4}年/u, '')} ${s}` : s;
}

function findDate(leadText: string, lines: LayoutLine[], near: number, year?: string): string | undefined {
  const m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(leadText.slice(0, 60));
  if (m) return `${m[1] || year ? (m[1] || year) + '年' : ''}${m[2]}月${m[3]}日`;
  // metadata near the report: 时间:2021-05-20
  for (let i = near; i < Math.min(lines.length, near + 6); i++) {
    const d = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/u.exec(lines[i].kind === 'metadata' ? lines[i].clean : '');
    if (d) return `${d[1]}年${+d[2]}月${+d[3]}日`;
  }
  return undefined;
}

function docYear(lines: LayoutLine[]): string | undefined {
  for (const l of lines) {
    if (l.kind !== 'metadata') continue;
    const m = /(\d{4})[-/.年]\d{1,2}/u.exec(l.clean);
    if (m) return m[1];
  }
  return undefined;
}
