import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatTranscript, readDialogTests, runConversation } from '../../app/agent/dialog-tests';
import { loadBrain } from '../../app/runtime';
import type { Intent, TreeOutcome } from '../../bot/trees/types';
import { createKnowledge } from '../../knowledge';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { communeData } from '../../knowledge/communes/data';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { loadPacks } from '../../knowledge/territories/load';
import { converse } from '../helpers/brain';
import { ROUBAIX_CPAM, bulkRecord, writeBulkFile } from '../knowledge/annuaire-fixtures';

// Territory packs seen from a person's side (the example pack, fictional, with an example
// annuaire) and from an agent's side (what `npm run validate` says of a broken pack).

jest.setTimeout(60_000);
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
// a Monday, 10:00 in Paris: the example permanence is open until noon
const MONDAY_10H = new Date('2026-11-30T10:00:00+01:00');

let dir: string;
let brain: ReturnType<typeof loadBrain>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'territories-'));
  const index = join(dir, 'annuaire-index.json');
  const { index: built } = await buildAnnuaireIndex(writeBulkFile(dir, [bulkRecord(ROUBAIX_CPAM)]), bundledCatalog().canonicalId);
  writeAnnuaireIndex(index, built);
  brain = loadBrain({ annuaireIndex: index, territoriesDir: FIXTURES, log: () => {} });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the need and outcome as knowledge reads them (the trees' own types carry more)
const NEED = { id: 'carte_vitale', title: 'Carte Vitale' } as Intent;
const OUTCOME = { services: ['cpam'], why: 'Exemple.', bring: [], source: { date: '2026-11-02' }, urgent: false, askCommune: false } as unknown as TreeOutcome;
const context = () => ({ ...brain.registry.current, knowledge: brain.knowledge, now: MONDAY_10H });
const orientationOf = (messages: string[]) =>
  converse(messages, context())
    .at(-1)!
    .replies.find((r) => r.orientation)!.orientation!;

describe('a territory office on the orientation', () => {
  test('in Roubaix: the territory office first, with its hours, open now and its own source; the annuaire office next with its own', () => {
    const orientation = orientationOf(["j'ai perdu ma carte vitale", 'non', 'Roubaix']);
    const [territory, annuaire] = orientation.services[0].offices!;
    expect(territory).toMatchObject({
      name: "Permanence CPAM du centre social de l'Exemple (exemple fictif)",
      address: ["Centre social de l'Exemple", "1 rue de l'Exemple"],
      phone: '01 02 03 04 05',
      hours: ['Lundi au vendredi : 8 h 30 - 12 h, 13 h 30 - 17 h'],
      hoursComment: ['Sans rendez-vous le matin.'],
      openNow: "Ouvert maintenant, jusqu'à 12 h",
      accessibility: "Entrée de plain-pied, boucle magnétique à l'accueil.",
      source: { title: "Source d'exemple (fictive)", url: 'https://exemple.invalid/permanences', date: '2026-11-02' },
    });
    expect(annuaire).toMatchObject({ id: ROUBAIX_CPAM.id, source: { title: "Annuaire de l'administration (DILA)" } });
    expect(orientation.notes).toEqual([
      {
        text: 'Exemple fictif : à la permanence, apportez aussi votre attestation de droits.',
        source: { title: "Source d'exemple (fictive)", date: '2026-11-02' },
      },
    ]);
  });

  test('in Wattrelos, the neighbouring commune: the annuaire office only, no note', () => {
    const orientation = orientationOf(["j'ai perdu ma carte vitale", 'non', 'Wattrelos']);
    expect(orientation.services[0].offices!.map((office) => office.id)).toEqual([ROUBAIX_CPAM.id]);
    expect(orientation.notes).toBeUndefined();
  });

  const specs = readDialogTests(join(__dirname, 'conversations'));
  test.each(specs.map((spec) => [spec.name, spec] as const))('conversation test: %s', (_name, spec) => {
    const result = runConversation(spec, context());
    if (!result.passed) throw new Error(`\n${formatTranscript(result)}`);
  });
});

describe('an agent checking a pack', () => {
  const deps = { catalog: bundledCatalog(), communes: communeData, knownNeeds: new Set(['carte_vitale']), today: '2026-11-30' };

  function packWith(yaml: string): string {
    const root = mkdtempSync(join(dir, 'packs-'));
    cpSync(join(FIXTURES, 'exemple'), join(root, 'territories', 'exemple'), { recursive: true });
    writeFileSync(join(root, 'territories', 'exemple', 'guichets.yaml'), yaml);
    return root;
  }

  const BROKEN = [
    'territory: Exemple',
    'offices:',
    '  - id: bus',
    '    name: Bus France Services',
    '    services: [france_services, cpamm]',
    '    communes: ["59100"]',
    '    address: [Place du marché]',
    '    postalCode: "59100"',
    '    city: Roubaix',
    '    hours: lundi 9 h - 12 h ; mardi matin',
    '    source: {title: Mairie}',
    '    verified: 2026-11-02',
    'notes:',
    '  - needs: [carte_vitalle]',
    '    epci: ["123"]',
    '    text: Bonjour',
    '    source: {title: Mairie}',
    '    verified: 2026-11-02',
    '',
  ].join('\n');

  test('each mistake is named at its file, line and column, in French', () => {
    const root = packWith(BROKEN);
    const { problems, offices, notes } = loadPacks(join(root, 'territories'), root, deps);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message.split(' :')[0]}`)).toEqual([
      'territories/exemple/guichets.yaml:5:33 service inconnu « cpamm »',
      'territories/exemple/guichets.yaml:6:16 « 59100 » est le code INSEE de Bousignies, et aussi le code postal de Roubaix',
      'territories/exemple/guichets.yaml:10:12 horaires incompris',
      'territories/exemple/guichets.yaml:14:13 besoin inconnu « carte_vitalle »',
      "territories/exemple/guichets.yaml:15:12 « 123 » n'est pas le numéro SIREN d'une intercommunalité (9 chiffres, ex. 200093201).",
    ]);
    expect(offices).toEqual([]);
    expect(notes).toEqual([]);
  });

  test('an EPCI or a département covers its communes', () => {
    const yaml = [
      'territory: Exemple',
      'notes:',
      '  - services: [cpam]',
      '    epci: ["200093201"]   # Métropole Européenne de Lille',
      '    text: Exemple fictif.',
      '    source: {title: Exemple}',
      '    verified: 2026-11-02',
      '  - services: [caf]',
      '    departements: ["59"]',
      '    text: Exemple fictif.',
      '    source: {title: Exemple}',
      '    verified: 2026-11-02',
      '',
    ].join('\n');
    const root = packWith(yaml);
    const { problems, notes } = loadPacks(join(root, 'territories'), root, deps);
    expect(problems).toEqual([]);
    expect(notes[0].coverage.communes.has('59512')).toBe(true);
    expect(notes[0].coverage.communes.has('62041')).toBe(false);
    expect([...notes[1].coverage.departements]).toEqual(['59']);
  });

  test('npm run validate fails on a broken pack and prints file:line:column', async () => {
    const root = packWith(BROKEN);
    const failed = await run('npm', ['run', '--silent', 'validate'], {
      cwd: ROOT,
      env: { ...process.env, TERRITORIES_DIR: join(root, 'territories') },
      encoding: 'utf8',
    }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/territories\/exemple\/guichets\.yaml:10:12 erreur : horaires incompris : « mardi matin »/);
  });

  test('a reload that finds an error keeps the packs in service; a fixed pack is served at the next reload', () => {
    const root = packWith(readFileSync(join(FIXTURES, 'exemple', 'guichets.yaml'), 'utf8'));
    const file = join(root, 'territories', 'exemple', 'guichets.yaml');
    const knowledge = createKnowledge({ annuaireIndex: null, territoriesDir: join(root, 'territories'), log: () => {} });
    const roubaix = communeData().byCode.get('59512')!;
    const officeNames = () => knowledge.orientation(NEED, OUTCOME, { commune: roubaix, now: MONDAY_10H }).services[0].offices?.map((o) => o.name);
    expect(officeNames()).toEqual(["Permanence CPAM du centre social de l'Exemple (exemple fictif)"]);

    writeFileSync(file, BROKEN);
    expect(knowledge.reloadTerritories().reloaded).toBe(false);
    expect(officeNames()).toEqual(["Permanence CPAM du centre social de l'Exemple (exemple fictif)"]);

    writeFileSync(
      file,
      BROKEN.replace('cpamm', 'cpam')
        .replace('communes: ["59100"]', 'communes: ["59512"]')
        .replace(' ; mardi matin', '')
        .replace('carte_vitalle', 'carte_vitale')
        .replace('"123"', '"200093201"'),
    );
    expect(knowledge.reloadTerritories()).toMatchObject({ reloaded: true, problems: [] });
    expect(officeNames()).toEqual(['Bus France Services']);
  });
});
