import { orient } from '../../bot/engine/orient';
import { bundledContext } from '../helpers/brain';

// docs/names.md: an office or a benefit named under its old, new or local name reaches the
// needs it handles today.
const ctx = bundledContext();
const first = (text: string) => orient(text, ctx).needs[0];
const firstServices = (text: string) => first(text)?.services.map((s) => s.id) ?? [];

describe('old and new names of offices and benefits', () => {
  test.each([
    ["mon dossier à la maison départementale de l'autonomie n'avance pas", 'maison_handicapees'],
    ['la MDA a refusé ma demande de carte', 'maison_handicapees'],
    ['je suis inscrit aux Assedic', 'pole_emploi'],
    ["les assedic ne m'ont pas payé ce mois ci", 'pole_emploi'],
    ['je touchais le RMI', 'caf'],
    ['je veux la CMU-C', 'cpam'],
    ["le tribunal d'instance m'a convoqué pour la tutelle de ma mère", 'tribunal_judiciaire'],
    ['ma demande de retraite à la CRAM', 'carsat'],
    ["l'ACCRE", 'urssaf'],
    ['je suis chômeuse depuis trois mois', 'pole_emploi'],
    ["l'ANTAI m'a envoyé un courrier pour une voiture que j'ai vendue", 'antai'],
    ["l'UDAF gère mal les comptes de mon père", 'tribunal_judiciaire'],
  ])('« %s » leads to %s', (text, service) => {
    expect(firstServices(text)).toContain(service);
  });
});

describe('« compte » is a bank account unless the person works « à son compte »', () => {
  test('setting up on one’s own is still a business', () => {
    expect(first('je veux me mettre à mon compte')?.id).toBe('micro_entreprise');
  });

  test('a parent who mishandles her bank account needs a tutelle, not a business', () => {
    const text = 'Il est temps de la mettre sous tutelle, elle fait des bêtises avec son compte en banque';
    expect(first(text)?.id).not.toBe('micro_entreprise');
    expect(firstServices(text)).toContain('tribunal_judiciaire');
  });

  test('the « solde de tout compte » is still the last pay, a bank closing an account is not labour law', () => {
    expect(firstServices("je n'ai pas reçu mon solde de tout compte")).toContain('prudhommes');
    expect(firstServices('ma banque a décidé de clôturer mon compte sans préavis')).not.toContain('prudhommes');
  });
});
