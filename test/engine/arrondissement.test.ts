import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createKnowledge } from '../../knowledge';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../../knowledge/annuaire/import';
import { bundledCatalog } from '../../knowledge/catalog/catalog';
import { bulkRecord, fixtureDir, writeBulkFile } from '../knowledge/annuaire-fixtures';
import { bundledContext, converse, textOf } from '../helpers/brain';
import type { EngineContext } from '../../bot/engine/step';

// Paris, Lyon and Marseille: offices filed by arrondissement. Invented CPAM offices in the
// 11th and 15th arrondissements of Paris; one CAF for the whole of Lyon.

const PARIS_11 = bulkRecord({ id: 'cpam-75111', nom: 'CPAM - Accueil Exemple Paris 11e', type: 'cpam', commune: '75111' });
const PARIS_15 = bulkRecord({ id: 'cpam-75115', nom: 'CPAM - Accueil Exemple Paris 15e', type: 'cpam', commune: '75115' });
const LYON = bulkRecord({ id: 'caf-69123', nom: 'Caf - Accueil Exemple Lyon', type: 'caf', commune: '69123' });

let dir: string;
let ctx: EngineContext;

beforeAll(async () => {
  dir = fixtureDir();
  const { index } = await buildAnnuaireIndex(writeBulkFile(dir, [PARIS_11, PARIS_15, LYON]), bundledCatalog().canonicalId);
  const path = join(dir, 'annuaire-index.json');
  writeAnnuaireIndex(path, index);
  ctx = { ...bundledContext(), knowledge: createKnowledge({ annuaireIndex: path, territoriesDir: null, log: () => undefined }) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const officesOf = (messages: string[], service: string) => {
  const turns = converse(messages, ctx);
  const orientation = turns.at(-1)!.replies.find((r) => r.orientation)?.orientation;
  return { turns, offices: orientation?.services.find((s) => s.id === service)?.offices?.map((o) => o.name) };
};

test('"j\'ai perdu ma carte vitale, j\'habite Paris 11e" shows the office of the 11th arrondissement', () => {
  const { offices } = officesOf(["j'ai perdu ma carte vitale, j'habite Paris 11e", 'non'], 'cpam');
  expect(offices).toEqual(['CPAM - Accueil Exemple Paris 11e']);
});

test('"Paris" alone: the bot asks the arrondissement, then shows its office', () => {
  const { turns, offices } = officesOf(["j'ai perdu ma carte vitale", 'non', 'Paris', '15e'], 'cpam');
  expect(textOf(turns[2])).toBe('Dans quel arrondissement de Paris habitez-vous ? Écrivez son numéro, par exemple 11. Si vous ne savez pas, écrivez PASSER.');
  expect(offices).toEqual(['CPAM - Accueil Exemple Paris 15e']);
});

test('an answer that is no arrondissement is asked again; PASSER gives the answer for the whole city', () => {
  const { turns } = officesOf(["j'ai perdu ma carte vitale", 'non', 'Paris', '42'], 'cpam');
  expect(textOf(turns[3])).toMatch(/Je ne reconnais pas cet arrondissement de Paris/);
  const skipped = converse(["j'ai perdu ma carte vitale", 'non', 'Paris', 'passer'], ctx).at(-1)!;
  const cpam = skipped.replies.find((r) => r.orientation)!.orientation!.services.find((s) => s.id === 'cpam')!;
  expect(cpam.offices).toBeUndefined();
  expect(cpam.lookup?.url).toContain('lannuaire.service-public.gouv.fr');
});

test('Lyon, whose one office serves every arrondissement: no arrondissement question', () => {
  // "non": the sum claimed is not RSA; "oui": the person agrees with it
  const { turns, offices } = officesOf(['la caf me réclame de l’argent, j’habite à Lyon', 'non', 'oui'], 'caf');
  expect(turns.map(textOf).join('\n')).not.toMatch(/arrondissement/);
  expect(offices).toEqual(['Caf - Accueil Exemple Lyon']);
});
