// Which script a text is written in, from the characters OpenCC's dictionaries say only one
// script writes.
import type { ScriptInfo } from '../types';
import { openccDicts } from './pipelines';
import { type Dict, forEachEntry } from './trie';
import { isHanCp } from './units';

/**
 * Per BMP code unit: bit 1 simplified-specific, bit 2 traditional-specific (never both), bit 4 Han;
 * 8 for a high surrogate. Astral characters are in the Sets.
 */
const SIMP = 1, TRAD = 2, HAN = 4, HIGH = 8;
let charClass: Uint8Array | undefined;
/** charClass as counts to add: Han + simplified·2^13 + traditional·2^26 + high surrogate·2^39 */
let packedClass: Float64Array | undefined;
let astralSimp: Set<number> | undefined;
let astralTrad: Set<number> | undefined;

function buildCharClasses(): void {
  const d = openccDicts();
  const cls = new Uint8Array(0x10000);
  for (let c = 0x2e80; c < 0x10000; c++) if (isHanCp(c)) cls[c] = HAN;
  const aS = new Set<number>(), aT = new Set<number>();
  /** code points that occur in some value (any candidate) of the dictionaries */
  const valid = (dicts: readonly Dict[]) => {
    const bmp = new Uint8Array(0x10000);
    const astral = new Set<number>();
    for (const dict of dicts) {
      forEachEntry(dict, (_, v) => {
        for (let i = 0; i < v.length; i++) {
          const cp = v.codePointAt(i)!;
          if (cp > 0xffff) { astral.add(cp); i++; } else bmp[cp] = 1;
        }
      }, true);
    }
    return (cp: number) => (cp > 0xffff ? astral.has(cp) : bmp[cp] === 1);
  };
  const tradValid = valid([d.STCharacters, d.STPhrases, d.STPhrasesGenerated]);
  const simpValid = valid([d.TSCharacters, d.TSPhrases]);
  const mark = (dict: Dict, isValid: (cp: number) => boolean, bit: number, astral: Set<number>) => {
    forEachEntry(dict, (k, v) => {
      if (k === v) return;
      const cp = k.codePointAt(0)!;
      if (k.length !== (cp > 0xffff ? 2 : 1) || isValid(cp)) return;
      if (cp > 0xffff) astral.add(cp); else cls[cp] |= bit;
    }, true);
  };
  mark(d.STCharacters, tradValid, SIMP, aS);
  mark(d.TSCharacters, simpValid, TRAD, aT);
  // Taiwan / Hong Kong specific forms (裡, 衞 …) are traditional too
  for (const dict of [d.TWVariantsRev, d.HKVariantsRev]) mark(dict, simpValid, TRAD, aT);
  for (let c = 0; c < 0x10000; c++) {
    if (!(cls[c] & HAN)) cls[c] = 0; // only Han characters count
    else if (cls[c] & SIMP) cls[c] &= ~TRAD; // simplified-specific wins
  }
  for (let c = 0xd800; c <= 0xdbff; c++) cls[c] = HIGH;
  const packed = new Float64Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const k = cls[c];
    packed[c] = (k & HAN ? 1 : 0) + (k & SIMP ? 2 ** 13 : 0) + (k & TRAD ? 2 ** 26 : 0) + (k & HIGH ? 2 ** 39 : 0);
  }
  charClass = cls; packedClass = packed; astralSimp = aS; astralTrad = aT;
}

/** detectScript thresholds (documented in detectScript). */
export const SCRIPT_THRESHOLDS = {
  /** a script wins with at least this share of the script-specific characters … */
  dominantShare: 0.6,
  /** … and at least this many of them */
  minSpecific: 3,
  /** mixed: each script has at least this share of the script-specific characters … */
  mixedShare: 0.15,
  /** … and at least this many characters */
  mixedMin: 5,
} as const;

/**
 * Which script a text is written in. Counts Han characters and, among them:
 * - simplified-specific ones: changed by OpenCC s2t (STCharacters) and never written in
 *   traditional text (they occur in no value of STCharacters / STPhrases), e.g. 们 国 发 — but
 *   not 后 里 台 范 干, which traditional text also uses;
 * - traditional-specific ones: changed by t2s (TSCharacters, plus Taiwan / Hong Kong variant
 *   forms) and never written in simplified text (in no value of TSCharacters / TSPhrases).
 * With S and T those counts and N = S + T:
 * - 'none'        no Han character at all;
 * - 'mixed'       S ≥ 5 and T ≥ 5 and each is ≥ 15 % of N (checked first);
 * - 'traditional' T ≥ 60 % of N and T ≥ 3;
 * - 'simplified'  S ≥ 60 % of N and S ≥ 3;
 * - otherwise (little evidence, N small) 'traditional' if T > 0 and S = 0, else 'simplified'
 *   (text with no script-specific character is valid simplified text).
 * traditionalShare / simplifiedShare are T / hanCount and S / hanCount.
 * With start / end, only text[start, end) is read (as detectScript(text.slice(start, end)), without the copy).
 */
export function detectScript(text: string, start = 0, end = text.length): ScriptInfo {
  if (!charClass) buildCharClasses();
  const cls = charClass!;
  let han = 0, simp = 0, trad = 0;
  const from = Math.max(0, start), to = Math.min(end, text.length);
  // one pass without branches (a script-specific character is rare enough to mispredict on): one
  // addition per unit, of the four counts packed in a double, unpacked every 4096 units …
  const packed = packedClass!;
  let highs = 0;
  for (let a = from; a < to; a += 4096) {
    const b = Math.min(to, a + 4096);
    let acc = 0;
    for (let i = a; i < b; i++) acc += packed[text.charCodeAt(i)];
    const h = Math.floor(acc / 2 ** 39);
    acc -= h * 2 ** 39;
    const t = Math.floor(acc / 2 ** 26);
    acc -= t * 2 ** 26;
    const sc = Math.floor(acc / 2 ** 13);
    highs += h;
    trad += t;
    simp += sc;
    han += acc - sc * 2 ** 13;
  }
  // … and one for astral characters, if there is a high surrogate
  if (highs > 0) {
    for (let i = from; i + 1 < to; i++) {
      if (cls[text.charCodeAt(i)] !== HIGH) continue;
      const lo = text.charCodeAt(i + 1);
      if (lo < 0xdc00 || lo > 0xdfff) continue;
      const cp = ((text.charCodeAt(i) - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
      i++;
      if (!isHanCp(cp)) continue;
      han++;
      if (astralSimp!.has(cp)) simp++;
      else if (astralTrad!.has(cp)) trad++;
    }
  }
  const info = (script: ScriptInfo['script']): ScriptInfo => ({
    script, hanCount: han,
    traditionalShare: han ? trad / han : 0,
    simplifiedShare: han ? simp / han : 0,
  });
  if (han === 0) return info('none');
  const n = simp + trad;
  const th = SCRIPT_THRESHOLDS;
  if (simp >= th.mixedMin && trad >= th.mixedMin && simp / n >= th.mixedShare && trad / n >= th.mixedShare) return info('mixed');
  if (trad >= th.minSpecific && trad / n >= th.dominantShare) return info('traditional');
  if (simp >= th.minSpecific && simp / n >= th.dominantShare) return info('simplified');
  return info(trad > 0 && simp === 0 ? 'traditional' : 'simplified');
}
