// npm run bench:annuaire [-- --records 60000]
//
// Generates a synthetic annuaire in the bulk format (invented offices on real INSEE codes)
// in a temporary folder, imports it in a child process as `npm run import:annuaire` would,
// and prints the import time, its peak memory and the cost of one (service, commune) lookup.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { communeData } from '../knowledge/communes/data';
import { loadAnnuaire } from '../knowledge/annuaire/annuaire';
import { createKnowledge } from '../knowledge';
import type { Intent, TreeOutcome } from '../bot/trees/types';

const RECORDS = Number(process.argv[process.argv.indexOf('--records') + 1]) || 60_000;
const LOOKUPS = 200_000;
// Mairies cover their own commune; the other kinds of office cover 1 to 80 communes of their département.
const OTHER_TYPES = ['caf', 'cpam', 'msap', 'france_services', 'commissariat_police', 'centre_impots', 'pole_emploi', 'ccas', 'mission_locale', 'conciliateur_justice'];

/** Deterministic pseudo-random numbers, so that two runs import the same file. */
function random(seed: number): () => number {
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
        type_adresse: 'Adresse', complement1: '', complement2: '', numero_voie: `${n % 200} rue de l'Exemple`,
        service_distribution: '', code_postal: '99000', nom_commune: 'Exempleville', pays: 'France',
        longitude: '2.35', latitude: '48.85', accessibilite: 'ACC', note_accessibilite: '',
      },
    ],
    telephone: [{ valeur: '01 00 00 00 00', description: '' }],
    adresse_courriel: [`bureau${n}@exemple.invalid`],
    site_internet: [{ libelle: '', valeur: 'https://exemple.invalid' }],
    plage_ouverture: [
      { nom_jour_debut: 'Lundi', nom_jour_fin: 'Jeudi', valeur_heure_debut_1: '08:30:00', valeur_heure_fin_1: '12:00:00', valeur_heure_debut_2: '13:30:00', valeur_heure_fin_2: '16:30:00', commentaire: '' },
      { nom_jour_debut: 'Vendredi', nom_jour_fin: 'Vendredi', valeur_heure_debut_1: '08:30:00', valeur_heure_fin_1: '12:00:00', valeur_heure_debut_2: '', valeur_heure_fin_2: '', commentaire: 'Sur rendez-vous.' },
    ],
    date_modification: '12/03/2025 10:14:02',
    url_service_public: `https://lannuaire.service-public.gouv.fr/exemple/${n}`,
  };
}

async function generate(path: string): Promise<{ communes: string[] }> {
  const communes = [...communeData().byCode.values()];
  const byDepartement = new Map<string, string[]>();
  for (const c of communes) byDepartement.set(c.departement, [...(byDepartement.get(c.departement) ?? []), c.code]);
  const next = random(42);
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"service":[\n');
  for (let n = 0; n < RECORDS; n++) {
    const home = communes[n % communes.length];
    const isMairie = n < communes.length && n < RECORDS * 0.6;
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'annuaire-bench-'));
  try {
    const input = join(dir, 'annuaire.gouv_local.json');
    const output = join(dir, 'annuaire-index.json');
    const { communes } = await generate(input);
    console.log(`generated ${RECORDS} records, ${(statSync(input).size / 1e6).toFixed(0)} MB`);

    // exactly what an operator runs, with the memory settings of package.json
    const child = spawnSync('npm', ['run', '-s', 'import:annuaire', '--', input, '--out', output, '--json'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr || 'import failed');
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(`import: ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB (target < 15 s, < 400 MB)`);
    console.log(`  ${result.loaded} offices, ${result.keys} (service, commune) pairs, index ${(statSync(output).size / 1e6).toFixed(0)} MB`);

    const rssBefore = process.memoryUsage().rss;
    let started = performance.now();
    const annuaire = loadAnnuaire(output)!;
    const loadSeconds = (performance.now() - started) / 1000;
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1e6;
    console.log(`index load in the bot: ${loadSeconds.toFixed(2)} s, +${rssGrowth.toFixed(0)} MB RSS`);

    const next = random(7);
    const services = ['mairie', ...OTHER_TYPES];
    const queries = Array.from({ length: 1000 }, () => [services[Math.floor(next() * services.length)], communes[Math.floor(next() * communes.length)]] as const);
    let found = 0;
    started = performance.now();
    for (let i = 0; i < LOOKUPS; i++) {
      const [service, commune] = queries[i % queries.length];
      found += annuaire.offices(service, commune, 3).length;
    }
    const micros = ((performance.now() - started) * 1000) / LOOKUPS;
    console.log(`lookup (service, commune), up to 3 offices read: ${micros.toFixed(2)} µs on average over ${LOOKUPS} lookups (${(found / LOOKUPS).toFixed(1)} offices each)`);

    // The whole orientation card (catalog, offices, opening hours) for one service and commune.
    const knowledge = createKnowledge({ annuaireIndex: output, log: () => undefined });
    const pos = { file: 'bench', line: 1, column: 1 };
    const intent = { id: 'bench', title: 'Bench', pos } as Intent;
    const now = new Date();
    const cards = 20_000;
    const card = (i: number): void => {
      const [service, commune] = queries[i % queries.length];
      const outcome = { id: 'o', services: [service], why: '', bring: [], source: { date: '2025-01-01' }, urgent: false, askCommune: true, pos } as TreeOutcome;
      knowledge.orientation(intent, outcome, { commune: { code: commune, name: commune, departement: '', postalCodes: [] }, now });
    };
    card(0); // reads the index
    started = performance.now();
    for (let i = 0; i < cards; i++) card(i);
    const cardMicros = ((performance.now() - started) * 1000) / cards;
    console.log(`orientation card for one (service, commune): ${cardMicros.toFixed(1)} µs on average`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
