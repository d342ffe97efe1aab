// The facts the bot shows and where they come from: shared by the engine, the trees and the
// channels, owned here because knowledge is the floor everything else stands on.
import type { AnnuaireFreshness } from './annuaire/freshness';
import type { DateWords } from './date-words';
import type { TerritoryProblem } from './territories/yaml-reader';

/** Where a fact comes from, and as of when. */
export interface Source {
  /** service-public.fr fiche id, e.g. "F1341" */
  fiche?: string;
  url?: string;
  /** human title of the source, e.g. "Service-Public.fr" or "Annuaire de l'administration (DILA)" */
  title?: string;
  /** ISO date (YYYY-MM-DD) of the source itself: the fiche's date, or when the data file was published */
  date: string;
  /** ISO date the claim was last checked against today's rule, when someone did */
  verified?: string;
}

export interface Link {
  label: string;
  url: string;
}

/** One office of the annuaire, as shown to a citizen. */
export interface Office {
  id: string;
  name: string;
  address?: string[];
  postalCode?: string;
  city?: string;
  phone?: string;
  email?: string;
  website?: string;
  /** "Ouvert maintenant, jusqu'à 12 h" / "Fermé, ouvre lundi à 8 h 30" / "Horaires non communiqués" */
  openNow?: string;
  /** one line per day range, e.g. "Lundi au jeudi : 8 h 30 - 12 h, 13 h 30 - 16 h" */
  hours?: string[];
  hoursComment?: string[];
  mapUrl?: string;
  /** how to get in (step-free access, induction loop...), as the territory wrote it */
  accessibility?: string;
  source: Source;
}

/** A local rule or tip a territory attached to a need or a service, with its source. */
export interface LocalNote {
  text: string;
  source: Source;
}

/** One service a citizen is sent to, with what we know of it. */
export interface ServiceOrientation {
  id: string;
  name: string;
  /** why this service, one plain sentence */
  why?: string;
  nationalPhone?: string;
  website?: string;
  /** where the name, national phone and website come from (the service catalog) */
  source?: Source;
  /** offices from the imported annuaire, nearest first; absent when none imported */
  offices?: Office[];
  /** official way to find the local office when we have none */
  lookup?: Link;
  /** said plainly when no local data is available */
  missingData?: string;
}

export interface Orientation {
  needId: string;
  title: string;
  urgent: boolean;
  why: string;
  services: ServiceOrientation[];
  bring: string[];
  online?: Link;
  sources: Source[];
  /** what the territory's agents want people of this commune to know */
  notes?: LocalNote[];
  commune?: { code: string; name: string };
}

/** What a need's outcome says, in the shape knowledge reads (the trees' outcomes are one). */
export interface OutcomeFacts {
  /** service ids, most likely first (shared/reference/service-ids.md) */
  services: string[];
  /** why these services, one plain sentence */
  why: string;
  bring: string[];
  online?: Link;
  source: Source;
  /** emergency lines: answered before anything else */
  urgent: boolean;
  /** ask the commune first, because the office depends on it */
  askCommune: boolean;
}

/** The need an orientation answers, as named to the citizen. */
export interface NeedName {
  id: string;
  title: string;
}

/** A kind of office or national service, by its id (shared/reference/service-ids.md). */
/** A name people give an office (« la caf »), and the service ids it stands for (id and aliases). */
export interface OfficeName {
  name: string;
  serviceIds: string[];
}

export interface CatalogService {
  id: string;
  /** the name to show today (France Travail, not Pôle emploi) */
  name: string;
  /** older or parallel codes for the same kind of office */
  aliases: string[];
  /** what people call it in their messages (« la caf », « la sécu », « assedic ») */
  spoken?: string[];
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

export type CommuneResolution = { status: 'found'; commune: Commune } | { status: 'ambiguous'; candidates: Commune[] } | { status: 'unknown' };

/** Everything the engine needs to know about the world. Pure reads of loaded data. */
export interface OrientationOptions {
  commune?: Commune;
  now: Date;
  /** the words of the conversation's language, opening hours are written in them (French unless given) */
  words?: DateWords;
}

export interface Knowledge {
  /** canonical id for an id or any of its aliases; undefined when unknown */
  canonicalServiceId(id: string): string | undefined;
  service(id: string): CatalogService | undefined;
  /** the names people give offices in their messages, each with the service ids it means */
  officeNames(): OfficeName[];
  resolveCommune(text: string): CommuneResolution;
  /**
   * A commune named in a free sentence ("j'habite à Roubaix"), only when confident;
   * cheap enough to run on every message. Undefined when none or unsure.
   */
  findCommuneInText(text: string): Commune | undefined;
  /** the country other than France where a sentence says the person lives ("je vis au Canada"); undefined when none */
  findCountryInText(text: string): string | undefined;
  /**
   * true when asking the commune changes the answer: the tree says so (Paris has its own
   * préfecture), or the imported annuaire has offices of one of the outcome's services
   */
  dependsOnCommune(outcome: OutcomeFacts): boolean;
  /**
   * true when the commune is Paris, Lyon or Marseille as a whole and the outcome's offices
   * differ by arrondissement: ask which one
   */
  arrondissementNeeded(outcome: OutcomeFacts, commune: Commune): boolean;
  orientation(need: NeedName, outcome: OutcomeFacts, options: OrientationOptions): Orientation;
  lookupLink(serviceId: string, commune?: Commune): Link | undefined;
  /** the imported annuaire: how many offices, as of when, too old or not (for operators) */
  annuaireStatus(now: Date): AnnuaireStatus;
  /**
   * What is otherwise read on first use, in steps a server runs once it listens, one per turn
   * of its event loop: what a first turn reads (the annuaire's header, the communes, the
   * territory packs), then, once it is ready, what can wait (the annuaire's offices and tables).
   */
  warmUp(): { firstTurns: (() => unknown)[]; later(): (() => unknown)[] };
  /** problems of the territory packs in service (territories/<slug>/*.yaml) */
  territoryProblems(): TerritoryProblem[];
  /** reads the packs again, checking notes against the trees' needs; an error keeps the packs in service */
  reloadTerritories(knownNeeds?: Set<string>): { reloaded: boolean; problems: TerritoryProblem[] };
}

export interface AnnuaireStatus extends AnnuaireFreshness {
  /** offices in the index; 0 when none is imported */
  offices: number;
}
