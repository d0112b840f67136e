// Traditional characters folded to simplified one for one (記者 → 记者, 來源 → 来源, 裡 → 里),
// with no phrase conversion: what the structure analysers (layout, credits, reports, spacing)
// read, so word lists in one script serve both. A table lookup per character: cheap enough
// to run on every line of every edit, where the phrase-aware fold (script.ts) is not.
import { dictEntries, openccDicts } from './script';

let table: Uint16Array | undefined;

function build(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const d = openccDicts();
  const single = (s: string) => s.length === 1 && !(s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdfff);
  for (const [k, v] of dictEntries(d.TSCharacters)) {
    const first = v.split(' ')[0];
    if (single(k) && single(first) && k !== first) t[k.charCodeAt(0)] = first.charCodeAt(0);
  }
  // Taiwan and Hong Kong forms (裡, 衞): to the standard traditional one, then on to simplified
  for (const dict of [d.TWVariantsRev, d.HKVariantsRev]) {
    for (const [k, v] of dictEntries(dict)) {
      const first = v.split(' ')[0];
      if (!single(k) || !single(first) || t[k.charCodeAt(0)]) continue;
      const c = first.charCodeAt(0);
      t[k.charCodeAt(0)] = t[c] || (c !== k.charCodeAt(0) ? c : 0);
    }
  }
  return t;
}

/** s with each traditional character replaced by its simplified one (the same string when none is). */
export function foldChars(s: string): string {
  const t = (table ??= build());
  let i = 0;
  while (i < s.length && t[s.charCodeAt(i)] === 0) i++;
  if (i === s.length) return s;
  const out = new Array<number>(s.length);
  for (let k = 0; k < s.length; k++) { const c = s.charCodeAt(k); out[k] = t[c] || c; }
  let r = '';
  for (let k = 0; k < out.length; k += 4096) r += String.fromCharCode(...out.slice(k, k + 4096));
  return r;
}
