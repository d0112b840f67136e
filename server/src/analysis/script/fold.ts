// Folding to simplified for the analysis, keeping index-for-index correspondence with the
// original: only the stretches around characters that can change are converted.
import { type Conv, type Dirty, type Engine, cpDirty, engine } from './engine';
import { type Pipeline, simplifiedPipeline } from './pipelines';
import { type Dict, forEachEntry } from './trie';
import { SEPARATOR, isSurrogate, sameShape } from './units';

const FOLD_SPLITS: readonly RegExp[] = [/(\r\n|\n|\r)/, /([\u{10000}-\u{10ffff}\uf900-\ufaff])/u, SEPARATOR];

/**
 * Convert `s` so that the result has the same shape, in finer pieces where a piece changes length:
 * lines, then runs split at astral / CJK compatibility ideographs (which map across planes), then
 * sentences, then halves, down to single characters; a character whose conversion changes length
 * stays as it is. Phrase context is only lost at the splits made inside a failing piece.
 */
function foldPiece(s: string, conv: Conv, level: number, converted?: string): string {
  const out = converted ?? conv(s);
  if (sameShape(s, out)) return out;
  for (let l = level; l < FOLD_SPLITS.length; l++) {
    const parts = s.split(FOLD_SPLITS[l]);
    if (parts.length > 1) return parts.map((p) => foldPiece(p, conv, l + 1)).join('');
  }
  const cps = Array.from(s);
  if (cps.length === 1) return s;
  const mid = cps.length >> 1;
  return foldPiece(cps.slice(0, mid).join(''), conv, FOLD_SPLITS.length) + foldPiece(cps.slice(mid).join(''), conv, FOLD_SPLITS.length);
}

/** The whole-text fold: convert in one go, then fold alone the characters that changed length. */
function foldWhole(e: Engine, text: string): { text: string; sameLength: boolean } {
  const whole = e.convert(text);
  if (sameShape(text, whole)) return { text: whole, sameLength: true };
  if (!e.oneToOne) return { text: foldPiece(text, e.convert, 0, whole), sameLength: false };
  const dirty: Dirty[] = [];
  cpDirty(text, whole, dirty);
  const out: string[] = [];
  let i = 0, j = 0;
  for (const d of dirty) {
    out.push(whole.slice(j, j + d.start - i));
    j += d.start - i + (d.end - d.start) + d.delta;
    const orig = text.slice(d.start, d.end), alone = e.convert(orig);
    out.push(alone.length === orig.length ? alone : orig);
    i = d.end;
  }
  out.push(whole.slice(j));
  return { text: out.join(''), sameLength: false };
}

/**
 * What foldToSimplified needs to know of a code unit (FOLD_TABLE):
 * - TRIGGER: text without any trigger comes out of the simplified pipeline unchanged;
 * - BOUNDARY: in no key of any of the pipeline's dictionaries, so always a unit of its own that no
 *   match spans: the text converts the same in pieces cut at boundaries;
 * - WHOLE: an ideographic description character, which opencc-js skips with the characters it
 *   describes (boundaries included): the text converts in one go.
 */
const PLAIN = 0, TRIGGER = 1, BOUNDARY = 2, WHOLE = 3;
/** stretches to fold at most this far apart are converted as one */
const FOLD_MERGE_GAP = 32;
let foldTable: Uint8Array | undefined;

/** Entries as a FastTrie holds them (a group: the first dictionary wins; within one, the last entry). */
function effectiveEntries(dicts: readonly Dict[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let g = dicts.length - 1; g >= 0; g--) forEachEntry(dicts[g], (k, v) => { m.set(k, v); });
  return m;
}

/**
 * Triggers are found from the dictionaries themselves. Every key that changes what it matches must
 * contain a trigger, so that a text without triggers matches only keys that keep it as it is: the
 * single characters such keys map (會, 發 …) and, for each phrase none of whose characters is
 * one, a character of the phrase. Except for the round trips of a two-stage pipeline: the
 * Taiwan / Hong Kong folding turns a few simplified characters into their OpenCC standard form
 * (群→羣, 峰→峯) which t2s turns back; they are no trigger as long as every key of the second stage
 * that holds such a form gives back the text it matched (else the character becomes a trigger).
 */
