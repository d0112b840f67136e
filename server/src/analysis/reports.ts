// Reports: a file usually holds several. A report starts at a headline stack (kicker /
// title / subtitle, markdown headings, "某地:…" feature titles, with the page's metadata
// between them), or at a news-agency lead (本报讯, 新华社…) once the current report already
// has a body. Bylines, editor and source lines, captions, credits and furniture belong to
// the report around them; they never open one. Everything is read on the folded lines.
import { bracketedByline, BYLINE_LINE, bylinesIn, creditSpans, endsLikeCredit, mayOpenByline } from './credits';
import type { Layout, LayoutLine } from './layout';
import { pageMeta, type PageMeta } from './pageMeta';
import type { Paragraph } from './reflow';
import { SUBTITLE } from './text';
import type { Report } from './types';

const EVENT = /召开|举行|举办|开展|启动|召集|主持|出席|调研|视察|走访|部署|会议|开班|开幕|闭幕|签约|揭牌|座谈|推进会|研讨|培训|慰问|检查|督导|发布|通报|学习|宣讲/u;
const PLACE_TITLE = /^[\p{Script=Han}]{2,10}[:：]/u;
const LEAD_MARK = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯)\s*(?:[（(][^）)]*[)）])?\s*/u;
// a lead that opens a report of its own even inside running text: a news agency's mark, an undated lead
const OPENING = /^(?:本报讯|本网讯|本刊讯|本台讯|本站讯|新华社|人民网|央广网|中新网|(?:日前|近日|近期)[,，])/u;
const DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[上下中]午|晚|晚间)?[,，\s]*/u;
const FUZZY_DATE = /^(?:日前|近日|近期|连日来|昨天|今天|昨日)[,，\s]*/u;
/** how much of a lead is read for its date and for a name made from it */
const LEAD_CHARS = 200;
/** a report with no more body text than this is a brief */
const BRIEF_CHARS = 300;

type Role = 'headline' | 'lead' | 'body' | 'byline' | 'credit' | 'caption' | 'tag' | 'meta' | 'furniture';
type Credit = Report['bylines'][number];

