// Placeholder until the service catalog, communes and annuaire land (issue 3):
// knows no service names and no offices, so it says so instead of inventing any.
import type { Knowledge } from './types';

export function createKnowledge(): Knowledge {
  return {
    canonicalServiceId: (id) => id,
    service: () => undefined,
    resolveCommune: () => ({ status: 'unknown' }),
    dependsOnCommune: () => false,
    lookupLink: () => undefined,
    orientation(intent, outcome) {
      return {
        needId: intent.id,
        title: intent.title,
        urgent: outcome.urgent,
        why: outcome.why,
        services: outcome.services.map((id) => ({ id, name: id })),
        bring: outcome.bring,
        online: outcome.online,
        sources: [outcome.source],
      };
    },
  };
}
