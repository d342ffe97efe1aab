import { choiceForCommune, polarityOf, recognizeChoice, type Choosable } from '../../bot/engine/answer';
import { MESSAGES } from '../../bot/messages';
import { hasInsult, smallTalkOf } from '../../bot/engine/small-talk';
import { distinctNeeds } from '../../bot/engine/understand';
import { foldText } from '../../knowledge/text';
import { bundledContext } from '../helpers/brain';

const choice = (label: string, synonyms: string[] = []): Choosable => ({ label, synonyms });
const farming = [choice('Non', ['pas agricole']), choice("Oui, dans l'agriculture", ['agriculteur', 'msa'])];
const paris = [choice('Non, ailleurs en France', ['ailleurs', 'pas à paris']), choice('Oui, à Paris', ['paris'])];
const abroad = [choice('En France', ['france']), choice("À l'étranger", ['étranger'])];

describe('yes and no as people say them', () => {
  test.each(['oui oui', 'ben oui', 'ouais', 'absolument', 'bien sûr', 'oui c est ce que je vous ai dit', 'euh oui', 'si'])('"%s" is yes', (text) => {
    expect(polarityOf(text)?.polarity).toBe('oui');
    expect(recognizeChoice(text, farming)).toBe(1);
  });

  test.each(['non', 'nan', 'pas du tout', 'absolument pas', 'non pas agriculteur', 'non merci', 'ben non'])('"%s" is no', (text) => {
    expect(polarityOf(text)?.polarity).toBe('non');
    expect(recognizeChoice(text, farming)).toBe(0);
  });

  test('a negated mention of the yes choice is the no choice, a plain one is yes', () => {
    expect(recognizeChoice('je ne suis pas agriculteur', farming)).toBe(0);
    expect(recognizeChoice("j'ai jamais travaillé dans l'agriculture", farming)).toBe(0);
    expect(recognizeChoice("j'ai travaillé dans l'agriculture toute ma vie", farming)).toBe(1);
  });

  test('"pas à Paris" says no although it names Paris', () => {
    expect(recognizeChoice('pas à paris', paris)).toBe(0);
  });

  test('a yes or no before the words of a choice that is neither: the words count', () => {
    expect(recognizeChoice("non, à l'étranger", abroad)).toBe(1);
    expect(recognizeChoice('oui', abroad)).toBeUndefined();
  });

  test('a misspelled label is still its choice', () => {
    expect(recognizeChoice('en frence', abroad)).toBe(0);
  });
});

describe("another language's yes or no that is also a French word", () => {
  beforeAll(() => bundledContext()); // loads every language's yes and no

  test('« la MSA » names the farming choice: « la » is no only as a whole answer (Arabic in Latin letters)', () => {
    expect(recognizeChoice('la MSA', farming)).toBe(1);
    expect(polarityOf('la validation du visa')).toBeUndefined();
    expect(polarityOf('la')?.polarity).toBe('non');
    expect(recognizeChoice('la', farming)).toBe(0);
  });
});

describe('a commune answers a question about where one lives', () => {
  test.each([
    ['Lyon', paris, 0],
    ['Paris', paris, 1],
    ['Paris 11e Arrondissement', paris, 1],
    ['Lille', abroad, 0],
  ])('%s', (commune, choices, expected) => {
    expect(choiceForCommune(commune, choices)).toBe(expected);
  });

  test('not a question that names no place', () => {
    expect(choiceForCommune('Lyon', farming)).toBeUndefined();
  });
});

describe('small talk is told apart from needs and answers', () => {
  test.each([
    ['bonjour', 'greeting'],
    ['Bonjour madame', 'greeting'],
    ['merci beaucoup', 'thanks'],
    ['ok merci au revoir', 'thanks'],
    ['je comprends pas', 'confused'],
    ["j'ai pas bien compris", 'confused'],
    ['Autre chose', 'somethingElse'],
    ['je sais pas', 'dontKnow'],
    ['aucune idée', 'dontKnow'],
    ['je préfère pas dire', 'ratherNotSay'],
    ['je ne veux pas le dire', 'ratherNotSay'],
  ])('"%s" is %s', (text, kind) => {
    expect(smallTalkOf(foldText(text))).toBe(kind);
  });

  test.each(["j'ai perdu mon passeport", 'merci de me dire où faire ma carte grise', 'Lille'])('"%s" is no small talk', (text) => {
    expect(smallTalkOf(foldText(text))).toBeUndefined();
  });
});

describe('choices between needs offer no look-alikes', () => {
  const { trees } = bundledContext();
  const titled = (title: string, generated: boolean) => trees.intents.find((i) => i.title === title && !!i.generated === generated)!;

  test.each([
    ['Passeport', 'Passeport (demande, perte, renouvellement)'],
    ["Carte d'identité", "Carte d'identité (demande, perte, vol, renouvellement)"],
  ])('the generated "%s" gives way to the curated "%s"', (generated, curated) => {
    const candidates = [{ intent: titled(generated, true) }, { intent: titled(curated, false) }];
    expect(distinctNeeds(candidates).map((c) => c.intent.title)).toEqual([curated]);
  });
});

describe('the numbers the bot gives when it does not understand are those of the catalog', () => {
  const { knowledge } = bundledContext();
  test.each([
    ['17', 'emergencyLine'],
    ['112', 'emergencyLine'],
    ['114', 'emergencyLine'],
    ['3939', 'humanHelp'],
    ['3939', 'insult'],
  ] as const)('%s in %s', (service, message) => {
    expect(MESSAGES[message]).toContain(knowledge.service(service)!.nationalPhone!);
  });
});

describe('an insult is told apart from a person who runs themselves down', () => {
  test.each(["t'es nul", 'ce robot est vraiment inutile', 'connard', 'putain ça marche pas'])('"%s" insults', (text) => {
    expect(hasInsult(foldText(text))).toBe(true);
  });
  test.each(['je suis nul en informatique', 'mon dossier est inutile', 'je me sens bête'])('"%s" does not', (text) => {
    expect(hasInsult(foldText(text))).toBe(false);
  });
});
