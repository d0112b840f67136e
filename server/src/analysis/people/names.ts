// What a name looks like: a surname from the table, one or two given characters, and a right
// edge decided by the name's shape — where a function character or a word of the dictionary
// begins — never by a list of the words that may follow. How sure the context is decides how
// much the candidate itself must look like a name (given-name statistics from jieba's own
// dictionary, data/name-stats.json).
import notNames from '../../../data/not-names.json';
import stats from '../../../data/name-stats.json';
import roleData from '../../../data/roles.json';
import surnameData from '../../../data/surnames.json';
import minority from '../../../data/minority-names.json';
import { hanAt, hanLen, Lexicon, marks } from './scan';

// the surname table marks characters that are surnames only in principle (有, 家, 能) with
// the smallest share; they start a name only in a byline or credit, where it is a whole token
const RARE = 0.0001;
export const ALL_SINGLE = marks(Object.keys(surnameData.single));
const SINGLE = marks(Object.entries(surnameData.single as Record<string, number>).filter(([, share]) => share > RARE).map(([s]) => s));
const COMMON_SURNAME = marks(Object.entries(surnameData.single as Record<string, number>).filter(([, share]) => share >= 0.05).map(([s]) => s));
const COMPOUND = new Lexicon(Object.keys(surnameData.compound));
export const NOT_NAMES = new Set<string>(notNames.words);
/** particles, prepositions, conjunctions: a name never ends in one (龙鸣等, 雷春在) */
export const FUNCTION = marks(roleData.functionChars);
const ADDRESS = new Lexicon(roleData.address);
// nouns a title compounds with (市长信箱, 县长热线): no name after the title
const TITLE_COMPOUNDS = new Lexicon(roleData.titleCompounds);
// function characters that may close a clause themselves (贝文说，)
const CLAUSE_END = marks('等说了的');
const PAUSE = marks('，,。、；;：:！？!?）) \t\n\u3000');
// a place word after a noun (居民楼道里): on weak evidence no name ends in one
const LOCATIVE = marks('里上下中内外前后旁边间');
// administrative units a two-character word may end in (乡镇, 社区, 村组): no given name
const UNIT = marks('乡镇村组区县市省街户片');

// log2 of how much likelier a character is in a given name than in text, times ten
const GIVEN = new Int8Array(65536);
for (const [c, r] of Object.entries(stats.given as Record<string, number>)) GIVEN[c.charCodeAt(0)] = Math.round(r * 10);
const givenAt = (s: string, i: number) => GIVEN[s.charCodeAt(i)] / 10;
// the dictionary's frequent two-character words, as c1 << 16 | c2
const pairs = (words: string) => { const set = new Set<number>(); for (let k = 0; k + 1 < words.length; k += 2) set.add(words.charCodeAt(k) * 65536 + words.charCodeAt(k + 1)); return set; };
const WORDS = pairs(stats.words), CLOSED = pairs(stats.closed);
/** s[i, i + 2) is a frequent word. */
export const wordAt = (s: string, i: number) => i >= 0 && i + 1 < s.length && WORDS.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
// s[i, i + 2) is a verb, a function word or a very frequent noun: never a name (强调, 关于, 经济)
export const closedAt = (s: string, i: number) => CLOSED.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));

/** Characters a surname may start with (a scan tests these before anything else). */
export const SURNAME_START = marks([...Object.keys(surnameData.single), ...Object.keys(surnameData.compound).map((c) => c[0])]);
export const surnameAt = (s: string, i: number): number => COMPOUND.at(s, i)?.length ?? (SINGLE[s.charCodeAt(i)] ? 1 : 0);
/** A surname common enough to start a name on weak evidence. */
export const commonSurnameAt = (s: string, i: number) => SINGLE[s.charCodeAt(i)] === 1 || COMPOUND.at(s, i) !== null;
export const surnameShaped = (s: string, i: number) => surnameAt(s, i) > 0 || ALL_SINGLE[s.charCodeAt(i)] === 1;

