import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { choicesOf, converse, servicesOf, textOf } from '../helpers/brain';

describe('a message that tells two needs', () => {
  test('the first told is answered, the second is said to come next and is offered after the answer', () => {
    const [first, second, third] = converse(['jai perdu mon permis et aussi ma carte vitale', 'En France', '1']);
    expect(first.trace.intent).toBe('permis_conduire');
    expect(first.trace.also).toBe('carte_vitale');
    expect(textOf(first)).toMatch(/Commençons par : Permis de conduire\. Vous avez aussi parlé de : Carte Vitale/);
    expect(servicesOf(second)).toEqual(['ants', 'msap']);
    expect(choicesOf(second)).toEqual(['Oui', 'Non merci']);
    expect(third.trace.intent).toBe('carte_vitale');
  });

  test('by SMS the whole turn keeps the offer as a numbered list; the web chat gets it as two choices', () => {
    const [, answered] = converse(['jai perdu mon permis et aussi ma carte vitale', 'En France']);
    const sms = render(answered.replies, CAPABILITIES.sms)
      .map((m) => m.text)
      .join('\n');
    expect(sms).toMatch(/Vous avez aussi parlé de : Carte Vitale/);
    expect(sms).toMatch(/1 - Oui\n2 - Non merci\nRépondez par le numéro\./);
    expect(answered.replies[answered.replies.length - 1].choices?.map((c) => c.value)).toEqual(['Oui', 'Non merci']);
  });

  test('a background clause is not a second need: the RSA one receives is why the CAF claims money back', () => {
    const [first] = converse(['je touche le rsa et la caf me demande de rembourser']);
    expect(first.trace.intent).toBe('trop_percu_caf');
    expect(first.trace.also).toBeUndefined();
  });

  test('a question about the story told is no need before it: the need the whole message is about comes first', () => {
    const [first] = converse(['mon proprietaire refuse de faire les travaux, dois-je arrêter de payer mon loyer ?']);
    expect(first.trace.intent).toBe('litige_locataire_proprietaire');
  });

  test('a clause the whole message does not rank is a detail of the story, not a second need', () => {
    const [first] = converse([
      "Je suis en contrat de professionnalisation, je n'ai aucun bulletin de paie et je n'ai été payée que la moitié du mois d'octobre",
    ]);
    expect(first.trace.intent).toBe('salaire_conditions_travail');
    expect(first.trace.also).toBeUndefined();
  });

  test('a long story is not cut into needs', () => {
    const story =
      "Je suis en pleine procédure de divorce, mon avocat coûte cher, et en plus je vais bientôt perdre mon travail, je ne sais pas comment je vais m'en sortir avec les enfants";
    expect(converse([story])[0].trace.also).toBeUndefined();
  });
});
