import { arrondissementsOf, hasArrondissements } from './communes/arrondissements';
import type { CommuneData } from './communes/data';
import { localOffices, servicesFor, type OrientationDeps } from './orientation';
import type { Commune, OutcomeFacts } from './types';

/**
 * True when the person named Paris, Lyon or Marseille as a whole and the offices of one of
 * the outcome's services differ from one arrondissement to another: then the arrondissement
 * changes the answer, and the bot asks it.
 */
export function arrondissementNeeded(deps: OrientationDeps, communes: CommuneData, outcome: OutcomeFacts, commune: Commune): boolean {
  if (outcome.urgent || !hasArrondissements(commune.code)) return false;
  const arrondissements = arrondissementsOf(commune.code, communes.byCode.keys()).map((code) => communes.byCode.get(code)!);
  return servicesFor(deps.catalog, outcome, commune).some((serviceId) => {
    if (!deps.catalog.get(serviceId)?.local) return false;
    const officesByArrondissement = arrondissements.map((arrondissement) =>
      localOffices(deps, serviceId, arrondissement)
        .map(({ office }) => office.id)
        .join('|'),
    );
    return new Set(officesByArrondissement).size > 1;
  });
}
