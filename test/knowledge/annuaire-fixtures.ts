import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Annuaire records in the DILA's format with invented offices, addresses and phone
// numbers (nothing here is real data; the communes' INSEE codes are real).

export interface FixtureOffice {
  id: string;
  nom: string;
  type: string;
  commune: string;
  covers?: string[];
  hours?: Array<[string, string, string, string, string?, string?, string?]>;
  phone?: string;
  latitude?: string;
  longitude?: string;
  modified?: string;
  extra?: Record<string, unknown>;
}

type FixtureHours = NonNullable<FixtureOffice['hours']>;

const WEEKDAYS_MORNING_AND_AFTERNOON: FixtureHours = [
  ['Lundi', 'Jeudi', '08:30:00', '12:00:00', '13:30:00', '16:00:00', "Sur rendez-vous l'après-midi."],
  ['Vendredi', 'Vendredi', '08:30:00', '12:00:00'],
];

export function bulkRecord(office: FixtureOffice): Record<string, unknown> {
  return {
    id: office.id,
    nom: office.nom,
    categorie: 'SL',
    pivot: [{ type_service_local: office.type, code_insee_commune: office.covers ?? [office.commune] }],
    code_insee_commune: office.commune,
    ancien_code_pivot: `${office.type}-${office.commune}-01`,
    adresse: [
      {
        type_adresse: 'Adresse',
        complement1: 'Bâtiment B',
        complement2: '',
        numero_voie: "1 place de l'Exemple",
        service_distribution: '',
        code_postal: '99000',
        nom_commune: 'Exempleville',
        pays: 'France',
        longitude: office.longitude ?? '3.1',
        latitude: office.latitude ?? '50.6',
        accessibilite: 'ACC',
        note_accessibilite: '',
      },
      {
        type_adresse: 'Adresse postale',
        complement1: '',
        complement2: '',
        numero_voie: 'BP 0000',
        service_distribution: '',
        code_postal: '99001',
        nom_commune: 'Exempleville Cedex',
        pays: 'France',
        longitude: '',
        latitude: '',
        accessibilite: '',
        note_accessibilite: '',
      },
    ],
    telephone: [{ valeur: office.phone ?? '01 02 03 04 05', description: '' }],
    adresse_courriel: ['accueil@exemple.invalid'],
    site_internet: [{ libelle: '', valeur: 'exemple.invalid/accueil' }],
    plage_ouverture: (office.hours ?? WEEKDAYS_MORNING_AND_AFTERNOON).map(([from, to, s1, e1, s2, e2, comment]) => ({
      nom_jour_debut: from,
      nom_jour_fin: to,
      valeur_heure_debut_1: s1,
      valeur_heure_fin_1: e1,
      valeur_heure_debut_2: s2 ?? '',
      valeur_heure_fin_2: e2 ?? '',
      commentaire: comment ?? '',
    })),
    date_modification: office.modified ?? '12/03/2025 10:14:02',
    url_service_public: `https://lannuaire.service-public.gouv.fr/exemple/${office.id}`,
    ...office.extra,
  };
}

/** The API's form: nested fields as JSON text, the e-mail as a plain string. */
export function apiRecord(office: FixtureOffice): Record<string, unknown> {
  const record = bulkRecord(office);
  for (const field of ['pivot', 'adresse', 'telephone', 'site_internet', 'plage_ouverture']) {
    record[field] = JSON.stringify(record[field]);
  }
  record.adresse_courriel = (record.adresse_courriel as string[])[0];
  return record;
}

export function fixtureDir(): string {
  return mkdtempSync(join(tmpdir(), 'annuaire-test-'));
}

export function writeBulkFile(dir: string, records: unknown[], name = 'annuaire.gouv_local.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ service: records }));
  return path;
}

export function writeApiFile(dir: string, records: unknown[], name = 'api-export.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(records));
  return path;
}

/** An invented CPAM in Roubaix (59512) that also covers Wattrelos (59650). */
export const ROUBAIX_CPAM: FixtureOffice = {
  id: '00000000-0000-4000-8000-00000000c9a1',
  nom: "Caisse primaire d'assurance maladie - Accueil d'Exemple",
  type: 'cpam',
  commune: '59512',
  covers: ['59512', '59650'],
  phone: '36 46',
};