/**
 * How the context vouches for a name. Strong: an explicit title, a credit, an item of a list
 * a title opened — an everyday word is a name there (副县长华夏). Weak: a status noun, a speech
 * verb, a mention elsewhere — the candidate must look like a name and be no everyday word.
 * Group: a collective label (县领导, 班子成员) — it must look like a name, but may be a word
 * (区领导文明; not 县级领导包联).
 */
export const enum Evidence { Weak, Group, Strong }

// a given name made of these is no name: 包片, 和商户
const STRONG_MIN = -3, WEAK_MEAN = -0.5, WEAK_MIN = -3.5;

/** Where a two-character given name has to stop after its first character (at g2). */
function endsBefore(s: string, g2: number): boolean {
  // 龙鸣等出席, 蔡红和同事: but a name may end in one before a pause (宇文忠和，)
  if (FUNCTION[s.charCodeAt(g2)]) return !PAUSE[s.charCodeAt(g2 + 1)] || CLAUSE_END[s.charCodeAt(g2)] === 1;
  // a word begins at g2 and is not itself cut by one after it: 华夏|出席, 牛犇|一同, 卢松|关于
  // (unless the word's second half is a function character before a break: 王立成|就《…》;
  // a verb there still ends the name: 岳林|陪同。)
  if (wordAt(s, g2) && !wordAt(s, g2 + 1) && !(FUNCTION[s.charCodeAt(g2 + 1)] && !hanAt(s, g2 + 2) && !closedAt(s, g2))) return true;
  const given = givenAt(s, g2);
  // two words in a row: the character decides (周伟杰|出席 but 王刚|随后来到)
  if (wordAt(s, g2) && wordAt(s, g2 + 1) && given < 0) return true;
  // a title follows: g2 is the verb that gives it (王刚|任组长)
  if (TITLE_AHEAD.at(s, g2 + 1)) return true;
  return given <= -5; // a character names never hold (出, 说)
}
// the listed titles a verb after a name may give: 任组长, 任副组长
const TITLE_AHEAD = new Lexicon(roleData.heads);

/** A name starting at i: surname + 1–2 given characters, or null. */
export function nameAt(s: string, i: number, maxEnd: number, ev: Evidence): string | null {
  let sl = surnameAt(s, i);
  if (!sl) return null;
  // 和, 同, 与 are surnames too, but rarely: only after a title (向, 于 are common surnames)
  const fnSurname = sl === 1 && FUNCTION[s.charCodeAt(i)] === 1 && !COMMON_SURNAME[s.charCodeAt(i)];
  if (fnSurname && ev !== Evidence.Strong) return null; // 和 is a surname only after a title
  const g1 = i + sl;
  if (g1 >= maxEnd || hanLen(s, g1) !== 1) {
    // 欧阳 may be a single surname 欧 + 阳: try it
    if (sl === 2 && SINGLE[s.charCodeAt(i)]) sl = 1; else return null;
  }
  const a = i + sl;
  if (ADDRESS.at(s, a) && (ADDRESS.at(s, a)!.length >= 2 || !hanAt(s, a + 1) || endsBefore(s, a + 1))) return null; // 张爷爷, 李总说
  const two = a + 1 < maxEnd && hanLen(s, a + 1) === 1 && !endsBefore(s, a + 1);
  const end = a + (two ? 2 : 1);
  const name = s.slice(i, end);
  const scores = two ? [givenAt(s, a), givenAt(s, a + 1)] : [givenAt(s, a)];
  const min = Math.min(...scores), mean = scores.reduce((x, y) => x + y, 0) / scores.length;
  if (TITLE_COMPOUNDS.at(s, i)) return null;
  // a frequent word opens it (强调, 万家): no name — unless an explicit title stands before a
  // three-character name whose last character is a given name's and which ends at a break (镇人大主席万家明，)
  if (closedAt(s, i) && !(ev === Evidence.Strong && two && givenAt(s, a + 1) >= 2 && (!hanAt(s, end) || FUNCTION[s.charCodeAt(end)]))) return null;
  if (ev === Evidence.Strong) {
    if (min < STRONG_MIN && mean < 0) return null;
    if (fnSurname && (mean < 1 || hanAt(s, end) && !FUNCTION[s.charCodeAt(end)])) return null;
    return name;
  }
  if (min < WEAK_MIN || mean < WEAK_MEAN || LOCATIVE[s.charCodeAt(end - 1)]) return null;
  // a verb of assignment and the units it names: 县领导包|乡镇, 干部包|村组 — no name on weak evidence
  if (two && wordAt(s, a) && UNIT[s.charCodeAt(end - 1)]) return null;
  if (ev === Evidence.Group) return name;
  // an everyday word is no name on weak evidence: 居民楼道, 群众满意
  if (NOT_NAMES.has(name) || (!two && wordAt(s, i)) || (two && (NOT_NAMES.has(name.slice(0, 2)) || wordAt(s, i)))) return null;
  return name;
}

