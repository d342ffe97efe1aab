import type { Orientation, Source, Link } from '../bot/types';
import type { Intent, TreeOutcome } from '../bot/trees/types';

/** A kind of office or national service, by its id (shared/reference/service-ids.md). */
export interface CatalogService {
  id: string;
  /** the name to show today (France Travail, not Pôle emploi) */
  name: string;
  /** older or parallel codes for the same kind of office */
  aliases: string[];
  /** what it handles, one plain sentence */
  handles: string;
  nationalPhone?: string;
  website?: string;
  /** true when the service has local offices in the annuaire */
  local: boolean;
  /** what to type in the annuaire's search box to find this kind of office (defaults to name) */
  lookupTerm?: string;
  /** emergency and helplines, answered before anything else */
  urgent?: boolean;
  source: Source;
}

export interface Commune {
  /** INSEE code, e.g. "59512" (arrondissements have their own: "75111") */
  code: string;
  name: string;
  departement: string;
  /** "Seine-Saint-Denis": to ask which one among homonyms */
  departementName?: string;
  postalCodes: string[];
}

export type CommuneResolution =
  | { status: 'found'; commune: Commune }
  | { status: 'ambiguous'; candidates: Commune[] }
  | { status: 'unknown' };

/** Everything the engine needs to know about the world. Pure reads of loaded data. */
export interface Knowledge {
  /** canonical id for an id or any of its aliases; undefined when unknown */
  canonicalServiceId(id: string): string | undefined;
  service(id: string): CatalogService | undefined;
  resolveCommune(text: string): CommuneResolution;
  /**
   * A commune named in a free sentence ("j'habite à Roubaix"), only when confident;
   * cheap enough to run on every message. Undefined when none or unsure.
   */
  findCommuneInText(text: string): Commune | undefined;
  /**
   * true when asking the commune changes the answer: the tree says so (Paris has its own
   * préfecture), or the imported annuaire has offices of one of the outcome's services
   */
  dependsOnCommune(outcome: TreeOutcome): boolean;
  orientation(intent: Intent, outcome: TreeOutcome, options: { commune?: Commune; now: Date }): Orientation;
  lookupLink(serviceId: string, commune?: Commune): Link | undefined;
}
