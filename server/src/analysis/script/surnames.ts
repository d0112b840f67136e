// Surnames that OpenCC maps one to many: what conversion shields in people's names.

/**
 * Simplified single-character surnames that OpenCC s2t (and s2tw / s2twp / s2hk) turns into a
 * different character, although the surname keeps the same glyph in traditional writing. Either
 * STCharacters maps the character itself (范→範, 余→餘, 于→於, 干→幹, 后→後, 郁→鬱, 党→黨,
 * 涂→塗, 游→遊, 种→種, 朴→樸, 占→佔, 咸→鹹, 采→採), or STPhrases has phrases starting with it
 * that a given name can spell by accident (向明→嚮明, 谷雨→穀雨, 姜丝→薑絲, 沈阳→瀋陽,
 * 曲生→麴生, 松一→鬆一, 蒙头→矇頭, 胡子→鬍子, 周一→週一, 折合→摺合).
 * Not listed: surnames whose converted form is the right traditional surname (叶→葉, 萧→蕭,
 * 钟→鍾, 闫→閆 …), and ones whose traditional form is disputed (云/雲, 台/臺, 宁/甯, 凌/淩).
 * Shield these (with the given name) when converting a name to traditional.
 */
export const ONE_TO_MANY_SURNAMES: ReadonlySet<string> = new Set([
  '范', '余', '于', '干', '后', '郁', '党', '涂', '游', '种', '朴', '占', '咸', '采',
  '向', '谷', '姜', '沈', '曲', '松', '蒙', '胡', '周', '折',
]);
