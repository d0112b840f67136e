// Pure analysis types: offsets are UTF-16 code-unit offsets into the ORIGINAL text
// the user has open. Nothing here knows about LSP or VS Code.

export interface Span { start: number; end: number }

/** A replacement of original[start, end) by text. */
export interface TextChange extends Span { text: string }

export type DamageCode =
  | 'hard-wrap'
  | 'split-sentence'
  | 'caption-interrupts'
  | 'split-headline'
  | 'pinyin-residue'
  | 'halfwidth-punct'
  | 'stray-space'
  | 'page-furniture'
  | 'byline-merged'
  | 'mojibake'
  | 'lost-characters'
  | 'mixed-script'
  | 'file-too-large'
  // a notice, not damage: more problems than zhArticle.maxNumberOfProblems publishes
  | 'too-many-problems';


export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One piece of source damage with the changes that repair it. */
export interface Finding extends Span {
  code: DamageCode;
  /** Message arguments; the feature layer renders them in the user's locale. */
  args?: Record<string, string | number>;
  /** Changes that repair this finding; empty when the repair is a client action (mojibake). */
  changes: TextChange[];
}

export type PersonKind = 'official' | 'reporter' | 'photographer' | 'other';

export interface Mention extends Span {
  /** index into Analysis.people */
  person: number;
  /** the role phrase the text attaches at this mention, if any */
  roles: string[];
  /** the same roles as written in the original (its script, residue removed) */
  written: string[];
  /** byline / credit role of this mention */
  kind: PersonKind;
}

export interface Person {
  /** clean name as written (pinyin residue removed) */
  name: string;
  /** simplified key used to match across files and scripts */
  key: string;
  roles: string[];
  kind: PersonKind;
  mentions: Mention[];
}

export type SloganSource = 'glossary' | 'numbered' | 'quoted';

export interface SloganMention extends Span {
  /** simplified canonical key (glossary canonical form, or the folded text) */
  key: string;
  /** text as written, residue removed, without quotes */
  text: string;
  source: SloganSource;
  /** unquoted ordinary policy vocabulary: explained on hover, not highlighted or counted */
  vocabulary?: boolean;
}

export interface Report extends Span {
  /** headline as printed (joined when split, residue removed), or a name made from the lead */
  name: string;
  /** a report, a brief (little text), or photo news (captions only) */
  kind: 'report' | 'brief' | 'photo';
  headline?: Span;
  kicker?: string;
  subtitle?: string;
  /** span of the headline lines (selection range in the outline) */
  nameSpan: Span;
  date?: string;
  /** every credited name by role as printed (记者, 通讯员, 摄, 作者; '' for names in brackets without a role) */
  bylines: { role: string; names: string[] }[];
  captions: Span[];
  /** what the page says of the report on lines of its own (来源, 发布时间, 作者, 编辑, 浏览次数) */
  meta?: { source?: string; published?: string; author?: string; editor?: string; views?: string };
}

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

export interface ScriptInfo {
  script: Script;
  /** share of Han characters that are specifically traditional (0..1) */
  traditionalShare: number;
  /** share of Han characters that are specifically simplified (0..1) */
  simplifiedShare: number;
  hanCount: number;
}
