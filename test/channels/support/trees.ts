import type { Intent, TreeChoice, TreeOutcome, TreeQuestion, Trees } from '../../../bot/trees/types';
import type { Knowledge } from '../../../knowledge/types';
import type { Office, Orientation } from '../../../bot/types';

// Invented trees and offices for channel tests (test fixtures only, never shown to users).
// TODO(lead): once bot/trees/loader.ts and the real knowledge land, the whole-conversation
// tests only need `trees`/`knowledge` swapped for loadTrees('dialogs') and createKnowledge().

const pos = { file: 'test/channels/support/trees.ts', line: 1, column: 1 };
const source = { title: 'Fiche de test', fiche: 'F0000', url: 'https://example.test/F0000', date: '2026-03-12' };

const choice = (label: string, next: string, synonyms: string[] = []): TreeChoice => ({ label, next, synonyms });
const question = (id: string, text: string, choices: TreeChoice[]): TreeQuestion => ({ id, text, choices, pos });
const outcome = (id: string, services: string[], why: string, bring: string[], extra: Partial<TreeOutcome> = {}): TreeOutcome => ({
  id, services, why, bring, source, urgent: false, askCommune: false, pos, ...extra,
});

function intent(id: string, title: string, keywords: string[], start: string, questions: TreeQuestion[], outcomes: TreeOutcome[]): Intent {
  return {
    id, title, theme: 'test', keywords, synonyms: [], examples: [], exclude: [], urgent: false, start, generated: false, pos,
    questions: Object.fromEntries(questions.map((q) => [q.id, q])),
    outcomes: Object.fromEntries(outcomes.map((o) => [o.id, o])),
  };
}

const intents: Intent[] = [
  intent('carte-identite', "Refaire sa carte d'identité", ['carte', 'identite'], 'ou', [
    question('ou', 'Où habitez-vous ?', [choice('En France', 'mairie', ['france']), choice("À l'étranger", 'consulat', ['etranger'])]),
  ], [
    outcome('mairie', ['mairie'], "La demande se fait dans une mairie équipée d'un dispositif de recueil.", ['Votre ancienne carte', 'Une photo d’identité de moins de 6 mois', 'Un justificatif de domicile']),
    outcome('consulat', ['consulat'], 'Hors de France, la demande se fait au consulat.', ['Votre ancienne carte', 'Une photo']),
  ]),
  // Choice labels longer than a Messenger quick-reply title: sent as numbered text.
  intent('logement', 'Trouver une aide pour le logement', ['logement', 'loyer'], 'situation', [
    question('situation', 'Quelle est votre situation ?', [
      choice('Je suis locataire dans le parc privé', 'caf'),
      choice("J'habite un logement social (HLM)", 'caf'),
      choice('Je suis propriétaire de mon logement', 'adil'),
    ]),
  ], [
    outcome('caf', ['caf', 'adil'], 'La CAF verse les aides au logement ; l’ADIL vous conseille gratuitement.', ['Votre bail', 'Vos derniers avis d’imposition', 'Un RIB']),
    outcome('adil', ['adil'], 'L’ADIL conseille gratuitement les propriétaires.', []),
  ]),
];

export const trees: Trees = {
  intents,
  byId: new Map(intents.map((i) => [i.id, i])),
  themes: [{ id: 'test', title: 'Test', file: pos.file }],
  loadedAt: '2026-03-12T00:00:00.000Z',
};

const officeSource = { title: "Annuaire de l'administration (DILA), données de test", date: '2026-03-01' };

export const OFFICES: Record<string, Office> = {
  mairie: {
    id: 'mairie-testville',
    name: 'Mairie de Testville',
    address: ['1 place de la Mairie'],
    postalCode: '99999',
    city: 'Testville',
    phone: '01 23 45 67 89',
    openNow: "Ouvert maintenant, jusqu'à 12 h",
    hours: ['Lundi au vendredi : 8 h 30 - 12 h, 13 h 30 - 17 h', 'Samedi : 9 h - 12 h'],
    mapUrl: 'https://example.test/carte?mairie-testville',
    source: officeSource,
  },
  caf: {
    id: 'caf-testville',
    name: "Caisse d'allocations familiales de Testville, accueil du centre-ville",
    address: ['12 boulevard des Allocations', 'Bâtiment B, 2e étage'],
    postalCode: '99999',
    city: 'Testville',
    phone: '09 69 32 52 52',
    openNow: 'Fermé, ouvre lundi à 8 h 30',
    hours: ['Lundi, mardi, jeudi : 8 h 30 - 12 h 30, 13 h 30 - 16 h', 'Mercredi : 8 h 30 - 12 h 30', 'Vendredi : fermé au public'],
    mapUrl: 'https://example.test/carte?caf-testville',
    source: officeSource,
  },
};

const NAMES: Record<string, string> = {
  mairie: 'Mairie',
  consulat: 'Consulat de France',
  caf: "Caisse d'allocations familiales (CAF)",
  adil: "Agence départementale d'information sur le logement (ADIL)",
};

/** Knowledge with invented offices: the mairie and the CAF are known, the others are not. */
export function testKnowledge(): Knowledge {
  return {
    canonicalServiceId: (id) => id,
    service: () => undefined,
    resolveCommune: () => ({ status: 'unknown' }),
    dependsOnCommune: () => false,
    lookupLink: () => undefined,
    orientation(intent, out): Orientation {
      return {
        needId: intent.id,
        title: intent.title,
        urgent: out.urgent,
        why: out.why,
        services: out.services.map((id) => ({
          id,
          name: NAMES[id] ?? id,
          offices: OFFICES[id] ? [OFFICES[id]] : undefined,
          nationalPhone: id === 'caf' ? '32 30' : undefined,
          lookup: OFFICES[id] ? undefined : { label: 'Trouver le service le plus proche', url: `https://example.test/annuaire/${id}` },
          missingData: OFFICES[id] ? undefined : "Nous n'avons pas encore l'adresse de ce service près de chez vous.",
        })),
        bring: out.bring,
        online: intent.id === 'carte-identite' ? { label: 'Pré-demande en ligne', url: 'https://example.test/predemande' } : undefined,
        sources: [out.source],
      };
    },
  };
}
