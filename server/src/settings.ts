// Server-side settings (as vscode-eslint does): read per document from the client's
// `zhArticle` configuration, with defaults for editors that send none.
import type { DamageCode, Severity } from './analysis/types';

export type Level = Severity | 'off';

export interface Settings {
  maxFileSize: number; // MB
  /** at most this many diagnostics per document, those nearest the last edit (0: all) */
  maxNumberOfProblems: number;
  diagnostics: Record<DamageCode, Level>;
  fixAll: DamageCode[];
  codeLens: boolean;
}

export const DEFAULT_LEVELS: Record<DamageCode, Level> = {
  'hard-wrap': 'information',
  'split-sentence': 'warning',
  'caption-interrupts': 'warning',
  'split-headline': 'information',
  'pinyin-residue': 'warning',
  'halfwidth-punct': 'hint',
  'stray-space': 'information',
  'page-furniture': 'information',
  'byline-merged': 'information',
  mojibake: 'error',
  'lost-characters': 'warning',
  'mixed-script': 'information',
  'file-too-large': 'warning',
  'too-many-problems': 'information',
};

// VS Code shows at most 1,000 diagnostics per file and drops the rest after sorting them by
// severity (extHostDiagnostics); sending more only costs time on every keystroke.
export const DEFAULT_MAX_PROBLEMS = 1000;

// Moving a byline or deleting furniture changes what the text says; fix-all only restores.
export const DEFAULT_FIX_ALL: DamageCode[] = ['hard-wrap', 'split-sentence', 'caption-interrupts', 'split-headline', 'pinyin-residue', 'halfwidth-punct', 'stray-space'];

export const DEFAULT_SETTINGS: Settings = { maxFileSize: 20, maxNumberOfProblems: DEFAULT_MAX_PROBLEMS, diagnostics: { ...DEFAULT_LEVELS }, fixAll: DEFAULT_FIX_ALL, codeLens: true };

const camel = (c: string) => c.replace(/-(\w)/g, (_, x: string) => x.toUpperCase());

/** Merge what the client sent (`zhArticle` section) over the defaults. */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diag = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const diagnostics = { ...DEFAULT_LEVELS };
  for (const code of Object.keys(DEFAULT_LEVELS) as DamageCode[]) {
    const v = diag[camel(code)];
    if (typeof v === 'string' && ['off', 'error', 'warning', 'information', 'hint'].includes(v)) diagnostics[code] = v as Level;
  }
  const fixAll = Array.isArray((r.fixAll as Record<string, unknown> | undefined)?.codes) ? ((r.fixAll as { codes: string[] }).codes.filter((c) => c in DEFAULT_LEVELS) as DamageCode[]) : DEFAULT_FIX_ALL;
  const maxFileSize = typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : 20;
  const maxNumberOfProblems = typeof r.maxNumberOfProblems === 'number' && r.maxNumberOfProblems >= 0 ? Math.floor(r.maxNumberOfProblems) : DEFAULT_MAX_PROBLEMS;
  const codeLens = typeof (r.codeLens as Record<string, unknown> | undefined)?.enabled === 'boolean' ? Boolean((r.codeLens as { enabled: boolean }).enabled) : true;
  return { maxFileSize, maxNumberOfProblems, diagnostics, fixAll, codeLens };
}
