// The user's own files in .zh-article/ beside the workspace root (or beside the file when
// there is no workspace): people.json {names, notPeople}, glossary.json {entries} and
// convert.json {phrases, words} (conversion phrases over the built-in layer).
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPhrases, parsePhraseEntries } from '../analysis/convertPhrases';
import { builtinGlossary, type GlossaryEntry } from '../analysis/slogans';
import type { AnalysisStore } from '../store';

type UserFile = 'people.json' | 'glossary.json' | 'convert.json';

export const userFilePath = (root: string | null, uri: string | null, name: UserFile): string | null =>
  root ? join(root, '.zh-article', name) : uri?.startsWith('file:') ? join(dirname(fileURLToPath(uri)), '.zh-article', name) : null;

/** Read the files into the store; a missing or broken file means no user entries (a broken entry is left out). */
export async function loadUserFiles(root: string | null, store: AnalysisStore): Promise<void> {
  const people = userFilePath(root, null, 'people.json'), glossary = userFilePath(root, null, 'glossary.json');
  const convert = userFilePath(root, null, 'convert.json');
  if (!people || !glossary || !convert) return;
  try {
    const p = JSON.parse(await fs.readFile(people, 'utf8'));
    store.people = { names: p.names, notPeople: p.notPeople };
  } catch { store.people = {}; }
  try {
    const g = JSON.parse(await fs.readFile(glossary, 'utf8'));
    const entries = (Array.isArray(g) ? g : g.entries) as GlossaryEntry[];
    store.glossary = builtinGlossary.withOverrides(entries.filter((e) => e && typeof e.canonical === 'string' && typeof e.explanation === 'string'));
  } catch { store.glossary = undefined; }
  try {
    const user = parsePhraseEntries(JSON.parse(await fs.readFile(convert, 'utf8')));
    store.convertPhrases = builtinPhrases.with(user.entries, user.words);
  } catch { store.convertPhrases = builtinPhrases; }
}

/** Add a false positive to people.json; returns the file and its people entries. */
export async function addNotPerson(root: string | null, uri: string, name: string): Promise<{ file: string; names?: string[]; notPeople: string[] }> {
  const file = userFilePath(root, uri, 'people.json');
  if (!file) throw new Error(`No folder to keep .zh-article/people.json in for ${uri}; open a workspace folder.`);
  let data: { names?: string[]; notPeople?: string[] } = {};
  try { data = JSON.parse(await fs.readFile(file, 'utf8')); } catch { /* new file */ }
  const notPeople = [...new Set([...(data.notPeople || []), name])];
  await fs.mkdir(dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify({ ...data, notPeople }, null, 2) + '\n');
  return { file, names: data.names, notPeople };
}
