#!/usr/bin/env node
// Derives server/data/name-stats.json from jieba's own dictionary (the jieba.dict.utf8 that
// ships inside the nodejieba package): how much more often each character stands in the given
// name of a person name tagged `nr` than in running text, and the frequent two-character words
// that the people finder uses to see where a name ends and whether a word crosses it.
// Run: node scripts/derive-name-stats.mjs   (rerun after a jieba upgrade; the output is committed)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dictPath = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
const surnames = JSON.parse(readFileSync(join(ROOT, 'server/data/surnames.json'), 'utf8'));
const version = JSON.parse(readFileSync(join(dirname(dictPath), '../../../package.json'), 'utf8')).version;

// a word is common enough to count as one when jieba's frequency reaches this
const WORD_FREQ = 200;
const NR_WORD_FREQ = 500;
// words never taken for a name, even after a title: verbs and function words (强调, 关于, 提问),
// and the most frequent nouns (经济, 发展)
const CLOSED_TAGS = new Set(['v', 'vn', 'vd', 'p', 'c', 'd', 'u', 'r', 'm', 'q', 'f', 't', 'y', 'e', 'o']);
const CLOSED_NOUN_FREQ = 15000;
// a character's ratio is kept when it was seen this often in given names or in text
const MIN_SEEN = 3;

const given = new Map(), text = new Map();
let givenTotal = 0, textTotal = 0;
const words = [], closed = [];
const isHan = (c) => /\p{Script=Han}/u.test(c);
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const [w, f, tag] = line.split(' ');
  if (!w) continue;
  const freq = Number(f), chars = [...w];
  if (!chars.every(isHan)) continue;
  for (const c of chars) { text.set(c, (text.get(c) || 0) + freq); textTotal += freq; }
  // jieba tags many everyday words nr too (师范, 文明): a frequent one is a word all the same
  if (tag === 'nr' && w.length === 2 && freq >= NR_WORD_FREQ) words.push(w);
  if (tag === 'nr') {
    // a Chinese person name: a listed surname and one or two given characters
    const sl = chars.length >= 3 && surnames.compound[chars[0] + chars[1]] ? 2 : surnames.single[chars[0]] ? 1 : 0;
    const g = chars.length - sl;
    if (sl && g >= 1 && g <= 2) for (const c of chars.slice(sl)) { given.set(c, (given.get(c) || 0) + 1); givenTotal++; }
  } else if (w.length === 2 && freq >= WORD_FREQ) { // two UTF-16 units: read pairwise
    words.push(w);
    if (CLOSED_TAGS.has(tag) || freq >= CLOSED_NOUN_FREQ) closed.push(w);
  }
}

// log2 of P(char | given name) / P(char | text), smoothed, rounded to a tenth
const ratio = {};
for (const c of new Set([...given.keys(), ...text.keys()])) {
  if (c.length !== 1) continue; // the finder keeps a table of the BMP
  const g = given.get(c) || 0, t = text.get(c) || 0;
  if (g < MIN_SEEN && t < MIN_SEEN * 100) continue;
  const r = Math.log2(((g + 0.5) / givenTotal) / ((t + 50) / textTotal));
  ratio[c] = Math.max(-9, Math.min(9, Math.round(r * 10) / 10));
}
const out = {
  about: `Derived by scripts/derive-name-stats.mjs from jieba's dictionary (jieba.dict.utf8 shipped in nodejieba ${version}, MIT). given: log2 of how much more often a character is a given-name character of the dictionary's person names (tag nr, a listed surname + 1-2 characters) than a character of its words weighted by frequency; characters seen too rarely are left out (read as 0). words: the dictionary's two-character words with frequency >= ${WORD_FREQ} (tagged nr: >= ${NR_WORD_FREQ}), concatenated; closed: those of them that are verbs or function words (tags ${[...CLOSED_TAGS].join(' ')}) or have frequency >= ${CLOSED_NOUN_FREQ}, which no title makes a name. See people-data.SOURCES.md.`,
  given: Object.fromEntries(Object.entries(ratio).sort(([a], [b]) => (a < b ? -1 : 1))),
  words: words.sort().join(''),
  closed: closed.sort().join(''),
};
writeFileSync(join(ROOT, 'server/data/name-stats.json'), JSON.stringify(out) + '\n');
console.log(`given: ${Object.keys(ratio).length} characters from ${givenTotal} given-name characters; words: ${words.length}, closed: ${closed.length}`);
