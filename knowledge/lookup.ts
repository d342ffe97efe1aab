import type { CatalogService, Commune, Link } from './types';

// The official way to find a local office when we have none imported: the search of the
// Annuaire de l'administration (lannuaire.service-public.gouv.fr since October 2025).
// Its search page takes what to look for (`whoWhat`) and where (`where`, e.g. a postal code);
// we link that search rather than guess the address of an office's own page.
const ANNUAIRE_SITE = 'https://lannuaire.service-public.gouv.fr';

export function annuaireLookup(service: CatalogService, commune?: Commune): Link | undefined {
  if (!service.local) return undefined;
  const term = service.lookupTerm ?? service.name;
  if (!commune) {
    return { label: `Chercher « ${term} » sur l'Annuaire de l'administration`, url: `${ANNUAIRE_SITE}/` };
  }
  // a postal code when the commune has one; a city with several is searched by name
  const where = commune.postalCodes.length === 1 ? commune.postalCodes[0] : commune.name;
  const query = new URLSearchParams({ whoWhat: term, where });
  return {
    label: `Chercher « ${term} » près de ${commune.name} sur l'Annuaire de l'administration`,
    url: `${ANNUAIRE_SITE}/recherche?${query.toString()}`,
  };
}
