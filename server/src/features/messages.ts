// Diagnostic messages in the user's locale (English and Simplified Chinese).
import type { DamageCode, Finding } from '../analysis/types';

type Render = (a: Record<string, string | number>) => string;
const en: Record<DamageCode, Render> = {
  'hard-wrap': (a) => `Paragraph hard-wrapped at ${Number(a.width) / 2} characters across ${a.lines} lines; join its lines.`,
  'split-sentence': () => 'Sentence split by a blank line (column or page break); join it.',
  'caption-interrupts': (a) => `Photo caption “${a.caption}…” interrupts a sentence; move it after the paragraph.`,
  'split-headline': (a) => `Headline broken over lines: “${a.headline}”.`,
  'pinyin-residue': (a) => `${a.count} pinyin ruby annotation(s) left in the text, e.g. ${a.example}; remove them.`,
  'halfwidth-punct': (a) => `${a.count} half-width punctuation mark(s) inside Chinese text.`,
  'stray-space': (a) => `${a.count} stray space(s) inside Chinese text.`,
  'page-furniture': (a) => `Web-page furniture, not article text: “${a.line}”.`,
  'byline-merged': (a) => `Byline run into the paragraph: “${a.byline}”; put it on its own line.`,
  mojibake: (a) => a.evidence === 'replacement'
    ? `The file looks decoded with the wrong encoding (${a.count} replacement characters). Reopen it with GB18030.`
    : 'The file looks like GBK text decoded as Latin-1. Reopen it with GB18030.',
  'lost-characters': (a) => `${a.count} character(s) lost to “?” or “\ufffd” inside Chinese text (${a.example}); look them up in the source.`,
  'mixed-script': (a) => `This report mixes traditional (${a.traditional}%) and simplified (${a.simplified}%) characters; it may be half converted.`,
  'file-too-large': (a) => `File is ${a.size} MB, above zhArticle.maxFileSize (${a.limit} MB): not analysed. Raise the setting to analyse it.`,
  'too-many-problems': (a) => `${a.total} problems in this file; showing ${a.near === 'edit' ? `the ${a.shown} nearest the last edit` : `the first ${a.shown}`} (zhArticle.maxNumberOfProblems). Repair Document fixes the whole file.`,
};
const zh: Record<DamageCode, Render> = {
  'hard-wrap': (a) => `段落按每行 ${Number(a.width) / 2} 字硬换行，共 ${a.lines} 行；应合并为一段。`,
  'split-sentence': () => '句子被空行（分栏或换页）截断；应接上。',
  'caption-interrupts': (a) => `图片说明“${a.caption}…”插在句子中间；应移到段落之后。`,
  'split-headline': (a) => `标题被拆成多行：“${a.headline}”。`,
  'pinyin-residue': (a) => `正文残留 ${a.count} 处拼音注音，如 ${a.example}；应删除。`,
  'halfwidth-punct': (a) => `中文中有 ${a.count} 个半角标点。`,
  'stray-space': (a) => `中文中有 ${a.count} 处多余空格。`,
  'page-furniture': (a) => `网页元素，不是正文：“${a.line}”。`,
  'byline-merged': (a) => `署名并入了段落：“${a.byline}”；应另起一行。`,
  mojibake: (a) => a.evidence === 'replacement'
    ? `文件疑似用错误编码打开（${a.count} 个替换字符），请以 GB18030 重新打开。`
    : '文件疑似 GBK 文本被当作 Latin-1 解码，请以 GB18030 重新打开。',
  'lost-characters': (a) => `中文中有 ${a.count} 个字丢失，变成了“?”或“\ufffd”（${a.example}）；请查对原文补上。`,
  'mixed-script': (a) => `本篇报道繁体（${a.traditional}%）与简体（${a.simplified}%）混用，可能转换不完整。`,
  'file-too-large': (a) => `文件 ${a.size} MB，超过 zhArticle.maxFileSize（${a.limit} MB），未作分析。调高该设置即可分析。`,
  'too-many-problems': (a) => `本文件共有 ${a.total} 处问题，只显示${a.near === 'edit' ? `最近编辑处附近的 ${a.shown} 处` : `前 ${a.shown} 处`}（zhArticle.maxNumberOfProblems）。“修复文档”可修复整个文件。`,
};

export type Locale = 'en' | 'zh';
export const localeOf = (l?: string): Locale => (l && /^zh/i.test(l) ? 'zh' : 'en');
export const message = (f: Pick<Finding, 'code' | 'args'>, locale: Locale): string => (locale === 'zh' ? zh : en)[f.code](f.args || {});

