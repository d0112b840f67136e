// Web-page furniture: breadcrumbs, share widgets, print/close links. The fix deletes
// the line; metadata lines (时间 / 来源) stay because the outline reads them.
import type { LayoutLine } from './layout';
import type { Finding } from './types';

/** Findings for the furniture among `lines`; `all` is every line of the text (a deletion reaches the next line). */
export function furnitureFindings(all: LayoutLine[], lines: LayoutLine[] = all): Finding[] {
  const out: Finding[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.kind !== 'furniture') continue;
    // delete the line with its terminator (or the one before it at the end of the file)
    const next = all[line.index + 1];
    const prev = all[line.index - 1];
    const del = next ? { start: line.start, end: next.start } : { start: prev ? prev.end : line.start, end: line.end };
    out.push({ code: 'page-furniture', start: line.contentStart, end: line.contentEnd, args: { line: line.clean.slice(0, 30) }, changes: [{ ...del, text: '' }] });
  }
  return out;
}
