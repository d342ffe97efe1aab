// Channel-neutral data shared by the engine, the knowledge layer and the channels.
// The engine produces these; channels only render them.

/** Where a fact comes from, and as of when. */
export interface Source {
  /** service-public.fr fiche id, e.g. "F1341" */
  fiche?: string;
  url?: string;
  /** human title of the source, e.g. "Service-Public.fr" or "Annuaire de l'administration (DILA)" */
  title?: string;
  /** ISO date (YYYY-MM-DD) the fact was checked or the data file was published */
  date: string;
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
  commune?: { code: string; name: string };
}

export interface ChoiceOption {
  /** what the person sees: "En France" */
  label: string;
  /** what the channel sends back when chosen; the engine also accepts the label, its number, ordinal and synonyms */
  value: string;
}

/** One message from the bot. Text always reads well alone (SMS); choices and orientation add structure. */
export interface Reply {
  text: string;
  choices?: ChoiceOption[];
  orientation?: Orientation;
  urgent?: boolean;
}
