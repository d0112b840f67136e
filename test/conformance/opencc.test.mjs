// OpenCC's own conversion tests (../shared/opencc-testcases: testcases.json and golden/) run
// against the conversion zh-article does for every variant it offers: OpenCC with the phrase
// layer for official texts (converter(variant, builtinPhrases)). Build first: npx tsc -b.
//
// Each OpenCC configuration is either mapped to one of our variants or listed in NOT_OFFERED;
// cases a variant fails by design are listed by id in EXCLUDED with the reason, and the test
// checks that reason still holds (and that the case still fails, so the list does not go stale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenCC from 'opencc-js';
import S from '../../server/out/analysis/script.js';
import P from '../../server/out/analysis/convertPhrases.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(here, '../../../shared/opencc-testcases');
const present = fs.existsSync(path.join(DIR, 'testcases.json'));

/** OpenCC configuration → our variant. */
const OFFERED = {
  s2t: 'traditional',
  s2tw: 'taiwan', // we offer Taiwan with phrases (s2twp); s2tw cases that differ only by phrases are excluded below
  s2twp: 'taiwan',
  s2hk: 'hongkong',
  t2s: 'simplified',
  tw2s: 'simplified',
  hk2s: 'simplified',
};

/** Configurations in the suite that no variant implements. */
const NOT_OFFERED = {
  tw2sp: 'simplified folds Taiwan/Hong Kong character forms, not vocabulary (no 網際網路→互联网 reversal): a mainland report tool should not rewrite words',
  hk2sp: 'as tw2sp, for Hong Kong vocabulary',
  s2hkp: 'Hong Kong phrase conversion; opencc-js itself calls its dictionary "still developing and currently small"',
  t2tw: 'traditional→traditional regional conversion: every variant starts from simplified, or ends in simplified',
  t2hk: 'traditional→traditional regional conversion (as t2tw)',
  tw2t: 'traditional→traditional regional conversion (as t2tw)',
  hk2t: 'traditional→traditional regional conversion (as t2tw)',
  jp2t: 'Japanese shinjitai is out of scope',
  t2jp: 'Japanese shinjitai is out of scope',
};

const TS_EXT = 'needs OpenCC TSCharactersExt (astral-plane simplified forms), which opencc-js leaves out by design to avoid tofu glyphs';
const ZHE = 'input writes the Taiwan 著 for the particle zhe; our simplified folds Taiwan forms first, as tw2s does (its expectation for this same case is what we give)';
const TWP = 'Taiwan vocabulary: our taiwan variant is s2twp (with phrases), s2tw keeps mainland wording';
const LAYER = 'the phrase layer for official texts (server/data/convert-phrases.json) writes these words differently on purpose';

/**
 * Cases and golden lines the phrase layer changes on purpose: the forms it writes there (the
 * check: OpenCC alone passes, and the layered output holds each form).
 */
const LAYER_FORMS = {
  's2twp/variants_tw_s2twp': ['社區'], // Taiwan writes 社區 for neighbourhoods; 社群 is an online community
  'golden s2t/53': ['一出席'], // 五分之一出席議員, not 一齣 (a play)
  'golden s2hk/53': ['一出席'],
  'golden s2twp/27': ['發布'], // 發布選舉令: Taiwan's 釋出 is a software release
  'golden s2twp/53': ['保存', '一出席'], // 保存本院議事錄: 儲存 is saving a file
  'golden s2twp/59': ['設置'], // 設置…文官職務 (establishing): 設定 is a setting
  // 並爲統轄…民兵提供用度 (and provides for): 併爲 is merging; 同意後制定 (drawn up after): 後製 is post-production
  'golden s2t/99': ['並爲'], 'golden s2tw/99': ['並為'], 'golden s2twp/99': ['並為'], 'golden s2hk/99': ['並為'],
  'golden s2t/227': ['後制定'], 'golden s2twp/227': ['後制定'], 'golden s2hk/227': ['後制定'],
};

/** Cases left out, by OpenCC configuration and case id, with the reason. */
const EXCLUDED = {
  t2s: {
    BYVoid_OpenCC_PR_1228_existing_behaviors: TS_EXT + ' (殢→𣨼)',
    BYVoid_OpenCC_PR_1229_existing_behaviors: TS_EXT + ' (圞→𪢮)',
    BYVoid_OpenCC_PR_464_xi_vs_xi: TS_EXT + ' (樠→𣗊)',
    BYVoid_OpenCC_Issue_767_solace: ZHE,
  },
  hk2s: {
    BYVoid_OpenCC_Issue_767_solace: ZHE,
  },
  s2twp: {
    variants_tw_s2twp: LAYER,
  },
  s2tw: Object.fromEntries([
    's2t_ximian', 'ByVoid_OpenCC_Issue950_AlgorithmConversion', 'nVidia_naming_s2t',
    'medical_terms_tw_s2twp', 'medical_phrases_tw_s2twp', 'medical_phrases_tw_neuro_s2twp',
    'medical_phrases_tw_acetaminophen_s2twp', 'medical_phrases_tw_hepatitis_s2twp', 'medical_phrases_tw_ultrasound_s2twp',
    'dioxin_terms_tw_s2twp', 'hantavirus_s2twp', 'BYVoid_OpenCC_Issue_475', 'variants_tw_s2twp', 'mobile_data_s2twp',
    'obama_s2twp', 'fruit_dried_phrases_s2t', 'BYVoid_OpenCC_Issue_1288_acyl_group', 'BYVoid_OpenCC_Issue_1275_amino_acid_s2x',
    'BYVoid_OpenCC_Issue_506', 'director_names_all_modes', 'producer_names_all_modes',
  ].map((id) => [id, TWP])),
};