/**
 * A name without a Han surname after an explicit title (副县长扎西多吉, 旗长乌力吉): three or four
 * characters that look like a given name, ending where a function character or a word begins.
 */
export function givenOnlyAt(s: string, i: number, maxEnd: number): string | null {
  if (hanLen(s, i) !== 1 || closedAt(s, i) || FUNCTION[s.charCodeAt(i)]) return null;
  let e = i + 1;
  while (e < maxEnd && e - i < 4 && hanLen(s, e) === 1 && !(e - i >= 2 && (FUNCTION[s.charCodeAt(e)] || (wordAt(s, e) && !wordAt(s, e - 1))))) e++;
  if (e - i < 3 || hanAt(s, e) && e - i === 4 && !FUNCTION[s.charCodeAt(e)] && !wordAt(s, e)) return null;
  let sum = 0;
  for (let k = i; k < e; k++) sum += givenAt(s, k);
  return sum / (e - i) >= GIVEN_ONLY_MEAN ? s.slice(i, e) : null;
}
const GIVEN_ONLY_MEAN = 0.7;

const DOT = 0xb7;
/**
 * A transliterated minority name at i: 阿依古丽·买买提, 热依拉·司马义 — Han parts joined by a
 * middle dot; the last part ends where a function character or a word begins.
 */
export function dotNameAt(s: string, i: number, maxEnd: number): string | null {
  let k = i;
  for (;;) {
    const p = k;
    while (k < maxEnd && k - p < 8 && hanLen(s, k) === 1) k++;
    if (k - p < 1 || (k === p + 1 && p === i)) return null;
    if (s.charCodeAt(k) === DOT && hanAt(s, k + 1)) { k++; continue; }
    if (p === i) return null; // no dot at all
    // the last part: cut at a function character or a word that begins after two characters
    let e = p + 1;
    while (e < k && !(e - p >= 2 && (FUNCTION[s.charCodeAt(e)] || (wordAt(s, e) && !wordAt(s, e - 1)))) && e - p < 6) e++;
    return e - p >= 2 ? s.slice(i, e) : null;
  }
}

/** Whether a middle dot at i joins two Han runs (a candidate for dotNameAt). */
export const joinsNames = (s: string, i: number) => s.charCodeAt(i) === DOT && hanAt(s, i - 1) && hanAt(s, i + 1);

// elements of Tibetan and Mongolian names (扎西, 次仁; 乌云, 其木格): a run of them is one name
const ELEMENTS = new Lexicon([...minority.tibetan, ...minority.mongolian]);
/**
 * A Tibetan or Mongolian name at i written without a dot: two or more listed elements
 * (阿旺次仁, 乌云其木格), or one of three characters or more (巴特尔), where its last character
 * opens no word with the next. After a title and in enumerations only.
 */
export function transliteratedAt(s: string, i: number, maxEnd: number): string | null {
  let e = i, parts = 0;
  for (let el; e < maxEnd && e - i < 8 && (el = ELEMENTS.at(s, e)) && e + el.length <= maxEnd; e += el.length) parts++;
  if (!parts || (parts === 1 && e - i < 3)) return null;
  // (not where its last character opens a word with the next: 巴图|书记 yes, 乌兰|察布 no)
  return wordAt(s, e - 1) && !FUNCTION[s.charCodeAt(e)] ? null : s.slice(i, e);
}
