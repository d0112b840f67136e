// A page's data: what a web page or a newspaper page says about a report on lines of its own
// (发布时间：… 来源：… 作者：… 浏览次数：…). The outline shows it; the lines themselves are
// metadata (kept) or furniture (a fix deletes them), but their facts are read first.
import type { LayoutLine } from './layout';

export interface PageMeta {
  source?: string;
  published?: string;
  author?: string;
  editor?: string;
  views?: string;
}

const FIELDS: [keyof PageMeta, string][] = [
  ['published', '发布时间|发布日期|时间|日期'],
  ['source', '信息来源|来源'],
  ['author', '作者|撰稿'],
  ['editor', '责任编辑|责编|编辑|审核|审校|校对|终审'],
  ['views', '浏览次数|访问量|阅读量|点击数|浏览'],
];
const LABEL = new RegExp(`(?:^|[\\s【\\[（(|｜])(${FIELDS.map(([, l]) => l).join('|')})[:：]\\s*`, 'gu');

/** The fields of these lines (folded labels, values as printed); the first value of a field wins. */
export function pageMeta(lines: LayoutLine[]): PageMeta {
  const meta: PageMeta = {};
  for (const l of lines) {
    const found: { key: keyof PageMeta; from: number; at: number }[] = [];
    LABEL.lastIndex = 0;
    for (let m; (m = LABEL.exec(l.fold));) {
      const key = FIELDS.find(([, labels]) => labels.split('|').includes(m![1]))![0];
      found.push({ key, from: m.index + m[0].length, at: m.index });
    }
    for (let k = 0; k < found.length; k++) {
      const end = k + 1 < found.length ? found[k + 1].at : l.clean.length;
      const value = l.clean.slice(found[k].from, end).replace(/[\s】\]）)|｜]+$/u, '').trim();
      // a counter the page had not filled in (浏览次数：  次) says nothing
      if (value && meta[found[k].key] === undefined && (found[k].key !== 'views' || /\d/u.test(value))) meta[found[k].key] = value;
    }
  }
  return meta;
}