/** Golden files: OpenCC config → variant; lines left out, by 1-based line number, with the reason. */
const GOLDEN = {
  s2t: { variant: 'traditional', excluded: { 53: LAYER, 99: LAYER, 227: LAYER } },
  s2tw: {
    variant: 'taiwan',
    // US state names: s2twp writes 維吉尼亞 / 新罕布夏 / 麻薩諸塞 / 康乃狄克 / 紐澤西 / 德拉瓦 / 喬治亞; 27 and 53
    // s2twp's 釋出 / 儲存 (the phrase layer keeps 發布 / 保存 but not s2tw's 發佈 / 公佈 forms)
    excluded: { ...Object.fromEntries([25, 27, 53, 227, 235, 241, 251, 261, 279, 315, 343, 379, 393].map((n) => [n, TWP])), 99: LAYER },
  },
  s2twp: { variant: 'taiwan', excluded: { 27: LAYER, 53: LAYER, 59: LAYER, 99: LAYER, 227: LAYER } },
  s2hk: { variant: 'hongkong', excluded: { 53: LAYER, 99: LAYER, 227: LAYER } },
};

/** A difference the phrase layer makes on purpose: OpenCC alone gives the expectation, the layer its forms. */
function checkLayer(label, variant, input, expected, got) {
  const forms = LAYER_FORMS[label];
  assert.ok(forms, `${label}: excluded for the phrase layer but no forms named in LAYER_FORMS`);
  assert.equal(S.converter(variant)(input), expected, `${label}: OpenCC alone passes`);
  for (const f of forms) assert.ok(got.includes(f), `${label}: the layer writes ${f}`);
}

const OPENCC_JS = { s2tw: ['cn', 'tw'], s2twp: ['cn', 'twp'] };

