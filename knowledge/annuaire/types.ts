// The compact index that `npm run import:annuaire` writes and the knowledge layer reads.

/** One opening range of the annuaire: days 1 (Monday) to 7 (Sunday), inclusive; times in minutes after midnight. */
export interface OpeningRange {
  from: number;
  to: number;
  /** [start, end] pairs, e.g. [[510, 720], [810, 960]] for 8 h 30 - 12 h, 13 h 30 - 16 h */
  slots: Array<[number, number]>;
}

export interface StoredHours {
  ranges: OpeningRange[];
  /** the office's own remarks, shown as written */
  comments: string[];
}

export interface StoredOffice {
  id: string;
  name: string;
  /** canonical service ids (or raw pivot codes the catalog does not know) */
  types: string[];
  /** INSEE code of the commune where the office stands */
  commune: string;
  address?: string[];
  postalCode?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  phone?: string;
  email?: string;
  website?: string;
  hours?: StoredHours;
  /** the office's page on lannuaire.service-public.gouv.fr */
  url?: string;
  /** ISO date of the record's date_modification */
  updated: string;
}

/**
 * The index file, in lines so that the bot keeps offices as text and reads only the ones
 * it shows:
 *   line 1         IndexHeader
 *   next `offices` lines, one StoredOffice each (sorted by id)
 *   last line      ServiceCommuneTable
 */
export interface IndexHeader {
  format: 'orientation-annuaire-index';
  version: 2;
  /** file name the index was built from */
  importedFrom: string;
  /** newest date_modification among the records: how fresh the data is */
  dataDate?: string;
  offices: number;
}

/** service id -> commune INSEE code -> office positions (0-based), the commune's own offices first */
export type ServiceCommuneTable = Record<string, Record<string, number[]>>;

export const INDEX_FORMAT = 'orientation-annuaire-index';
export const INDEX_VERSION = 2;
