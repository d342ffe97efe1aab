import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareIntent } from '../../bot/trees/intents';
import type { TreeOutcome } from '../../bot/trees/types';
import { createKnowledge } from '../../knowledge';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import type { Commune, Knowledge } from '../../knowledge/types';
import { ROUBAIX_CPAM, bulkRecord, fixtureDir, writeBulkFile } from './annuaire-fixtures';

const position = { file: 'dialogs/sante.yaml', line: 1, column: 1 };

function outcome(services: string[], overrides: Partial<TreeOutcome> = {}): TreeOutcome {
  return {
    id: 'done',
    services,
    why: 'La CPAM refait la carte Vitale.',
    bring: ["Une pièce d'identité"],
    online: { label: 'Compte ameli', url: 'https://www.ameli.fr' },
    source: { fiche: 'F10009', title: 'Service-Public.fr', date: '2025-01-01' },
    urgent: false,
    askCommune: false,
    pos: position,
    ...overrides,
  };
}

const intent = bareIntent({ id: 'carte_vitale_perdue', title: 'Carte Vitale perdue', theme: 'sante', start: 'done', generated: false, pos: position });

// Tuesday 13 January 2026, 10 h in Paris
const NOW = new Date('2026-01-13T09:00:00Z');

let dir: string;
let withAnnuaire: Knowledge;
const withoutAnnuaire = createKnowledge({ annuaireIndex: null });

function commune(knowledge: Knowledge, typed: string): Commune {
  const result = knowledge.resolveCommune(typed);
  if (result.status !== 'found') throw new Error(`no single commune for ${typed}`);
  return result.commune;
}

beforeAll(async () => {
  dir = fixtureDir();
  const records = [
    bulkRecord(ROUBAIX_CPAM),
    bulkRecord({ id: 'ppp-1', nom: "Préfecture de police - Accueil d'exemple", type: 'paris_ppp', commune: '75056', covers: ['75056'] }),
    bulkRecord({ id: 'caf-1', nom: 'Caf - Accueil sans horaires', type: 'caf', commune: '59512', hours: [] }),
  ];
  const { index } = await buildAnnuaireIndex(writeBulkFile(dir, records), bundledCatalog().canonicalId);
  const path = join(dir, 'annuaire-index.json');
  writeAnnuaireIndex(path, index);
  withAnnuaire = createKnowledge({ annuaireIndex: path, log: () => undefined });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the orientation card', () => {
  it("with the annuaire imported, a Roubaix resident who lost their carte Vitale gets the fixture's CPAM, open now", () => {
    const roubaix = commune(withAnnuaire, "j'habite à Roubaix");
    const card = withAnnuaire.orientation(intent, outcome(['cpam']), { commune: roubaix, now: NOW });

    expect(card).toMatchObject({ needId: 'carte_vitale_perdue', title: 'Carte Vitale perdue', commune: { code: '59512', name: 'Roubaix' } });
    const [cpam] = card.services;
    expect(cpam).toMatchObject({ id: 'cpam', name: "Caisse primaire d'assurance maladie (CPAM)", nationalPhone: '36 46' });
    expect(cpam.missingData).toBeUndefined();
    expect(cpam.offices).toHaveLength(1);
    expect(cpam.offices![0]).toEqual({
      id: ROUBAIX_CPAM.id,
      name: ROUBAIX_CPAM.nom,
      address: ['Bâtiment B', "1 place de l'Exemple"],
      postalCode: '99000',
      city: 'Exempleville',
      phone: '36 46',
      email: 'accueil@exemple.invalid',
      website: 'https://exemple.invalid/accueil',
      openNow: "Ouvert maintenant, jusqu'à 12 h",
      hours: ['Lundi au jeudi : 8 h 30 - 12 h, 13 h 30 - 16 h', 'Vendredi : 8 h 30 - 12 h'],
      hoursComment: ["Sur rendez-vous l'après-midi."],
      mapUrl: 'https://www.openstreetmap.org/?mlat=50.6&mlon=3.1#map=18/50.6/3.1',
      source: {
        title: "Annuaire de l'administration (DILA)",
        url: `https://lannuaire.service-public.gouv.fr/exemple/${ROUBAIX_CPAM.id}`,
        date: '2025-03-12',
      },
    });
    expect(card.bring).toEqual(["Une pièce d'identité"]);
    expect(card.online).toEqual({ label: 'Compte ameli', url: 'https://www.ameli.fr' });
    // the annuaire is named once, on the office it vouches for; the project's own reference
    // file behind the catalog is internal and never shown
    expect(card.sources).toEqual([{ fiche: 'F10009', title: 'Service-Public.fr', date: '2025-01-01' }]);
  });

  it('computes the hours for the clock it is given', () => {
    const roubaix = commune(withAnnuaire, 'Roubaix');
    const saturday = new Date('2026-01-17T10:00:00Z');
    const card = withAnnuaire.orientation(intent, outcome(['cpam']), { commune: roubaix, now: saturday });
    expect(card.services[0].offices![0].openNow).toBe('Fermé, ouvre lundi à 8 h 30');
  });

  it('without the import, gives the national contact and the official lookup link, and no address', () => {
    const roubaix = commune(withoutAnnuaire, 'Roubaix');
    const card = withoutAnnuaire.orientation(intent, outcome(['cpam']), { commune: roubaix, now: NOW });
    const [cpam] = card.services;

    expect(cpam.offices).toBeUndefined();
    expect(cpam.nationalPhone).toBe('36 46');
    expect(cpam.missingData).toBe("Nous n'avons pas l'adresse de ce service pour Roubaix. Vous pouvez la trouver sur l'Annuaire de l'administration.");
    expect(cpam.lookup).toEqual({
      label: "Chercher « CPAM » près de Roubaix sur l'Annuaire de l'administration",
      url: 'https://lannuaire.service-public.gouv.fr/recherche?whoWhat=CPAM&where=59100',
    });
    expect(JSON.stringify(card)).not.toContain('Exempleville');
  });

  it('says so plainly when the imported annuaire has no office of that kind for the commune', () => {
    const lille = commune(withAnnuaire, 'Lille');
    const [cpam] = withAnnuaire.orientation(intent, outcome(['cpam']), { commune: lille, now: NOW }).services;
    expect(cpam.offices).toBeUndefined();
    expect(cpam.missingData).toContain('pour Lille');
    expect(cpam.lookup?.url).toBe('https://lannuaire.service-public.gouv.fr/recherche?whoWhat=CPAM&where=Lille');
  });

  it('asks for the commune, with the annuaire search page, when it does not know it', () => {
    const [cpam] = withAnnuaire.orientation(intent, outcome(['cpam']), { now: NOW }).services;
    expect(cpam.missingData).toBe("Adresse locale : voyez l'Annuaire de l'administration.");
    expect(cpam.lookup?.url).toBe('https://lannuaire.service-public.gouv.fr/');
  });

  it("shows 'Horaires non communiqués' for an office that gives no hours", () => {
    const roubaix = commune(withAnnuaire, 'Roubaix');
    const [caf] = withAnnuaire.orientation(intent, outcome(['caf']), { commune: roubaix, now: NOW }).services;
    expect(caf.offices![0]).toMatchObject({ name: 'Caf - Accueil sans horaires', openNow: 'Horaires non communiqués' });
    expect(caf.offices![0].hours).toBeUndefined();
  });

  it("shows today's names for old codes (France Travail, not Pôle emploi)", () => {
    const card = withoutAnnuaire.orientation(intent, outcome(['france_travail', 'pole_emploi', 'msap']), { now: NOW });
    expect(card.services.map((s) => [s.id, s.name, s.nationalPhone])).toEqual([
      ['pole_emploi', 'France Travail', '39 49'],
      ['msap', 'France Services', undefined],
    ]);
  });

  it('sends Paris residents to the Préfecture de police, found under the city from an arrondissement', () => {
    const paris11 = commune(withAnnuaire, 'paris 11');
    const [service] = withAnnuaire.orientation(intent, outcome(['prefecture']), { commune: paris11, now: NOW }).services;
    expect(service).toMatchObject({ id: 'paris_ppp', name: 'Préfecture de police de Paris' });
    expect(service.offices?.map((o) => o.id)).toEqual(['ppp-1']);
  });

  it('keeps the préfecture outside Paris', () => {
    const [service] = withoutAnnuaire.orientation(intent, outcome(['prefecture']), { commune: commune(withoutAnnuaire, 'Roubaix'), now: NOW }).services;
    expect(service.id).toBe('prefecture');
  });

  it('answers an emergency line with its number and no office', () => {
    const card = withoutAnnuaire.orientation(intent, outcome(['3919'], { urgent: true }), { now: NOW });
    expect(card.urgent).toBe(true);
    expect(card.services).toHaveLength(1);
    expect(card.services[0]).toMatchObject({ id: '3919', name: 'Violences Femmes Info', nationalPhone: '39 19' });
    expect(card.services[0].offices).toBeUndefined();
    expect(card.services[0].lookup).toBeUndefined();
  });
});