function loadCases() {
  // the file has trailing commas: not strict JSON
  const raw = fs.readFileSync(path.join(DIR, 'testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(raw).cases;
}

const stats = {}; // variant → { pass, total, excluded, parts: [] }
function record(variant, label, pass, total, excluded) {
  const s = (stats[variant] ??= { pass: 0, total: 0, excluded: 0, parts: [] });
  s.pass += pass;
  s.total += total;
  s.excluded += excluded;
  s.parts.push(`${label} ${pass}/${total}${excluded ? ` +${excluded} named exclusions` : ''}`);
}

/** Why an excluded case fails; asserts the stated reason holds. */
function checkExclusion(cfg, c, got) {
  const reason = EXCLUDED[cfg][c.id];
  if (reason === TWP) {
    const [from, to] = OPENCC_JS.s2tw;
    assert.equal(OpenCC.Converter({ from, to })(c.input), c.expected.s2tw, `${c.id}: opencc-js s2tw itself passes`);
    // (the phrase layer may differ further: its own cases, s2twp/…, are checked there)
    const twp = S.converter('taiwan')(c.input);
    assert.equal(twp, OpenCC.Converter({ from: 'cn', to: 'twp' })(c.input), `${c.id}: we give s2twp`);
    if (c.expected.s2twp) assert.equal(twp, c.expected.s2twp, `${c.id}: and that is OpenCC's s2twp expectation`);
  } else if (reason === LAYER) {
    checkLayer(`${cfg}/${c.id}`, OFFERED[cfg], c.input, c.expected[cfg], got);
  } else if (reason === ZHE) {
    assert.equal(got, c.expected.tw2s, `${c.id}: we give OpenCC's tw2s expectation`);
  } else if (reason.startsWith(TS_EXT)) {
    const astral = (s) => [...s].filter((ch) => ch.codePointAt(0) > 0xffff).length;
    assert.ok(astral(c.expected[cfg]) > astral(got), `${c.id}: the difference is astral characters`);
  } else assert.fail(`unknown reason for ${c.id}`);
}

test('OpenCC testcases.json', { skip: !present && `no OpenCC test cases at ${DIR}` }, () => {
  const cases = loadCases();
  assert.ok(cases.length > 100, 'test cases parsed');
  const seenIds = new Set();
  const perConfig = {};
  const failures = [];
  for (const c of cases) {
    for (const [cfg, expected] of Object.entries(c.expected)) {
      if (!OFFERED[cfg]) {
        assert.ok(NOT_OFFERED[cfg], `configuration ${cfg} (case ${c.id}) is neither offered nor listed in NOT_OFFERED`);
        (perConfig[cfg] ??= { pass: 0, total: 0, excluded: 0 }).total++;
        continue;
      }
      const got = S.converter(OFFERED[cfg], P.builtinPhrases)(c.input);
      const p = (perConfig[cfg] ??= { pass: 0, total: 0, excluded: 0 });
      if (EXCLUDED[cfg]?.[c.id]) {
        seenIds.add(`${cfg}/${c.id}`);
        assert.notEqual(got, expected, `${cfg}/${c.id} is listed as excluded but passes now: remove it from EXCLUDED`);
        checkExclusion(cfg, c, got);
        p.excluded++;
        continue;
      }
      p.total++;
      if (got === expected) p.pass++;
      else failures.push(`${cfg}/${c.id}: ${JSON.stringify(c.input)}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(got)}`);
    }
  }
  for (const [cfg, ids] of Object.entries(EXCLUDED)) {
    for (const id of Object.keys(ids)) assert.ok(seenIds.has(`${cfg}/${id}`), `excluded case ${cfg}/${id} not found in the suite`);
  }
  for (const [cfg, p] of Object.entries(perConfig)) {
    if (OFFERED[cfg]) record(OFFERED[cfg], cfg, p.pass, p.total, p.excluded);
    else console.log(`conformance not offered: ${cfg} (${p.total} cases) — ${NOT_OFFERED[cfg]}`);
  }
  const byReason = new Map();
  for (const [cfg, ids] of Object.entries(EXCLUDED)) {
    for (const [id, why] of Object.entries(ids)) {
      const key = why.startsWith(TS_EXT) ? TS_EXT : why;
      byReason.set(key, [...(byReason.get(key) ?? []), `${cfg}/${id}`]);
    }
  }
  for (const [why, ids] of byReason) console.log(`conformance excluded (${ids.length}): ${ids.join(', ')} — ${why}`);
  if (failures.length) console.log(`conformance failures:\n${failures.join('\n')}`);
});

test('OpenCC golden files', { skip: !present && `no OpenCC golden files at ${DIR}` }, () => {
  const g = path.join(DIR, 'golden');
  const input = fs.readFileSync(path.join(g, 'us_constitution_zhs.txt'), 'utf8');
  const lines = input.split('\n');
  const twpGolden = fs.readFileSync(path.join(g, 'us_constitution_zhs.s2twp.txt'), 'utf8').split('\n');
  for (const [cfg, { variant, excluded }] of Object.entries(GOLDEN)) {
    const file = path.join(g, `us_constitution_zhs.${cfg}.txt`);
    if (!fs.existsSync(file)) continue;
    const expected = fs.readFileSync(file, 'utf8').split('\n');
    assert.equal(expected.length, lines.length, `${cfg}: same number of lines`);
    const conv = S.converter(variant, P.builtinPhrases);
    let pass = 0, total = 0, excl = 0;
    const failures = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const got = conv(line);
      if (excluded[i + 1]) {
        excl++;
        assert.notEqual(got, expected[i], `golden ${cfg} line ${i + 1} is listed as excluded but passes now`);
        if (excluded[i + 1] === TWP) assert.equal(S.converter(variant)(line), twpGolden[i], `golden ${cfg} line ${i + 1}: we give the s2twp golden line (and the phrase layer on it)`);
        if (excluded[i + 1] === LAYER) checkLayer(`golden ${cfg}/${i + 1}`, variant, line, expected[i], got);
        return;
      }
      total++;
      if (got === expected[i]) pass++;
      else failures.push(`golden ${cfg} line ${i + 1}:\n  expected ${expected[i]}\n  got      ${got}`);
    });
    record(variant, `golden ${cfg} (lines)`, pass, total, excl);
    if (failures.length) console.log(failures.join('\n'));
    const ex = Object.keys(excluded);
    if (ex.length) console.log(`conformance excluded (${ex.length}): golden ${cfg} lines ${ex.join(', ')} — ${[...new Set(Object.values(excluded))].join('; ')}`);
    if (Object.keys(excluded).length === 0) {
      const whole = conv(input) === expected.join('\n');
      console.log(`conformance golden ${cfg}: whole file ${whole ? 'identical' : 'differs'}`);
    }
  }
});

test('each offered variant passes ≥ 99 % of the cases it is held to', { skip: !present && 'no OpenCC test data' }, () => {
  for (const variant of ['traditional', 'taiwan', 'hongkong', 'simplified']) {
    const s = stats[variant];
    assert.ok(s, `${variant} was tested`);
    console.log(`conformance ${variant}: ${s.pass}/${s.total} passed (${s.parts.join('; ')})`);
    assert.ok(s.pass / s.total >= 0.99, `${variant}: ${s.pass}/${s.total} < 99 %`);
  }
});
