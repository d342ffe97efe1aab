import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node } from 'yaml';
import type { Catalog } from '../catalog/catalog';
import type { CommuneData } from '../communes/data';
import { epciMembers } from '../communes/epci';
import { parseFrenchHours } from '../hours/parse';
import type { Source } from '../types';
import type { TerritoryProblem } from './yaml-reader';
import { YamlReader, type YamlFields } from './yaml-reader';
import { type Coverage, type TerritoryNote, type TerritoryOffice } from './territories';

// Territory packs: territories/<slug>/*.yaml, written by the agents of that territory (format
// in territories/README.md). Every office and note is checked here; `npm run validate` and
// the agent console print the problems as file:line:column.

const OFFICE_FIELDS = [
  'id',
  'name',
  'services',
  'communes',
  'epci',
  'departements',
  'address',
  'postalCode',
  'city',
  'phone',
  'email',
  'website',
  'hours',
  'hoursComment',
  'accessibility',
  'source',
  'verified',
];
const NOTE_FIELDS = ['needs', 'services', 'communes', 'epci', 'departements', 'text', 'source', 'verified'];
const SOURCE_FIELDS = ['title', 'url'];
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const OFFICE_ID = /^[a-z0-9][a-z0-9_-]*$/;
const POSTAL_CODE = /^\d{5}$/;

export interface TerritoryDeps {
  catalog: Catalog;
  communes: () => CommuneData;
  /** the trees' need ids, to check the notes' `needs`; omitted: not checked */
  knownNeeds?: Set<string>;
  today: string;
}

export interface LoadedPacks {
  offices: TerritoryOffice[];
  notes: TerritoryNote[];
  problems: TerritoryProblem[];
}

/** The YAML files of every pack, `file` relative to `root` as agents know it (territories/roubaix/guichets.yaml). */
export function packFiles(dir: string, root: string): Array<{ pack: string; file: string; path: string }> {
  if (!existsSync(dir)) return [];
  const files: Array<{ pack: string; file: string; path: string }> = [];
  for (const pack of readdirSync(dir).sort()) {
    const folder = join(dir, pack);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (/\.ya?ml$/.test(name)) files.push({ pack, file: relative(root, join(folder, name)), path: join(folder, name) });
    }
  }
  return files;
}

function coverage(reader: YamlReader, fields: YamlFields, deps: TerritoryDeps): Coverage | undefined {
  const communes = new Set<string>();
  const departements = new Set<string>();
  const data = deps.communes();
  for (const { value, node } of fields.texts('communes') ?? []) {
    const commune = data.byCode.get(value.toUpperCase());
    const postal = (data.byPostalCode.get(value) ?? []).filter((other) => other.code !== commune?.code);
    if (commune && postal.length > 0 && !commune.postalCodes.includes(value)) {
      // "59100" is Roubaix's postal code, and the INSEE code of another commune
      reader.problem(
        node,
        'warning',
        `« ${value} » est le code INSEE de ${commune.name}, et aussi le code postal de ${postal[0].name} : pour ${postal[0].name}, écrivez son code INSEE (${postal[0].code}).`,
      );
    }
    if (commune) communes.add(commune.code);
    else reader.problem(node, 'error', `« ${value} » n'est pas un code INSEE de commune (5 caractères, ex. 59512 pour Roubaix ; ce n'est pas le code postal).`);
  }
  for (const { value, node } of fields.texts('epci') ?? []) {
    const epci = epciMembers().get(value);
    if (epci) epci.communes.forEach((code) => communes.add(code));
    else reader.problem(node, 'error', `« ${value} » n'est pas le numéro SIREN d'une intercommunalité (9 chiffres, ex. 200093201).`);
  }
  for (const { value, node } of fields.texts('departements') ?? []) {
    if (data.departementCodes.has(value.toLowerCase())) departements.add(value.toUpperCase());
    else reader.problem(node, 'error', `« ${value} » n'est pas un code de département (ex. 59, 2A, 974).`);
  }
  if (!fields.has('communes') && !fields.has('epci') && !fields.has('departements')) {
    reader.problem(fields.node, 'error', 'dites quelles communes sont concernées : « communes » (codes INSEE), « epci » (SIREN) ou « departements ».');
    return undefined;
  }
  return communes.size > 0 || departements.size > 0 ? { communes, departements } : undefined;
}

