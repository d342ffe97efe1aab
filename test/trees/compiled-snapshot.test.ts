import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { DIALOGS_DIR } from '../../app/runtime';
import { compiledCache, loadCompiled } from '../../bot/trees/compiled-cache';
import { TreeRegistry } from '../../bot/trees/registry';
import { detectEmergency } from '../../bot/safety/detector';
import type { LoadedTrees } from '../../bot/trees/packed';

// A restart with unchanged trees reads the compiled snapshot instead of parsing, checking and
// indexing them again; an edited tree gives another key, and the trees are compiled anew.

const knowledge = createKnowledge({ annuaireIndex: null, territoriesDir: null });
const MESSAGES = [
  'J’ai perdu ma carte d’identité',
  'jai perdu mon passport',
  'la caf me réclame de l’argent',
  'je suis au chômage depuis hier',
  'lecole de mon fils refuse de l inscrire',
  'mon propriétaire ne rend pas la caution',
  'il me frappe et menace de me tuer',
  'bonjour',
];

/** Everything a person would get from these trees: the matcher's answers and the emergency check. */
const answers = ({ trees, matcher }: LoadedTrees) =>
  MESSAGES.map((text) => {
    const { normalized, words, candidates } = matcher.match(text, 5);
    const emergency = detectEmergency(trees, text);
    return {
      normalized,
      words,
      candidates: candidates.map((c) => [c.intent.id, c.score, c.matched]),
      emergency: emergency && [emergency.intent.id, emergency.sure],
    };
  });

const withoutLoadTime = ({ trees }: LoadedTrees) => ({
  ...trees,
  loadedAt: undefined,
  // each other language's trees are the French ones translated, loaded at the same time
  languages: [...(trees.languages ?? [])].map(([code, { pack, trees: local, translated }]) => [
    code,
    {
      // fixed texts with a placeholder, a day's number and a time of day are functions: compared by what they say
      pack: {
        ...pack,
        messages: Object.entries(pack.messages).map(([key, text]) => [key, typeof text === 'function' ? (text as (value: string) => string)('x') : text]),
        dates: { ...pack.dates, dayOfMonth: [1, 2].map(pack.dates.dayOfMonth), time: [510, 720].map(pack.dates.time) },
      },
      trees: { ...local, loadedAt: undefined },
      translated,
    },
  ]),
});

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialogs-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'trees-cache-'));
  cpSync(DIALOGS_DIR, dir, { recursive: true });
  // The generated needs would only make each load slower: the curated trees show the same.
  rmSync(join(dir, 'service-public'), { recursive: true, force: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the compiled trees snapshot', () => {
  test('a start with unchanged trees reads the snapshot and answers exactly as trees compiled afresh', () => {
    const fresh = loadCompiled(dir, knowledge);
    const first = loadCompiled(dir, knowledge, compiledCache(cacheDir));
    expect(first.fromSnapshot).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(1);

    const second = loadCompiled(dir, knowledge, compiledCache(cacheDir));
    expect(second.fromSnapshot).toBe(true);
    expect(answers(second.loaded!)).toEqual(answers(fresh.loaded!));
    expect(withoutLoadTime(second.loaded!)).toEqual(withoutLoadTime(fresh.loaded!));
    expect(second.problems).toEqual(fresh.problems);
  });

  test('an edited tree is compiled again, and its new example is understood', () => {
    const cache = compiledCache(cacheDir);
    const registry = new TreeRegistry(dir, knowledge, cache);
    const phrase = 'mon dromadaire est tombé malade';
    expect(registry.current.matcher.match(phrase).candidates.map((c) => c.intent.id)).not.toContain('passeport');

    const path = join(dir, 'identite.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace("      - j'ai perdu mon passeport", `      - j'ai perdu mon passeport\n      - ${phrase}`));
    const edited = loadCompiled(dir, knowledge, cache);
    expect(edited.fromSnapshot).toBe(false);
    expect(edited.loaded!.matcher.match(phrase).candidates[0].intent.id).toBe('passeport');
    expect(answers(edited.loaded!)).toEqual(answers(loadCompiled(dir, knowledge).loaded!));

    // The registry's reload reads the snapshot the edit just wrote.
    registry.reload();
    expect(registry.current.matcher.match(phrase).candidates[0].intent.id).toBe('passeport');
    expect(loadCompiled(dir, knowledge, cache).fromSnapshot).toBe(true);
  });

  test('a damaged snapshot is not read: the trees are compiled and the snapshot written again', () => {
    const warnings: string[] = [];
    const cache = compiledCache(cacheDir, (message) => warnings.push(message));
    loadCompiled(dir, knowledge, cache);
    const [file] = readdirSync(cacheDir);
    appendFileSync(join(cacheDir, file), '}garbage');

    const again = loadCompiled(dir, knowledge, cache);
    expect(again.fromSnapshot).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('unreadable')]);
    expect(answers(again.loaded!)).toEqual(answers(loadCompiled(dir, knowledge).loaded!));
    expect(loadCompiled(dir, knowledge, cache).fromSnapshot).toBe(true);
  });

  test('trees with an error are not written: the error shows on every start', () => {
    writeFileSync(join(dir, 'zz-casse.yaml'), 'theme: casse\ntitle: Cassé\nintents:\n  - id: casse\n    title: Cassé\n');
    const cache = compiledCache(cacheDir);
    const result = loadCompiled(dir, knowledge, cache);
    expect(result.loaded).toBeUndefined();
    expect(result.problems.some((p) => p.severity === 'error' && p.file.endsWith('zz-casse.yaml'))).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