function buildFoldTable(p: Pipeline): Uint8Array {
  const tab = new Uint8Array(0x10000);
  const unit = (cp: number) => (cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10));
  const isTrigger = (cp: number) => tab[unit(cp)] === TRIGGER;
  const mark = (cp: number) => { tab[unit(cp)] = TRIGGER; };
  const cps = (str: string) => Array.from(str, (ch) => ch.codePointAt(0)!);
  const norm = p.norm.map((t) => effectiveEntries(t.dicts));
  const stages = p.stages.map((st) => effectiveEntries(st.trie.dicts));
  // round-trip characters c → v of the first stage (v → c in the second), BMP only
  const round = new Map<number, number>(); // c → v
  if (stages.length === 2) {
    for (const [k, v] of stages[0]) {
      if (k === v || k.length !== 1 || v.length !== 1 || isSurrogate(k.charCodeAt(0)) || isSurrogate(v.charCodeAt(0))) continue;
      const back = stages[1].get(k);
      if (stages[1].get(v) === k && (back === undefined || back === k) && !norm.some((m) => m.has(k))) round.set(k.charCodeAt(0), v.charCodeAt(0));
    }
  }
  // every changing single character, but for the round trips
  for (const [i, m] of [...norm, ...stages].entries()) {
    for (const [k, v] of m) {
      if (k === v) continue;
      const c = cps(k);
      if (c.length === 1 && !(i === norm.length && round.has(c[0]))) mark(c[0]);
    }
  }
  const isRound = (cp: number) => round.has(cp) && !isTrigger(cp);
  /** mark a character of every key (as code points) that has none, the most shared first */
  const cover = (keys: number[][]) => {
    const need = keys.filter((k) => !k.some(isTrigger));
    const count = new Map<number, number>();
    for (const k of need) for (const cp of new Set(k)) count.set(cp, (count.get(cp) ?? 0) + 1);
    for (const k of need) {
      if (k.some(isTrigger)) continue;
      let best = -1, score = -1;
      for (const cp of k) {
        const sc = (isRound(cp) ? 0 : 1_000_000) + (count.get(cp) ?? 0);
        if (sc > score) { best = cp; score = sc; }
      }
      mark(best);
    }
  };
  // phrases of the normalisation and the first stage meet the text itself
  const changingPhrases = (m: Map<string, string>) => [...m].filter(([k, v]) => k !== v).map(([k]) => cps(k)).filter((k) => k.length > 1);
  cover([...norm.flatMap(changingPhrases), ...(stages.length ? changingPhrases(stages[0]) : [])]);
  if (stages.length === 2) {
    // a key of the second stage meets the text with round-trip forms in it: it matched k0 there
    const toC = new Map<number, number>();
    for (const [c, v] of round) if (isRound(c)) toC.set(v, c);
    const keys: number[][] = [];
    for (const [k, v] of stages[1]) {
      const kc = cps(k);
      const k0 = kc.map((cp) => toC.get(cp) ?? cp);
      const same = k0.every((cp, i) => cp === kc[i]);
      if (same ? k !== v && kc.length > 1 : String.fromCodePoint(...k0) !== v) keys.push(k0);
    }
    cover(keys);
  } else {
    for (const m of stages.slice(1)) cover(changingPhrases(m));
  }
  for (let c = 0x2ff0; c <= 0x2fff; c++) tab[c] = WHOLE;
  // boundaries: in no key at all
  const inKey = new Uint8Array(0x10000);
  const dicts = new Set<Dict>();
  for (const t of [...p.norm, ...(p.seg ? [p.seg] : []), ...p.stages.map((st) => st.trie)]) for (const d of t.dicts) dicts.add(d);
  for (const d of dicts) forEachEntry(d, (k) => { for (let i = 0; i < k.length; i++) inKey[k.charCodeAt(i)] = 1; });
  for (let c = 0; c < 0x10000; c++) if (tab[c] === PLAIN && !inKey[c] && !isSurrogate(c)) tab[c] = BOUNDARY;
  return tab;
}

/**
 * Fold to simplified keeping index-for-index correspondence: result.text[i] corresponds to text[i]
 * (same UTF-16 length, surrogate pairs at the same offsets). `sameLength` tells whether converting
 * the whole text in one go already kept that shape. When it did not, the few characters whose
 * folding changes length (二噁英→二𫫇英, compatibility ideographs that fold to astral ones) fold
 * on their own, or stay as they are if that changes length too; everything else keeps the
 * whole-text result. (The simplified pipeline maps code points one to one, so those characters
 * are found exactly; were it not, foldPiece converts in finer pieces.)
 *
 * Only the stretches around triggers are converted (between boundaries, see buildFoldTable), all
 * in one string; a text without a trigger, as most simplified text, comes back as it is.
 */
export function foldToSimplified(text: string): { text: string; sameLength: boolean } {
  const e = engine('simplified');
  const tab = (foldTable ??= buildFoldTable(simplifiedPipeline()));
  const n = text.length;
  const starts: number[] = [], ends: number[] = [];
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    let k = tab[text.charCodeAt(i)];
    if ((k & 1) === 0) continue; // PLAIN or BOUNDARY
    if (k === WHOLE) return foldWhole(e, text);
    // a trigger: its stretch runs from the boundary before it to the one after it
    let a = i;
    while (a > prevEnd && tab[text.charCodeAt(a - 1)] !== BOUNDARY) a--;
    let j = i + 1;
    for (; j < n; j++) {
      k = tab[text.charCodeAt(j)];
      if (k === BOUNDARY) break;
      if (k === WHOLE) return foldWhole(e, text);
    }
    // stretches close together convert as one (fewer pieces; the same result)
    if (starts.length && a - ends[ends.length - 1] <= FOLD_MERGE_GAP) ends[ends.length - 1] = j;
    else { starts.push(a); ends.push(j); }
    prevEnd = j;
    i = j;
  }
  if (starts.length === 0) return { text, sameLength: true };
  // the stretches joined by a boundary convert as they would in place
  const joiner = tab[10] === BOUNDARY ? '\n' : '';
  if (!joiner) return foldWhole(e, text);
  const parts: string[] = new Array(starts.length);
  for (let k = 0; k < starts.length; k++) parts[k] = text.slice(starts[k], ends[k]);
  const folded = foldWhole(e, parts.join(joiner));
  const out: string[] = [];
  let pos = 0, at = 0;
  for (let k = 0; k < starts.length; k++) {
    out.push(text.slice(pos, starts[k]), folded.text.slice(at, at + ends[k] - starts[k]));
    at += ends[k] - starts[k] + 1;
    pos = ends[k];
  }
  out.push(text.slice(pos));
  return { text: out.join(''), sameLength: folded.sameLength };
}
