// Mojibake: a GBK/GB18030 file decoded as UTF-8 (runs of U+FFFD) or as Latin-1/
// Windows-1252 (runs of accented Latin letters where Chinese should be). The repair
// is to reopen the file with the right encoding, which only the editor can do.
import type { Finding } from './types';

const REPLACEMENT_RUN = /\ufffd{2,}|(?:\ufffd[^\ufffd\n]{0,2}){3,}/u;
const LATIN1_RUN = /[\u00a1-\u00ff]{6,}/gu;

export function mojibakeFinding(text: string): Finding | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let evidence = '';
  // counted without building an array of matches: this runs on every edit of a long text
  let fffd = 0;
  for (let i = sample.indexOf('\ufffd'); i >= 0; i = sample.indexOf('\ufffd', i + 1)) fffd++;
  if (fffd >= 3 || REPLACEMENT_RUN.test(sample)) evidence = 'replacement';
  else {
    const latin = (sample.match(LATIN1_RUN) || []).join('').length;
    // the Han count (an array of every character) only when there is Latin-1 to weigh against it
    if (latin >= 12 && latin > (sample.match(/\p{Script=Han}/gu) || []).length) evidence = 'latin1';
  }
  if (!evidence) return null;
  const firstLineEnd = text.search(/\r?\n|$/u);
  return { code: 'mojibake', start: 0, end: Math.max(0, firstLineEnd), args: { evidence, count: fffd }, changes: [] };
}
