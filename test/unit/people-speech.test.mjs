// Quoted speakers (people/speech.ts): curly and ASCII straight quotes, a speaker noun before the
// name and an adverb before the speech verb; quoted honours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show } from '../support/people.mjs';

test('a speaker right after a closing quote, curly or straight', () => {
  assert.deepEqual(show('“今年收成好。”罗冬梅说。'), ['罗冬梅']);
  assert.deepEqual(show('"今年收成好。"罗冬梅说。'), ['罗冬梅']);
  assert.deepEqual(show('"今年收成好，"罗冬梅笑着说，"明年会更好。"'), ['罗冬梅']);
});

test('a speaker noun before the name, an adverb before the verb', () => {
  assert.deepEqual(show('“这份工作让我找到了方向。”退役军人范一航激动地说。'), ['范一航(退役军人)']);
  assert.deepEqual(show('"苹果又丰收了。"果农罗冬梅激动地说。'), ['罗冬梅(果农)']);
  assert.deepEqual(show('“空气好、果子新鲜。”从县城赶来的游客苑春雨表示。'), ['苑春雨(游客)']);
});

test('no speaker where the quote is followed by other words', () => {
  for (const t of ['“放管服”改革说到底是为了群众。', '"马上就办"要求落实到位。', '“孩子们都很懂事。”张爷爷说。', '“好。”大家齐声说。'])
    assert.deepEqual(show(t), [], t);
});

test('the holders of a quoted honour', () => {
  assert.deepEqual(show('给“时代楷模”张大山王秋实回信。'), ['张大山(时代楷模)', '王秋实(时代楷模)']);
  // a quoted title before one name
  assert.deepEqual(show('“最美乡村教师”涂春燕已在山区坚守20年。'), ['涂春燕(最美乡村教师)']);
});
