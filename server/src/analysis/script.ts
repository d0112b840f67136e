// Script (simplified / traditional) detection and conversion, on top of opencc-js.
// Pure modules: no LSP / VS Code imports. Offsets are UTF-16 code units.
//
// Variants and the OpenCC configurations behind them (VARIANT_CONFIG):
//   'traditional' = s2t    as opencc-js Converter({ from: 'cn', to: 't' })    OpenCC standard traditional
//   'taiwan'      = s2twp  as Converter({ from: 'cn', to: 'twp' })            Taiwan forms and phrases
//   'hongkong'    = s2hk   as Converter({ from: 'cn', to: 'hk' })             Hong Kong forms
//   'simplified'  = hk2t ∪ tw2t variant folding, then t2s (buildSimplified): Taiwan and Hong Kong
//                   forms fold to OpenCC standard traditional first, so text from any traditional
//                   source ends up in mainland simplified.
// The configurations and dictionaries are opencc-js's; they run here the way its Converter runs
// them (normalisation, segmentation, conversion stages) on FastTrie, a faster copy of its Trie,
// and can locate the replacements that change length (convertText needs them for 'taiwan').
// The phrase layer for official texts (convertPhrases.ts) goes in front of those dictionaries.
// test/conformance/opencc.test.mjs runs OpenCC's own test cases against these.
//
// This module is the entry; the work is in script/, one concern each:
//   units.ts      UTF-16 code units and code points, ideographic description sequences
//   trie.ts       opencc-js dictionaries and FastTrie
//   pipelines.ts  OpenCC configurations as pipelines (and the phrase layer in them)
//   engine.ts     running a pipeline, tracking length changes; the cached engines
//   fold.ts       folding to simplified index for index, for the analysis
//   detect.ts     which script a text is written in
//   frozen.ts     what conversion leaves untouched (Latin, URLs, residue, wraps, names)
//   convert.ts    convertText / convertEdits around what stays untouched
//   surnames.ts   surnames OpenCC maps one to many
export type { Variant } from './convertPhrases';
export { dictEntries } from './script/trie';
export { openccDicts, VARIANT_CONFIG } from './script/pipelines';
export { VARIANTS, converter, toSimplified } from './script/engine';
export { foldToSimplified } from './script/fold';
export { detectScript, SCRIPT_THRESHOLDS } from './script/detect';
export { convertText, convertEdits, type ConvertOptions, type TextEdit } from './script/convert';
export { ONE_TO_MANY_SURNAMES } from './script/surnames';