describe('a damaged annuaire index', () => {
  it('is reported once and the card falls back to the lookup link', () => {
    const path = join(dir, 'damaged-index.json');
    writeFileSync(path, '{"format": "orientation-annuaire-index", "version": 2, "offices": 5}\n{"id"');
    const events: Array<Record<string, unknown>> = [];
    const knowledge = createKnowledge({ annuaireIndex: path, log: (event) => events.push(event) });
    const roubaix = commune(knowledge, 'Roubaix');
    const [cpam] = knowledge.orientation(intent, outcome(['cpam']), { commune: roubaix, now: NOW }).services;
    knowledge.orientation(intent, outcome(['cpam']), { commune: roubaix, now: NOW });
    expect(cpam.offices).toBeUndefined();
    expect(cpam.lookup?.url).toContain('whoWhat=CPAM');
    expect(events).toEqual([expect.objectContaining({ level: 'error', msg: expect.stringContaining('annuaire index unreadable') })]);
  });
});

describe('when the answer depends on the commune', () => {
  it.each([
    [['cpam'], false, true],
    [['ants'], false, false],
    [['impots_gouv', 'centre_impots'], false, false],
    [['cpam'], true, false],
    [['17'], false, false],
  ])('with the annuaire imported, services %j (urgent %s): %s', (services, urgent, expected) => {
    expect(withAnnuaire.dependsOnCommune(outcome(services, { urgent }))).toBe(expected);
  });

  it('without an imported annuaire, a commune would change nothing: it is not asked', () => {
    expect(withoutAnnuaire.dependsOnCommune(outcome(['cpam']))).toBe(false);
  });

  it('follows the tree when it asks for the commune', () => {
    expect(withoutAnnuaire.dependsOnCommune(outcome(['ants'], { askCommune: true }))).toBe(true);
  });
});
