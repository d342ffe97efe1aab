import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { ROUBAIX_CPAM, bulkRecord, fixtureDir, writeBulkFile } from '../knowledge/annuaire-fixtures';
import { bundledContext, converse, textOf } from '../helpers/brain';
import type { EngineContext } from '../../bot/engine/step';

// Tuesday 13 January 2026, 10 h in Paris: the fixture CPAM is open until noon.
const NOW = new Date('2026-01-13T09:00:00Z');

let dir: string;
let withImport: EngineContext;
const withoutImport: EngineContext = { ...bundledContext(NOW), knowledge: createKnowledge({ annuaireIndex: null }) };

beforeAll(async () => {
  dir = fixtureDir();
  const { index } = await buildAnnuaireIndex(writeBulkFile(dir, [bulkRecord(ROUBAIX_CPAM)]), bundledCatalog().canonicalId);
  const path = join(dir, 'annuaire-index.json');
  writeAnnuaireIndex(path, index);
  withImport = { ...bundledContext(NOW), knowledge: createKnowledge({ annuaireIndex: path, log: () => undefined }) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cpamOf = (ctx: EngineContext, messages: string[]) => {
  const turns = converse(messages, ctx);
  const last = turns[turns.length - 1];
  const orientation = last.replies.find((r) => r.orientation)?.orientation;
  return { turns, last, cpam: orientation?.services.find((s) => s.id === 'cpam') };
};

describe('the local office, where the annuaire has been imported', () => {
  test('"j\'ai perdu ma carte vitale, j\'habite à Roubaix" gives the CPAM that serves Roubaix, with its hours now', () => {
    const { turns, last, cpam } = cpamOf(withImport, ["j'ai perdu ma carte vitale, j'habite à Roubaix", 'non']);
    expect(textOf(turns[0])).toMatch(/agriculture/);
    const office = cpam?.offices?.[0];
    expect(office?.name).toBe(ROUBAIX_CPAM.nom);
    expect(office?.address?.join(' ')).toMatch(/1 place de l'Exemple/);
    expect(office?.openNow).toBe("Ouvert maintenant, jusqu'à 12 h");
    expect(office?.source.title).toMatch(/Annuaire/);
    expect(textOf(last)).toMatch(/Ouvert maintenant/);
    expect(last.replies[0].orientation?.commune?.code).toBe('59512');
  });

  test('when the commune is not in the message, the bot asks it, then answers', () => {
    const { turns, cpam } = cpamOf(withImport, ["j'ai perdu ma carte vitale", 'non', '59100']);
    expect(textOf(turns[1])).toMatch(/Dans quelle commune/);
    expect(cpam?.offices?.[0].name).toBe(ROUBAIX_CPAM.nom);
  });

  test('a person who prefers not to say gets the national contact instead', () => {
    const { cpam } = cpamOf(withImport, ["j'ai perdu ma carte vitale", 'non', 'passer']);
    expect(cpam?.offices).toBeUndefined();
    expect(cpam?.nationalPhone).toBe('36 46');
  });
});

describe('without an imported annuaire', () => {
  test('the same message gets the national contact and the official lookup link, and no address', () => {
    const { last, cpam } = cpamOf(withoutImport, ["j'ai perdu ma carte vitale, j'habite à Roubaix", 'non']);
    expect(cpam?.offices).toBeUndefined();
    expect(cpam?.nationalPhone).toBe('36 46');
    expect(cpam?.lookup?.url).toMatch(/^https:\/\/lannuaire\.service-public\.gouv\.fr\//);
    expect(cpam?.missingData).toBeTruthy();
    expect(textOf(last)).not.toMatch(/place de l'Exemple/);
  });
});
