import type { Source } from '../types';
import type { StoredOffice } from '../annuaire/types';
import type { Commune } from '../types';
import { cityOfArrondissement } from '../communes/arrondissements';

/** Which communes an office or a note is for: listed (EPCI expanded), or whole départements. */
export interface Coverage {
  communes: Set<string>;
  departements: Set<string>;
}

/** An office a territory added, in the annuaire's shape, with its own source. */
export interface TerritoryOffice {
  pack: string;
  services: string[];
  coverage: Coverage;
  office: StoredOffice;
  accessibility?: string;
  source: Source;
}

/** A local rule or tip, shown on the card of a need or a service for some communes. */
export interface TerritoryNote {
  pack: string;
  needs: string[];
  services: string[];
  coverage: Coverage;
  text: string;
  source: Source;
}

/** What the territories add, by commune. */
export interface Territories {
  offices(serviceId: string, commune: Commune): TerritoryOffice[];
  notes(needId: string, serviceIds: string[], commune: Commune): TerritoryNote[];
  /** true when some pack has offices of that kind: asking the commune then changes the answer */
  covers(serviceId: string): boolean;
}

/** An arrondissement of Paris, Lyon or Marseille is served by what serves the whole city. */
function serves(coverage: Coverage, commune: Commune): boolean {
  const city = cityOfArrondissement(commune.code);
  return (
    coverage.communes.has(commune.code) || (city !== undefined && coverage.communes.has(city)) || coverage.departements.has(commune.departement.toUpperCase())
  );
}

export function territories(offices: TerritoryOffice[], notes: TerritoryNote[]): Territories {
  const kinds = new Set(offices.flatMap((o) => o.services));
  return {
    offices: (serviceId, commune) => offices.filter((o) => o.services.includes(serviceId) && serves(o.coverage, commune)),
    notes: (needId, serviceIds, commune) =>
      notes.filter((note) => (note.needs.includes(needId) || note.services.some((s) => serviceIds.includes(s))) && serves(note.coverage, commune)),
    covers: (serviceId) => kinds.has(serviceId),
  };
}

export const NO_TERRITORIES: Territories = territories([], []);
