import { specificHeadings } from '../../scripts/travail-emploi/headings';
import { holidayNames } from '../../scripts/travail-emploi/holidays';
import { acronymGlossary, keyTermsOf, titleVariants, type FicheText } from '../../scripts/travail-emploi/vocabulary';

// What `npm run import:travail-emploi` finds a Ministry of Labour fiche by, beyond its title:
// people type « vae », « dpae », « travail dissimulé », the fiche's own terms.

const fiche = (title: string, html: string): FicheText => ({ title, sections: [{ title: 'Qui contacter ?', html }] });
/** Fiches that only make a term common: it then names none of them. */
const others = (html: string, count: number) => Array.from({ length: count }, (_, i) => fiche(`Autre fiche ${i}`, html));

test("a title's acronym and its head before the colon are the fiche's keywords, not its tail", () => {
  expect(titleVariants("La validation des acquis de l'expérience (VAE)")).toEqual(["La validation des acquis de l'expérience", 'VAE']);
  const variants = titleVariants('Le travail à temps partiel : définition et mise en place');
  expect(variants).toContain('Le travail à temps partiel');
  expect(variants).not.toContain('définition et mise en place');
});

test('an acronym a fiche defines is read back letter by letter, its small words skipped', () => {
  const glossary = acronymGlossary([fiche('Embauche', "<p>Faites la déclaration préalable à l'embauche (DPAE) avant l'embauche.</p>")]);
  expect(glossary.get('declaration prealable a l embauche')).toBe('DPAE');
});

test('the fiche that spells out an acronym in its headings is found by the acronym, the others are not', () => {
  const hiring = fiche("Les obligations de l'employeur lors de l'embauche", '<p>Rien de plus.</p>');
  hiring.sections.push({ title: "La déclaration préalable à l'embauche" });
  const mention = fiche('Le contrat vendanges', "<p>La déclaration préalable à l'embauche (DPAE) est due.</p>");
  const terms = keyTermsOf([hiring, mention]);
  expect(terms(hiring)).toContain('DPAE');
  expect(terms(mention)).not.toContain('DPAE');
});

test('bold, listed and tabled terms count, each item of an enumeration on its own', () => {
  const leave = fiche(
    'Les congés pour événements familiaux',
    "<p><strong>Naissance, conclusion d'un PACS, décès d'un proche</strong></p><ul><li>Le lundi de Pentecôte ;</li></ul><table><tr><td>Mariage d'un enfant</td></tr></table>",
  );
  expect(keyTermsOf([leave])(leave)).toEqual(
    expect.arrayContaining(["conclusion d'un PACS", "décès d'un proche", 'Le lundi de Pentecôte', "Mariage d'un enfant"]),
  );
});

test('a list item is read after its lead-in (« Pour », « En cas de »), never inside a word (« Partage »)', () => {
  const f = fiche('Le chômage', '<ul><li>Pour le décès d’un enfant</li><li>Partage de la valeur</li></ul>');
  expect(keyTermsOf([f])(f)).toEqual(expect.arrayContaining(['le décès d’un enfant', 'Partage de la valeur']));
});

test('a single everyday word, an amount, a duration or a phrase cut mid-way is no key term', () => {
  const f = fiche(
    'Le salaire',
    '<p><strong>banque</strong> <strong>Les constats</strong> <strong>73 euros</strong> <strong>trois mois</strong> <strong>le père salarié ainsi que</strong> <strong>À savoir</strong></p>',
  );
  expect(keyTermsOf([f])(f)).toEqual([]);
});

test('a term that many fiches use names none of them', () => {
  const own = fiche('La période d’essai', "<p><strong>période d'essai</strong> <strong>délai de prévenance</strong></p>");
  const terms = keyTermsOf([own, ...others("<p>Une période d'essai.</p>", 8)])(own);
  expect(terms).toContain('délai de prévenance');
  expect(terms).not.toContain("période d'essai");
});

test('public holidays are named as people ask about them: by name, and by day when the day is fixed', () => {
  const names = holidayNames();
  expect(names).toEqual(expect.arrayContaining(['8 mai', '11 novembre', '1er mai', 'Ascension', 'Noël']));
  expect(names.filter((n) => /pâques/i.test(n))).toEqual(['Lundi de Pâques']);
});

test('a phrase the fiche repeats without setting it apart is a key term, one said once is not', () => {
  const furlough = fiche(
    "L'activité partielle",
    '<p>Le chômage partiel protège. Pendant le chômage partiel, le salarié est payé. Le chômage partiel est demandé, puis le chômage partiel cesse. Un congé imprévu suit.</p>',
  );
  const terms = keyTermsOf([furlough])(furlough);
  expect(terms).toContain('chômage partiel');
  expect(terms).not.toContain('congé imprévu');
});

test('a repeated phrase that only ever stands inside a longer one is not a term of its own', () => {
  const leave = fiche('Accompagner un proche', '<p>Le congé de solidarité familiale est pris.</p>'.repeat(4));
  const terms = keyTermsOf([leave])(leave);
  expect(terms).toContain('congé de solidarité familiale');
  expect(terms).not.toContain('solidarité familiale');
});

test("a fiche's headings are its phrases only when they name something of its own, not the page's furniture", () => {
  const withHeadings = (title: string, headings: string[]): FicheText => ({ title, sections: headings.map((h) => ({ title: h })) });
  const heat = withHeadings('Chaleur et canicule au travail', [
    'Documents',
    'Quels sont les risques ?',
    'À savoir',
    'Pour aller plus loin',
    "Le coup de chaleur, qu'est-ce que c'est ?",
    'Salariés détachés : vos droits',
  ]);
  const series = Array.from({ length: 3 }, (_, i) => withHeadings(`Détachement ${i}`, ['Salariés détachés : vos droits']));
  expect(specificHeadings([heat, ...series])(heat)).toEqual(["Le coup de chaleur, qu'est-ce que c'est ?"]);
});
