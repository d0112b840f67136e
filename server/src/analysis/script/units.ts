// UTF-16 code units and code points as conversion meets them: surrogate pairs, the
// ideographic description sequences opencc-js skips as one unit, Han code points, and the
// characters no OpenCC dictionary entry holds.

export const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
export const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Characters that never occur in OpenCC dictionary entries: conversion keeps them, in order. */
export const SEPARATOR = /([\s，。、；：！？“”‘’（）《》〈〉【】「」『』…—,.;:!?()"'[\]{}<>])/u;

export const isIds = (c: number) => c >= 0x2ff0 && c <= 0x2fff;

export const cpCount = (s: string) => { let n = 0; for (let i = 0; i < s.length; i++) if (!isLow(s.charCodeAt(i)) || !isHigh(s.charCodeAt(i - 1))) n++; return n; };

// opencc-js skips an Ideographic Description Sequence (⿰氵每 …) as one unmatched unit
export function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
export const cpLen = (s: string, i: number, end = s.length) => (isHigh(s.charCodeAt(i)) && i + 1 < end && isLow(s.charCodeAt(i + 1)) ? 2 : 1);
function idsEnd(s: string, i: number, stop: number, to: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= to || s.charCodeAt(end) === stop) return 0;
    const child = idsEnd(s, end, stop, to);
    end = child || end + cpLen(s, end, to);
  }
  return end;
}
/** Length of the unmatched unit at i, as opencc-js's Trie counts it (never crossing `stop` or `to`). */
export function unmatchedLength(s: string, i: number, stop: number, to = s.length): number {
  const c = s.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = idsEnd(s, i, stop, to);
    if (e > i) return e - i;
  }
  return cpLen(s, i, to);
}

export const SURROGATE = /[\ud800-\udfff]/;

/** Same length and surrogate pairs at the same places (so no astral/BMP swap shifted anything). */
export function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b || (!SURROGATE.test(a) && !SURROGATE.test(b))) return true;
  for (let i = 0; i < a.length; i++) if (isHigh(a.charCodeAt(i)) !== isHigh(b.charCodeAt(i))) return false;
  return true;
}

export const isHanCp = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x20000 && c <= 0x323af) || (c >= 0x2e80 && c <= 0x2fdf) || c === 0x3005 || c === 0x3007 ||
  (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b);
