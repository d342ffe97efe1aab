import { createKnowledge } from '../../../knowledge';
import type { Knowledge } from '../../../knowledge/types';
import type { Office } from '../../../knowledge/types';

// Invented offices for channel tests (test fixtures only, never shown to users).

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

/**
 * The bundled catalog without any annuaire, plus invented offices: the mairie and the CAF
 * have one, the other services keep the catalog's official way to look theirs up.
 */
export function testKnowledge(offices: Record<string, Office> = OFFICES): Knowledge {
  const base = createKnowledge({ annuaireIndex: null });
  return {
    ...base,
    orientation(intent, outcome, options) {
      const orientation = base.orientation(intent, outcome, options);
      return {
        ...orientation,
        services: orientation.services.map((service) => {
          const office = offices[service.id];
          return office ? { ...service, offices: [office], missingData: undefined, lookup: undefined } : service;
        }),
      };
    },
  };
}
