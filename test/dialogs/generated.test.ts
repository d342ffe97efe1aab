// The needs imported from service-public.fr and the Ministry of Labour's fiches stay honest:
// each one cites its fiche with a date and names today's offices.
import { realContext } from './helpers';

const ctx = realContext();
const generated = ctx.trees.intents.filter((i) => i.generated);
const outcomes = generated.flatMap((i) => Object.values(i.outcomes));
const RETIRED_IDS = ['direccte_ut', 'direccte_ud_travail', 'direccte_ut_travail', 'tgi', 'ti'];

test('the import brings the long tail: well over a thousand needs', () => {
  expect(generated.length).toBeGreaterThan(1000);
});

/** A service-public.fr fiche (npm run import:service-public) or a Ministry of Labour one (npm run import:travail-emploi). */
const citesItsFiche = (o: (typeof outcomes)[number]) =>
  (/^F\d+$/.test(o.source.fiche ?? '') && o.source.url?.startsWith('https://www.service-public.fr/')) ||
  o.source.url?.startsWith('https://travail-emploi.gouv.fr/');

test('every imported answer cites its official fiche and date', () => {
  const unsourced = outcomes.filter((o) => !citesItsFiche(o) || !o.source.date);
  expect(unsourced).toEqual([]);
});

test("imported answers use the ids of today's offices (DDETS, tribunal judiciaire)", () => {
  const retired = outcomes.filter((o) => o.services.some((s) => RETIRED_IDS.includes(s)));
  expect(retired).toEqual([]);
});