export function segmentReports(lay: Layout, paras: Paragraph[], headlineJoins: Set<number> = new Set()): Report[] {
  const { lines } = lay;
  const ls = (p: Paragraph) => p.lines.map((i) => lines[i]);
  const roles = new Map<Paragraph, Role>();
  const role = (p: Paragraph): Role => {
    let r = roles.get(p);
    if (r === undefined) { r = roleOf(lines, p); roles.set(p, r); }
    return r;
  };
  const year = docYear(lines);
  const reports: Report[] = [];
  // ended: a closing byline, source tag, editor line or photo credit came after the body
  let cur: { paras: Paragraph[]; heads: Paragraph[]; hasBody: boolean; ended: boolean; from: number } | null = null;
  // furniture and metadata before a report (a web page's header) are that report's page data
  let pending = 0;
  const close = () => {
    if (cur && (cur.hasBody || cur.heads.length)) {
      reports.push(build(cur.paras, cur.heads, cur.from));
      // the page's data of the next report lies after this one
      for (const p of cur.paras) pending = Math.max(pending, p.lines[p.lines.length - 1] + 1);
    }
    cur = null;
  };

  for (let k = 0; k < paras.length; k++) {
    const p = paras[k], r = role(p);
    if (r === 'furniture') continue;
    if (r === 'headline') {
      const heads = [p];
      while (k + 1 < paras.length && role(paras[k + 1]) === 'headline') heads.push(paras[++k]);
      // a stack the page's metadata or a byline interrupts (title ⏎ 发布时间… ⏎ subtitle) is still one stack
      if (cur && !cur.hasBody && cur.heads.length) { cur.heads.push(...heads); cur.paras.push(...heads); continue; }
      close();
      cur = { paras: [...heads], heads, hasBody: false, ended: false, from: pending };
      continue;
    }
    // a lead after body text opens the next report when it is a news agency's or an undated one
    // (日前，近日，), when the report before has closed (its byline or source tag came), or when
    // it is a photo-news item; a dated paragraph (7月22日，…) goes on telling the same report
    if (r === 'lead' && cur && cur.hasBody && (cur.ended || OPENING.test(lines[p.lines[0]].fold) || isPhotoItem(k))) close();
    if (!cur) cur = { paras: [], heads: [], hasBody: false, ended: false, from: pending };
    cur.paras.push(p);
    if (r === 'lead' || r === 'body' || r === 'caption') cur.hasBody = true;
    if (cur.hasBody && (r === 'byline' || r === 'tag' || r === 'meta' || r === 'credit')) cur.ended = true;
    else if (r === 'lead' || r === 'body') cur.ended = false;
  }
  close();
  return reports;

  /** A paragraph that ends with its photo credit or is followed by one: 12月14日，…。⏎许廷合 摄 */
  function isPhotoItem(k: number): boolean {
    if (endsLikeCredit(lines[paras[k].lines[paras[k].lines.length - 1]].fold)) return true;
    const next = paras[k + 1];
    return next !== undefined && role(next) === 'credit';
  }

  function build(ps: Paragraph[], heads: Paragraph[], from: number): Report {
    // a paragraph's lines are in order: its first and last bound it
    let start = Infinity, end = -Infinity, lastLine = 0;
    for (const p of ps) {
      const a = lines[p.lines[0]], b = lines[p.lines[p.lines.length - 1]];
      if (a.contentStart < start) start = a.contentStart;
      if (b.contentEnd > end) end = b.contentEnd;
      if (b.index > lastLine) lastLine = b.index;
    }
    // a headline broken over lines is one head again (inside a block too: 李朝峰主持召开 / 十五届…)
    const merged: Paragraph[][] = [];
    for (const h of heads) {
      const prev = merged[merged.length - 1];
      if (prev && headlineJoins.has(prev[prev.length - 1].lines[prev[prev.length - 1].lines.length - 1])) prev.push(h); else merged.push([h]);
    }
    const groupLines = merged.map((g) => g.flatMap((p) => ls(p)));
    const headTexts = groupLines.map((g) => g.map((l) => l.clean.replace(/^#+\s*/u, '')).join(''));
    const bodyParas = ps.filter((p) => !heads.includes(p));
    const lead = bodyParas.find((p) => role(p) === 'lead' || role(p) === 'body') ?? bodyParas.find((p) => role(p) === 'caption');
    // enough of the lead for its date and a name made from it
    let leadFold = '', leadShown = '';
    for (let i = 0; lead && i < lead.lines.length && leadFold.length < LEAD_CHARS; i++) { leadFold += lines[lead.lines[i]].fold; leadShown += lines[lead.lines[i]].clean; }
    // the page's data: metadata and furniture lines from the end of the report before to this one's end
    const metaLines: LayoutLine[] = [];
    for (let i = from; i <= lastLine; i++) if (lines[i].kind === 'metadata' || lines[i].kind === 'furniture') metaLines.push(lines[i]);
    const meta: PageMeta = metaLines.length ? pageMeta(metaLines) : {};
    const date = findDate(leadFold, meta, year);
    let name: string, kicker: string | undefined, subtitle: string | undefined, nameLines: LayoutLine[];
    if (headTexts.length) {
      const t = pickTitle(groupLines);
      name = headTexts[t];
      kicker = t > 0 ? headTexts.slice(0, t).join(' ') : undefined;
      subtitle = t < headTexts.length - 1 ? headTexts.slice(t + 1).join(' ') : undefined;
      nameLines = groupLines[t];
    } else {
      name = nameFromLead(leadShown, leadFold, date);
      nameLines = [lines[(lead ?? ps[0]).lines[0]]];
    }
    const captions = ps.filter((p) => role(p) === 'caption' || role(p) === 'credit').map((p) => ({ start: lines[p.lines[0]].contentStart, end: lines[p.lines[p.lines.length - 1]].contentEnd }));
    const bylines = creditsOf(lines, ps, role, meta);
    const nameSpan = { start: nameLines[0].contentStart, end: nameLines[nameLines.length - 1].contentEnd };
    let bodyChars = 0;
    for (const p of bodyParas) if (role(p) === 'body' || role(p) === 'lead') for (const i of p.lines) bodyChars += lines[i].fold.length;
    // photo news: every paragraph of text is a caption, ends with its photo credit or has it next
    let texts = 0, credited = 0;
    for (let i = 0; i < bodyParas.length; i++) {
      const p = bodyParas[i], r = role(p);
      if (r !== 'body' && r !== 'lead' && r !== 'caption') continue;
      texts++;
      if (r === 'caption' || endsLikeCredit(lines[p.lines[p.lines.length - 1]].fold) || (i + 1 < bodyParas.length && role(bodyParas[i + 1]) === 'credit')) credited++;
    }
    const photo = texts > 0 && credited === texts;
    const kind: Report['kind'] = photo ? 'photo' : bodyChars <= BRIEF_CHARS ? 'brief' : 'report';
    const report: Report = { start, end, name: name.replace(/\s+/gu, ' ').trim(), kind, kicker, subtitle, nameSpan, headline: heads.length ? { start: lines[heads[0].lines[0]].contentStart, end: lines[heads[heads.length - 1].lines[heads[heads.length - 1].lines.length - 1]].contentEnd } : undefined, date, bylines, captions };
    if (Object.keys(meta).length) report.meta = meta;
    return report;
  }
}

/** What a paragraph is, read on its folded lines (a closing byline may be wrapped over two). */
function roleOf(lines: LayoutLine[], p: Paragraph): Role {
  const first = lines[p.lines[0]];
  if (p.moved) return 'caption';
  // a byline wrapped or cut by a column break reads as one only whole
  if (p.lines.length > 1 && p.lines.length <= 3 && (mayOpenByline(first.fold) || first.fold[0] === '(')) {
    const whole = p.lines.map((i) => lines[i].fold).join('');
    if (whole.length <= 60 && BYLINE_LINE.test(whole)) return 'byline';
    const closing = bracketedByline(whole);
    if (closing) return closing === 'byline' ? 'byline' : 'tag';
  }
  switch (first.kind) {
    case 'heading': case 'headline': return p.lines.every((i) => lines[i].kind === 'headline' || lines[i].kind === 'heading') ? 'headline' : 'body';
    case 'lead': return 'lead';
    case 'byline': return 'byline';
    case 'credit': return 'credit';
    case 'caption': return 'caption';
    case 'source-tag': return 'tag';
    case 'metadata': return 'meta';
    case 'furniture': return 'furniture';
    default: return 'body';
  }
}

/** Every credited name of a report, by role, in order: bylines, a lead's bracket, a byline run on, photo credits, the page's author. */
function creditsOf(lines: LayoutLine[], ps: Paragraph[], role: (p: Paragraph) => Role, meta: PageMeta): Credit[] {
  const found: Credit[] = [];
  for (const p of ps) {
    const r = role(p);
    if (r === 'byline' || r === 'tag') {
      let fold = '', shown = '';
      for (const i of p.lines) { fold += lines[i].fold; shown += lines[i].clean; }
      const names = bylinesIn(fold, shown);
      // a bracket of names only (甲 乙) credits authors without saying which role: listed as written
      if (!names.length && r === 'tag' && /\s/u.test(fold)) found.push({ role: '', names: shown.replace(/^[（(]|[)）]$/gu, '').trim().split(/\s+/u) });
      found.push(...names);
      continue;
    }
    for (const i of p.lines) {
      const l = lines[i];
      if ((l.kind === 'lead' || l.kind === 'body') && (l.fold.includes('记者') || l.fold.includes('通讯员'))) {
        // a lead's bracket byline, or one run into a paragraph's end
        const m = /[（(][^）)]*(?:记者|通讯员)[^）)]*[)）]/u.exec(l.fold.slice(0, 40)) ?? /[。！？”](\s*(?:本报记者|记者|通讯员)[^。]*)$/u.exec(l.fold);
        if (m) {
          const part = m[1] ?? m[0], at = m.index + m[0].length - part.length;
          found.push(...bylinesIn(part, l.clean.slice(at, at + part.length)));
        }
      }
      if (l.fold.includes('摄')) for (const c of creditSpans(l.fold)) if (c.names.length) found.push({ role: '摄', names: c.names.map((n) => shownAt(l, n, c.start)) });
    }
  }
  if (meta.author) found.push({ role: '作者', names: meta.author.split(/[\s、，,]+/u).filter(Boolean) });
  // one entry per role, names in order, each once
  const byRole = new Map<string, string[]>();
  for (const c of found) {
    const names = byRole.get(c.role) ?? [];
    for (const n of c.names) if (!names.includes(n)) names.push(n);
    byRole.set(c.role, names);
  }
  // names in a bracket without a role that a role already credits are that role's
  const withRole = new Set([...byRole].filter(([role]) => role).flatMap(([, names]) => names));
  const bare = byRole.get('');
  if (bare) byRole.set('', bare.filter((n) => !withRole.has(n)));
  return [...byRole].filter(([, names]) => names.length).map(([role, names]) => ({ role, names }));
}

/** A folded name found from offset `from` of a line, as printed. */
function shownAt(l: LayoutLine, name: string, from: number): string {
  const at = l.fold.indexOf(name, from);
  return at < 0 ? name : l.clean.slice(at, at + name.length);
}


/**
 * In a stack, the title: in markdown the heading of the highest level (fewest #), else the line
 * that names an event; a kicker comes before it, a subtitle (——…) after.
 */
function pickTitle(groups: LayoutLine[][]): number {
  if (groups.length === 1) return 0;
  const level = groups.map((g) => (g[0].kind === 'heading' ? /^#+/u.exec(g[0].fold)![0].length : 0));
  if (level.every((x) => x > 0) && new Set(level).size > 1) return level.indexOf(Math.min(...level));
  const texts = groups.map((g) => g.map((l) => l.fold).join(''));
  // candidates: not a subtitle
  const cand = texts.map((t, i) => i).filter((i) => i === 0 || !SUBTITLE.test(texts[i]));
  if (cand.length === 1) return cand[0];
  if (cand.length >= 3) return cand[1];
  // the title is what a subtitle explains: the line right above the dash
  const sub = texts.findIndex((t, i) => i > 0 && SUBTITLE.test(t));
  if (sub > 0 && cand.includes(sub - 1)) return sub - 1;
  // a feature title names its place first (某地：…); a kicker sets a theme
  const placed = cand.filter((i) => PLACE_TITLE.test(texts[i]));
  if (placed.length === 1) return placed[0];
  const ev = cand.find((i) => EVENT.test(texts[i]));
  return ev ?? cand[0];
}

function nameFromLead(shown: string, fold: string, date?: string): string {
  // strip the lead's marker and date on the folded text, cut the printed one at the same place
  const cut = fold.length - fold.replace(LEAD_MARK, '').replace(DATE, '').replace(FUZZY_DATE, '').length;
  const s = shown.slice(cut);
  const clauses = s.split(/[，,。；;]/u).filter(Boolean);
  let name = clauses[0] || s;
  for (let i = 1; i < Math.min(clauses.length, 3) && !EVENT.test(fold.slice(cut, cut + name.length)); i++) name += '，' + clauses[i];
  const short = name.length > 40 ? name.slice(0, 40) + '…' : name;
  return date ? `${date.replace(/^\d{4}年/u, '')} ${short}` : short;
}

function findDate(leadText: string, meta: PageMeta, year?: string): string | undefined {
  const m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(leadText.slice(0, 60));
  const y = m?.[1] || year || (meta.published && /^(\d{4})/u.exec(meta.published)?.[1]);
  if (m) return `${y ? y + '年' : ''}${m[2]}月${m[3]}日`;
  // the page's publication date: 发布时间:2021-05-20
  const d = meta.published && /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/u.exec(meta.published);
  return d ? `${d[1]}年${+d[2]}月${+d[3]}日` : undefined;
}

/** The year the page gives: a metadata line, or a dated page line (2023年5月10日 星期三). */
function docYear(lines: LayoutLine[]): string | undefined {
  for (const l of lines) {
    if (l.kind === 'metadata' || l.kind === 'furniture') {
      const m = /(\d{4})[-/.年]\d{1,2}/u.exec(l.fold);
      if (m) return m[1];
    }
  }
  return undefined;
}
