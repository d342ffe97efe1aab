import { detectEmergency } from '../../bot/safety/detector';
import { foldText } from '../../knowledge/text';
import { bundledContext, converse, textOf } from '../helpers/brain';

// Arabic is typed with or without hamza seats, tāʾ marbūṭa as hāʾ, alif maqṣūra as yāʾ, on an
// Arabic or a Persian keyboard, stretched with tatweel: every spelling reads as one.
describe('Arabic-script spellings read as one', () => {
  test.each([
    ['أريد', 'اريد'],
    ['إقامة', 'اقامه'],
    ['مستشفى', 'مستشفي'],
    ['کار', 'كار'],
    ['فارسی', 'فارسي'],
    ['مـــرحبا', 'مرحبا'],
    ['بِطَاقَةُ', 'بطاقه'],
  ])('« %s » folds to « %s »', (typed, folded) => {
    expect(foldText(typed)).toBe(folded);
  });

  test('a residence-permit request gets the same answer with ة or ه, أ or ا', () => {
    const careful = textOf(converse(['أريد تجديد بطاقة الإقامة'])[0]);
    const quick = textOf(converse(['اريد تجديد بطاقه الاقامه'])[0]);
    // the residence permit's first question: Paris has its own préfecture de police
    expect(careful).toContain('باريس');
    expect(quick).toBe(careful);
  });

  test('an Arabic emergency is caught whichever way its letters are typed', () => {
    const { trees } = bundledContext();
    const careful = detectEmergency(trees, 'زوجي يضربني');
    expect(careful?.intent.id).toBeDefined();
    expect(detectEmergency(trees, 'زوجـــی یضربنی')?.intent.id).toBe(careful?.intent.id);
  });
});