function source(reader: YamlReader, fields: YamlFields, deps: TerritoryDeps): Source | undefined {
  const verified = fields.date('verified', 'la date où vous avez vérifié ces informations, AAAA-MM-JJ', deps.today);
  const block = fields.map('source', '« source »', SOURCE_FIELDS, "d'où vient l'information : « title », et « url » quand elle existe");
  const title = block?.text('title', 'le nom de la source, ex. « Site de la ville de Roubaix »');
  const url = block?.text('url');
  if (url && !/^https:\/\//.test(url)) reader.problem(block!.at('url'), 'error', `l'adresse « ${url} » doit commencer par https://.`);
  if (verified && Date.parse(deps.today) - Date.parse(verified) > 365 * 86_400_000) {
    reader.problem(fields.at('verified'), 'warning', `vérifié le ${verified}, il y a plus d'un an : revérifiez ces informations.`);
  }
  return verified && title ? { title, ...(url ? { url } : {}), date: verified } : undefined;
}

function services(reader: YamlReader, fields: YamlFields, deps: TerritoryDeps, required?: string): string[] {
  const ids: string[] = [];
  for (const { value, node } of fields.texts('services', required) ?? []) {
    const id = deps.catalog.canonicalId(value);
    if (id) ids.push(id);
    else reader.problem(node, 'error', `service inconnu « ${value} » : utilisez un identifiant de knowledge/catalog/services.yaml (ex. ccas, mairie, caf).`);
  }
  return ids;
}

function readOffice(reader: YamlReader, node: Node, pack: string, deps: TerritoryDeps, seen: Set<string>): TerritoryOffice | undefined {
  const fields = reader.fields(node, 'un guichet', OFFICE_FIELDS);
  if (!fields) return undefined;
  const id = fields.text('id', 'identifiant du guichet dans ce dossier, ex. ccas-pile');
  if (id && !OFFICE_ID.test(id)) reader.problem(fields.at('id'), 'error', `l'identifiant « ${id} » ne doit contenir que des minuscules, chiffres, - et _.`);
  if (id && seen.has(id)) reader.problem(fields.at('id'), 'error', `l'identifiant « ${id} » est déjà utilisé par un autre guichet de ce territoire.`);
  if (id) seen.add(id);
  const name = fields.text('name', 'le nom du guichet tel que les personnes le cherchent');
  const serviceIds = services(reader, fields, deps, 'les services rendus, identifiants du catalogue');
  const served = coverage(reader, fields, deps);
  const address = fields.texts('address', "l'adresse, une ligne par élément")?.map((line) => line.value);
  const postalCode = fields.text('postalCode', 'le code postal');
  if (postalCode && !POSTAL_CODE.test(postalCode)) reader.problem(fields.at('postalCode'), 'error', `« ${postalCode} » n'est pas un code postal (5 chiffres).`);
  const city = fields.text('city', 'la commune où se trouve le guichet');
  const hoursText = fields.text('hours');
  const hours = hoursText === undefined ? undefined : parseFrenchHours(hoursText);
  if (hours && !hours.ok) reader.problem(fields.at('hours'), 'error', hours.message);
  const comment = fields.text('hoursComment');
  const website = fields.text('website');
  if (website && !/^https:\/\//.test(website)) reader.problem(fields.at('website'), 'error', `l'adresse « ${website} » doit commencer par https://.`);
  const from = source(reader, fields, deps);
  if (!id || !name || serviceIds.length === 0 || !served || !address || !postalCode || !city || !from || (hours && !hours.ok)) return undefined;
  return {
    pack,
    services: serviceIds,
    coverage: served,
    source: from,
    accessibility: fields.text('accessibility'),
    office: {
      id: `territoire:${pack}:${id}`,
      name,
      types: serviceIds,
      commune: [...served.communes][0] ?? '',
      address,
      postalCode,
      city,
      phone: fields.text('phone'),
      email: fields.text('email'),
      website,
      hours: hours?.ok || comment ? { ranges: hours?.ok ? hours.ranges : [], comments: comment ? [comment] : [] } : undefined,
      updated: from.date,
    },
  };
}

function readNote(reader: YamlReader, node: Node, pack: string, deps: TerritoryDeps): TerritoryNote | undefined {
  const fields = reader.fields(node, 'une note', NOTE_FIELDS);
  if (!fields) return undefined;
  const needs = (fields.texts('needs') ?? []).filter(({ value, node: at }) => {
    const known = !deps.knownNeeds || deps.knownNeeds.has(value);
    if (!known) reader.problem(at, 'error', `besoin inconnu « ${value} » : utilisez l'identifiant (id) d'un besoin des arbres de dialogs/.`);
    return known;
  });
  const serviceIds = services(reader, fields, deps);
  if (!fields.has('needs') && !fields.has('services')) {
    reader.problem(fields.node, 'error', "dites à quoi la note s'applique : « needs » (besoins des arbres) ou « services » (catalogue).");
  }
  const served = coverage(reader, fields, deps);
  const text = fields.text('text', 'le texte montré aux personnes, au vouvoiement');
  const from = source(reader, fields, deps);
  if (needs.length + serviceIds.length === 0 || !served || !text || !from) return undefined;
  return { pack, needs: needs.map((n) => n.value), services: serviceIds, coverage: served, text, source: from };
}

/** Reads and checks every pack under `dir`; only files without error contribute. */
export function loadPacks(dir: string, root: string, deps: TerritoryDeps): LoadedPacks {
  const result: LoadedPacks = { offices: [], notes: [], problems: [] };
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (/\.ya?ml$/.test(name)) {
        result.problems.push({
          file: relative(root, join(dir, name)),
          line: 1,
          column: 1,
          severity: 'error',
          message: 'rangez ce fichier dans le dossier de son territoire : territories/<territoire>/.',
        });
      }
    }
  }
  const idsByPack = new Map<string, Set<string>>();
  for (const { pack, file, path } of packFiles(dir, root)) {
    const problems: TerritoryProblem[] = [];
    const reader = new YamlReader(file, readFileSync(path, 'utf8'), problems);
    if (!SLUG.test(pack)) reader.problem(null, 'error', `le dossier « ${pack} » doit être nommé en minuscules, chiffres et tirets (ex. roubaix).`);
    const fields = reader.root === null ? undefined : reader.fields(reader.root, 'le fichier', ['territory', 'offices', 'notes']);
    fields?.text('territory', 'le nom du territoire, ex. « Ville de Roubaix »');
    const seen = idsByPack.get(pack) ?? new Set<string>();
    idsByPack.set(pack, seen);
    const offices = fields?.list('offices').map((node) => readOffice(reader, node, pack, deps, seen)) ?? [];
    const notes = fields?.list('notes').map((node) => readNote(reader, node, pack, deps)) ?? [];
    result.problems.push(...problems.sort((a, b) => a.line - b.line || a.column - b.column));
    if (problems.some((p) => p.severity === 'error')) continue;
    result.offices.push(...offices.filter((o): o is TerritoryOffice => o !== undefined));
    result.notes.push(...notes.filter((n): n is TerritoryNote => n !== undefined));
  }
  return result;
}
