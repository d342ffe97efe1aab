import { bundledContext, choicesOf, converse, servicesOf, textOf } from '../helpers/brain';

describe('a person is led through follow-up questions', () => {
  test('the bot asks only the question that changes the office, then names it', () => {
    const [first, second] = converse(["j'ai perdu ma carte d'identité", 'En France']);
    expect(textOf(first)).toMatch(/en France ou à l'étranger/);
    expect(choicesOf(first)).toEqual(['En France', "À l'étranger"]);
    expect(servicesOf(second)).toEqual(['mairie_passeport_bio']);
    expect(second.replies[0].orientation?.bring.length).toBeGreaterThan(0);
    expect(second.replies[0].orientation?.sources[0].fiche).toBe('F1344');
  });

  test.each([
    ['2', 'by number'],
    ['la deuxième', 'by ordinal'],
    ['a l etrenger', 'by label with a typo and no accent'],
    ['expatrié', 'by synonym'],
  ])('an answer given %s ("%s") is understood', (answer) => {
    const turns = converse(['passeport perdu', answer]);
    expect(servicesOf(turns[1])).toEqual(['ambassade_france_etranger']);
  });

  test('being on holiday abroad does not answer « Vous habitez en France ou à l’étranger ? »: the question stays', () => {
    const [, second] = converse(["j'ai perdu mon passeport", 'je suis en vacances en espagne']);
    expect(second.state.at).toEqual({ intent: 'passeport', node: 'lieu' });
    expect(textOf(second)).not.toMatch(/Quand on vit à l'étranger/);
  });

  test('oui / non answer a yes-no question', () => {
    expect(servicesOf(converse(['aide au logement', 'non'])[1])).toEqual(['caf']);
    expect(servicesOf(converse(['aide au logement', 'oui'])[1])).toEqual(['msa']);
  });

  test('an answer that fits no choice gets the question again, not a guess', () => {
    const [, second] = converse(['passeport', 'peut-être']);
    expect(textOf(second)).toMatch(/pas compris votre réponse/);
    expect(choicesOf(second)).toEqual(['En France', "À l'étranger"]);
    expect(second.state.at).toEqual({ intent: 'passeport', node: 'lieu' });
  });

  test('a question already answered earlier in the conversation is not asked again', () => {
    const turns = converse(['passeport perdu', "À l'étranger", "et ma carte d'identité aussi"]);
    expect(servicesOf(turns[2])).toEqual(['ambassade_france_etranger']);
  });

  test('a clear new problem in the middle of a question switches topic', () => {
    const [, second] = converse(['passeport', 'je suis au chômage depuis hier']);
    expect(servicesOf(second)).toEqual(['pole_emploi']);
    expect(second.state.at).toBeUndefined();
  });

  test('RETOUR goes back to the previous question', () => {
    const [, , third] = converse(['aide au logement', 'oui', 'retour']);
    expect(textOf(third)).toMatch(/agriculture/);
    expect(third.state.at?.node).toBe('regime');
  });
});

describe('when the bot does not understand, it climbs a ladder', () => {
  test('rephrase, then a menu of themes, then human help', () => {
    const [first, second, third] = converse(['blablabla', 'truc machin', 'zzz']);
    expect(textOf(first)).toMatch(/autrement/);
    expect(first.trace.fallback).toBe(1);
    expect(textOf(second)).toMatch(/thème/);
    expect(choicesOf(second)).toContain('Papiers, permis et état civil');
    expect(textOf(third)).toMatch(/France Services/);
    expect(textOf(third)).toMatch(/39 39/);
  });

  test('a theme picked from the menu lists its needs, and a need leads to its service', () => {
    const turns = converse(['blabla', 'bidule', 'Emploi et chômage', '1']);
    expect(choicesOf(turns[2])).toContain("Perte d'emploi, s'inscrire à France Travail");
    expect(servicesOf(turns[3])).toEqual(['pole_emploi']);
  });

  test('"ce n\'est pas ça" is heard, and the person may rephrase', () => {
    const [, second] = converse(['passeport', "ce n'est pas ça"]);
    expect(second.trace.disagreed).toBe(true);
    expect(second.state.at).toBeUndefined();
  });
});

describe('emergencies come first', () => {
  test('violence at home gets 17 first and 3919 to talk, at once, flagged urgent, with no question', () => {
    const [turn] = converse(['mon mari me frappe']);
    expect(turn.replies[0].urgent).toBe(true);
    expect(servicesOf(turn)).toEqual(['17', '112', '3919']);
    expect(textOf(turn)).toMatch(/3919/);
  });

  test('an emergency in the middle of a question is answered before anything else', () => {
    const [, second] = converse(['passeport', 'je veux en finir avec la vie']);
    expect(second.replies[0].urgent).toBe(true);
    expect(servicesOf(second)).toEqual(['3114', '15']);
  });
});

describe('global commands work at any time', () => {
  test('AIDE explains, RECOMMENCER forgets the position, STOP forgets everything', () => {
    const [, help, restart] = converse(['passeport', 'aide', 'recommencer']);
    expect(textOf(help)).toMatch(/RECOMMENCER/);
    expect(help.state.at?.node).toBe('lieu');
    expect(restart.state.at).toBeUndefined();
    const [, stop] = converse(['passeport', 'STOP']);
    expect(stop.forget).toBe(true);
    expect(textOf(stop)).toMatch(/effacée/);
  });

  test('empty, huge and strange messages get a clear answer', () => {
    expect(textOf(converse(['   '])[0])).toMatch(/pas reçu de texte/);
    expect(textOf(converse(['a'.repeat(5000)])[0])).toMatch(/résumer/);
    expect(converse(['🙂🙂🙂 ¿¿ \u0000 \u202e'])[0].replies.length).toBeGreaterThan(0);
  });

  test('the length limit is the one the operator set (MAX_MESSAGE_CHARS), even above 1,000', () => {
    const longNeed = `j'ai perdu mon passeport ${'et je ne sais pas quoi faire '.repeat(50)}`;
    expect(longNeed.length).toBeGreaterThan(1000);
    const [answer] = converse([longNeed], { ...bundledContext(), maxMessageChars: 2000 });
    expect(textOf(answer)).not.toMatch(/résumer/);
    expect(textOf(converse([longNeed], { ...bundledContext(), maxMessageChars: 500 })[0])).toMatch(/moins de 500 caractères/);
  });
});
