// Web-page furniture: breadcrumbs, share widgets, print/close links. The fix deletes
// the line; metadata lines (时间 / 来源) stay because the outline reads them.
import type { Layout } from './layout';
import type { Finding } from './types';

export function furnitureFindings(lay: Layout): Finding[] {
  const out: Finding[] = [];
  for (const line of lay.lines) {
    if (line.kind !== 'furniture') continue;
    // delete the line with its terminator (or the one before it at the end of the file)
    const next = lay.lines[line.index + 1];
    const prev = lay.lines[line.index - 1];
    const del = next ? { start: line.start, end: next.start } : { start: prev ? prev.end : line.start, end: line.end };
    out.push({ code: 'page-furniture', start: line.contentStart, end: line.contentEnd, args: { line: line.clean.slice(0, 30) }, changes: [{ ...del, text: '' }] });
  }
  return out;
}