const titles: Record<string, { en: string; zh: string }> = {
  fix: { en: 'Fix: ', zh: '修复：' },
  fixAll: { en: 'Fix all zh-article damage', zh: '修复全部文本损伤' },
  reopen: { en: 'Reopen with GB18030 encoding', zh: '以 GB18030 编码重新打开' },
  notPerson: { en: 'Not a person: ', zh: '不是人名：' },
  openSettings: { en: 'Open settings', zh: '打开设置' },
  repairEdit: { en: 'Repair Document', zh: '修复文档' },
  convertEdit: { en: 'Convert', zh: '转换' },
  converting: { en: 'Converting', zh: '正在转换' },
};
export const title = (key: keyof typeof titles, locale: Locale): string => titles[key][locale];

const fixTitles: Record<DamageCode, { en: string; zh: string }> = {
  'hard-wrap': { en: 'Join the wrapped lines', zh: '合并硬换行' },
  'split-sentence': { en: 'Join the split sentence', zh: '接上断句' },
  'caption-interrupts': { en: 'Move the caption after the paragraph', zh: '把图片说明移到段后' },
  'split-headline': { en: 'Join the headline', zh: '合并标题' },
  'pinyin-residue': { en: 'Remove the pinyin', zh: '删除拼音' },
  'halfwidth-punct': { en: 'Use full-width punctuation', zh: '改为全角标点' },
  'stray-space': { en: 'Remove the spaces', zh: '删除空格' },
  'page-furniture': { en: 'Delete the line', zh: '删除该行' },
  'byline-merged': { en: 'Put the byline on its own line', zh: '署名另起一行' },
  mojibake: { en: 'Reopen with GB18030', zh: '以 GB18030 重新打开' },
  'lost-characters': { en: 'Look the lost characters up in the source', zh: '查对原文补上缺字' },
  'mixed-script': { en: 'Unify the script of this report', zh: '统一本篇文字' },
  'file-too-large': { en: 'Open settings', zh: '打开设置' },
  'too-many-problems': { en: 'Repair Document', zh: '修复文档' },
};
export const fixTitle = (code: DamageCode, locale: Locale): string => fixTitles[code][locale];

/** What Repair Document did, per code, as the user reads it: "Repaired: wrapped paragraphs joined (11), …". */
const repaired: Partial<Record<DamageCode, { en: string; zh: string }>> = {
  'hard-wrap': { en: 'wrapped paragraphs joined', zh: '合并硬换行段落' },
  'split-sentence': { en: 'split sentences joined', zh: '接上断句' },
  'caption-interrupts': { en: 'captions moved after their paragraph', zh: '图片说明移到段后' },
  'split-headline': { en: 'headlines joined', zh: '合并标题' },
  'pinyin-residue': { en: 'pinyin readings removed', zh: '删除拼音注音' },
  'halfwidth-punct': { en: 'punctuation made full-width', zh: '改为全角标点' },
  'stray-space': { en: 'stray spaces removed', zh: '删除多余空格' },
  'page-furniture': { en: 'web-page lines deleted', zh: '删除网页元素' },
  'byline-merged': { en: 'bylines put on their own line', zh: '署名另起一行' },
  'mixed-script': { en: 'reports unified in one script', zh: '统一报道文字' },
};
export function repairSummary(applied: Partial<Record<string, number>>, locale: Locale): string {
  const parts = Object.entries(applied).filter(([, n]) => n).map(([code, n]) => {
    const label = repaired[code as DamageCode]?.[locale] ?? code;
    return locale === 'zh' ? `${label} ${n} 处` : `${label} (${n})`;
  });
  if (!parts.length) return locale === 'zh' ? '没有需要修复的地方。' : 'Nothing to repair.';
  return locale === 'zh' ? `已修复：${parts.join('，')}。` : `Repaired: ${parts.join(', ')}.`;
}

/** Errors a command answers with, shown to the user by the client. */
const errors = {
  notOpen: { en: (x: string) => `The document ${x} is not open in the editor; open it and run the command again.`, zh: (x: string) => `文档 ${x} 未在编辑器中打开；请打开后再运行此命令。` },
  restricted: { en: () => 'Restricted mode: .zh-article/people.json is not written; trust the workspace and try again.', zh: () => '受限模式下不写入 .zh-article/people.json；信任此工作区后再试。' },
  noFolder: { en: (x: string) => `No folder to keep .zh-article/people.json in for ${x}; open a workspace folder.`, zh: (x: string) => `没有可存放 .zh-article/people.json 的文件夹（${x}）；请打开一个工作区文件夹。` },
  exportFormat: { en: (x: string) => `Unknown export format "${x}"; use jsonl or csv.`, zh: (x: string) => `未知的导出格式“${x}”；请用 jsonl 或 csv。` },
  exportTarget: { en: (x: string) => `The export target must be an absolute file path, not "${x}".`, zh: (x: string) => `导出目标须为绝对路径，而不是“${x}”。` },
  exportWrite: { en: (x: string) => `Cannot write ${x}.`, zh: (x: string) => `无法写入 ${x}。` },
};
export const errorMessage = (key: keyof typeof errors, locale: Locale, arg = ''): string => errors[key][locale](arg);
