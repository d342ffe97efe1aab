import { detectEmergency } from '../../bot/safety/detector';
import { bundledContext, converse, servicesOf } from '../helpers/brain';

// Chinese is written without spaces: the detector reads each Han character as a word, so the
// signals of dialogs/lang/zh/urgences.yaml (« 老公打我 ») find the situation inside a sentence.
describe('a Chinese emergency gets its line first', () => {
  const { trees } = bundledContext();

  test.each([
    ['我老公在打我', '17'],
    ['我老公昨天晚上又喝醉了打我', '17'],
  ])('« %s » is urgent, line %s first', (text, line) => {
    const [turn] = converse([text]);
    expect(servicesOf(turn)[0]).toBe(line);
  });

  test.each(['我老公不打我', '我老公没有打我', '我老公不会打我', '老公现在不再打我了'])('« %s » (he does not hit me) is no alarm', (text) => {
    expect(detectEmergency(trees, text)).toBeUndefined();
  });

  test.each(['老公不开心就打我', '我老公不停打我', '老公没钱还打我', '我求他不要打我,老公打我'])(
    '« %s » is an emergency: the negation does not touch the signal',
    (text) => {
      expect(detectEmergency(trees, text)?.sure).toBe(true);
    },
  );

  test('an ordinary Chinese request is not an emergency', () => {
    expect(detectEmergency(trees, '我想换法国驾照')).toBeUndefined();
    expect(detectEmergency(trees, '我的居留卡什么时候续签')).toBeUndefined();
  });

  test('French words are read as before, not cut into letters', () => {
    expect(detectEmergency(trees, "mon mari m'a frappée ce soir")?.sure).toBe(true);
    expect(detectEmergency(trees, 'je voudrais frapper à la porte de la mairie')).toBeUndefined();
  });
});
