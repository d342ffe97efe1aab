// A synthetic annuaire in the DILA bulk format: invented offices on real INSEE codes, the
// same file on every run. Used by the annuaire benchmark and by `npm run bench` (memory).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { communeData } from '../knowledge/communes/data';

// Mairies cover their own commune; the other kinds of office cover 1 to 80 communes of their département.
export const OTHER_TYPES = [
  'caf',
  'cpam',
  'msap',
  'france_services',
  'commissariat_police',
  'centre_impots',
  'pole_emploi',
  'ccas',
  'mission_locale',
  'conciliateur_justice',
];

/** Deterministic pseudo-random numbers, so that two runs import the same file. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function record(n: number, type: string, commune: string, covered: string[]): object {
  return {
    id: `bench-${String(n).padStart(6, '0')}`,
    nom: `${type} - Bureau ${n}`,
    categorie: 'SL',
    pivot: [{ type_service_local: type, code_insee_commune: covered }],
    code_insee_commune: commune,
    ancien_code_pivot: `${type}-${commune}-01`,
    adresse: [
      {
        type_adresse: 'Adresse',
        complement1: '',
        complement2: '',
        numero_voie: `${n % 200} rue de l'Exemple`,
        service_distribution: '',
        code_postal: '99000',
        nom_commune: 'Exempleville',
        pays: 'France',
        longitude: '2.35',
        latitude: '48.85',
        accessibilite: 'ACC',
        note_accessibilite: '',
      },
    ],
    telephone: [{ valeur: '01 00 00 00 00', description: '' }],
    adresse_courriel: [`bureau${n}@exemple.invalid`],
    site_internet: [{ libelle: '', valeur: 'https://exemple.invalid' }],
    plage_ouverture: [
      {
        nom_jour_debut: 'Lundi',
        nom_jour_fin: 'Jeudi',
        valeur_heure_debut_1: '08:30:00',
        valeur_heure_fin_1: '12:00:00',
        valeur_heure_debut_2: '13:30:00',
        valeur_heure_fin_2: '16:30:00',
        commentaire: '',
      },
      {
        nom_jour_debut: 'Vendredi',
        nom_jour_fin: 'Vendredi',
        valeur_heure_debut_1: '08:30:00',
        valeur_heure_fin_1: '12:00:00',
        valeur_heure_debut_2: '',
        valeur_heure_fin_2: '',
        commentaire: 'Sur rendez-vous.',
      },
    ],
    date_modification: '12/03/2025 10:14:02',
    url_service_public: `https://lannuaire.service-public.gouv.fr/exemple/${n}`,
  };
}

export async function generateAnnuaire(path: string, records: number): Promise<{ communes: string[] }> {
  const communes = [...communeData().byCode.values()];
  const byDepartement = new Map<string, string[]>();
  for (const c of communes) byDepartement.set(c.departement, [...(byDepartement.get(c.departement) ?? []), c.code]);
  const next = random(42);
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"service":[\n');
  for (let n = 0; n < records; n++) {
    const home = communes[n % communes.length];
    const isMairie = n < communes.length && n < records * 0.6;
    const type = isMairie ? 'mairie' : OTHER_TYPES[Math.floor(next() * OTHER_TYPES.length)];
    const neighbours = byDepartement.get(home.departement) ?? [home.code];
    const count = isMairie ? 1 : 1 + Math.floor(next() * 80);
    const start = Math.floor(next() * neighbours.length);
    const covered = Array.from({ length: Math.min(count, neighbours.length) }, (_, i) => neighbours[(start + i) % neighbours.length]);
    await write((n > 0 ? ',\n' : '') + JSON.stringify(record(n, type, home.code, covered)));
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return { communes: communes.map((c) => c.code) };
}
