import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { orientationText } from '../../bot/engine/render';
import { createKnowledge } from '../../knowledge';
import type { Intent, TreeOutcome } from '../../bot/trees/types';

// No local office known for the commune: on a basic phone a link cannot be followed, so
// the SMS gives the national number; the web card keeps the lookup link.

const knowledge = createKnowledge({ annuaireIndex: null, territoriesDir: null });
const roubaix = knowledge.findCommuneInText("j'habite à Roubaix")!;
const need = { id: 'carte_vitale', title: 'Carte Vitale (perte, vol)' } as Intent;
const outcome = {
  services: ['cpam'],
  why: "La perte de la carte Vitale se déclare à l'Assurance maladie.",
  bring: ["une photo d'identité"],
  source: { fiche: 'F265', title: 'Service-Public.fr', date: '2020-10-14' },
  urgent: false,
  askCommune: false,
} as unknown as TreeOutcome;
const orientation = knowledge.orientation(need, outcome, { commune: roubaix, now: new Date('2026-11-30T10:00:00+01:00') });
const reply = { text: orientationText(orientation), orientation };

test('the SMS gives the national number and no link to follow', () => {
  const text = render([reply], CAPABILITIES.sms)
    .map((message) => message.text)
    .join('\n');
  expect(text).toContain("Nous n'avons pas l'adresse locale. Numéro national : 36 46");
  expect(text).not.toMatch(/https?:|Annuaire de l'administration\.\n/);
});

test('the web card keeps the lookup link of the annuaire for the commune', () => {
  expect(orientation.services[0].lookup?.url).toBe('https://lannuaire.service-public.gouv.fr/recherche?whoWhat=CPAM&where=59100');
  const text = render([reply], CAPABILITIES.messenger)
    .map((message) => message.text)
    .join('\n');
  expect(text).toContain('https://lannuaire.service-public.gouv.fr/recherche?whoWhat=CPAM&where=59100');
  expect(text).toContain('Tél. national : 36 46');
});
