import { detectEmergency } from '../../bot/safety/detector';
import { bundledContext, converse, servicesOf } from '../helpers/brain';

// English signal groups are English-only (en_*): their words (« abus* », « violent ») do not
// join the French groups of the same meaning, where they would make French false alarms.
describe('English emergency words stay in English signals', () => {
  const { trees } = bundledContext();

  test('a French complaint about a bank « abus » with « mon mari » is not an emergency', () => {
    expect(detectEmergency(trees, 'Mon mari et moi contestons un abus de la banque sur notre compte')).toBeUndefined();
  });

  test('an English speaker beaten by her husband still gets 17 first', () => {
    const [turn] = converse(['My husband beats me']);
    expect(servicesOf(turn)[0]).toBe('17');
  });
});
