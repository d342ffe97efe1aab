import { annuaireIndexPath } from './annuaire/annuaire';
import { liveAnnuaire } from './annuaire/live';
import { annuaireFreshness } from './annuaire/freshness';
import type { Catalog } from './catalog/catalog';
import { bundledCatalog } from './catalog/catalog';
import { communeData } from './communes/data';
import { findCountryInText } from './communes/countries';
import { findCommuneInText, resolveCommune } from './communes/resolve';
import { annuaireLookup } from './lookup';
import { arrondissementNeeded } from './arrondissement';
import { buildOrientation, servicesFor } from './orientation';
import { TerritoryRegistry, territoriesDir } from './territories/registry';
import type { Knowledge } from './types';

export interface KnowledgeOptions {
  /** annuaire index to read; default ANNUAIRE_INDEX or data/annuaire-index.json; null for none */
  annuaireIndex?: string | null;
  /** territory packs to read; default TERRITORIES_DIR or territories/; null for none */
  territoriesDir?: string | null;
  catalog?: Catalog;
  /** where to report that the index could not be read (never message text) */
  log?: (event: Record<string, unknown>) => void;
}

const defaultLog = (event: Record<string, unknown>): void => console.error(JSON.stringify(event));

/**
 * The knowledge layer: service catalog, communes and the imported annuaire.
 * Heavy data (communes, annuaire index) is read on first use, so that the bot boots fast.
 */
export function createKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const catalog = options.catalog ?? bundledCatalog();
  const indexPath = options.annuaireIndex === undefined ? annuaireIndexPath() : options.annuaireIndex;
  const log = options.log ?? defaultLog;

  const readAnnuaire = liveAnnuaire(indexPath, log);
  const packs = new TerritoryRegistry(options.territoriesDir === undefined ? territoriesDir() : options.territoriesDir, catalog, log);
  const readTerritories = () => packs.territories;
  const orientationDeps = { catalog, annuaire: readAnnuaire, territories: readTerritories };

  return {
    canonicalServiceId: (id) => catalog.canonicalId(id),
    service: (id) => catalog.get(id),
    officeNames: () => catalog.services.flatMap((service) => (service.spoken ?? []).map((name) => ({ name, serviceIds: [service.id, ...service.aliases] }))),
    resolveCommune: (text) => resolveCommune(communeData(), text),
    findCommuneInText: (text) => findCommuneInText(communeData, text),
    findCountryInText,
    dependsOnCommune: (outcome) =>
      !outcome.urgent &&
      (outcome.askCommune ||
        servicesFor(catalog, outcome).some((id) => catalog.get(id)?.local && (readAnnuaire()?.covers(id) || readTerritories().covers(id)))),
    lookupLink: (serviceId, commune) => {
      const service = catalog.get(serviceId);
      return service ? annuaireLookup(service, commune) : undefined;
    },
    warmUp: () => ({
      firstTurns: [readAnnuaire, communeData, readTerritories],
      later: () => readAnnuaire()?.warmUp() ?? [],
    }),
    annuaireStatus: (now) => {
      const loaded = readAnnuaire();
      return { offices: loaded?.officeCount ?? 0, ...annuaireFreshness(loaded?.dataDate, now) };
    },
    orientation: (need, outcome, options) => buildOrientation(orientationDeps, need, outcome, options),
    arrondissementNeeded: (outcome, commune) => arrondissementNeeded(orientationDeps, communeData(), outcome, commune),
    territoryProblems: () => packs.problems,
    reloadTerritories: (knownNeeds) => packs.reload(knownNeeds),
  };
}
