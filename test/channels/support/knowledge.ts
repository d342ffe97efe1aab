import { createKnowledge } from '../../../knowledge';
import type { Knowledge } from '../../../knowledge/types';
import type { Office } from '../../../bot/types';

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

const NAMES: Record<string, string> = {
  mairie: 'Mairie',
  consulat: 'Consulat de France',
  caf: "Caisse d'allocations familiales (CAF)",
  adil: "Agence départementale d'information sur le logement (ADIL)",
};

/**
 * The bundled knowledge, plus invented names and offices: the mairie and the CAF have an
 * office, the others only the official way to look one up.
 */
export function testKnowledge(offices: Record<string, Office> = OFFICES): Knowledge {
  const base = createKnowledge();
  return {
    ...base,
    orientation(intent, outcome, options) {
      const orientation = base.orientation(intent, outcome, options);
      return {
        ...orientation,
        services: orientation.services.map((service) => {
          const office = offices[service.id];
          return {
            ...service,
            name: NAMES[service.id] ?? service.name,
            ...(office
              ? { offices: [office] }
              : {
                  missingData: "Nous n'avons pas encore l'adresse de ce service près de chez vous.",
                  lookup: { label: 'Trouver le service le plus proche', url: `https://example.test/annuaire/${service.id}` },
                }),
            ...(service.id === 'caf' ? { nationalPhone: '32 30' } : {}),
          };
        }),
      };
    },
  };
}
