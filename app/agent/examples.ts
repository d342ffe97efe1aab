import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { foldText } from '../../knowledge/text';
import type { TreeSource } from '../../bot/trees/files';

// Adds a citizen's phrase to an intent's examples, in the YAML file an agent wrote: the file
// keeps its comments and layout. Only the new text is made here; the shared trees
// (app/trees/shared.ts) validate it off the request path and store it for every process.

export type ExampleEdit = { ok: true; file: string; before: string; after: string } | { ok: false; message: string };

/** the yaml options that write back an unchanged document byte for byte */
const KEEP_LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

export function planExample(sources: TreeSource[], intentId: string, phrase: string): ExampleEdit {
  const example = phrase.trim().replace(/\s+/g, ' ');
  if (!example) return { ok: false, message: 'La phrase est vide.' };
  const found = findIntent(sources, intentId);
  if (!found) return { ok: false, message: `Le besoin « ${intentId} » n'existe dans aucun fichier des arbres.` };
  const { file, original, doc, intent } = found;
  if (doc.get('generated') === true)
    return {
      ok: false,
      message: `Le besoin « ${intentId} » vient d'un fichier importé automatiquement : ajoutez l'exemple à un besoin écrit à la main.`,
    };

  const examples = intent.get('examples', true);
  const existing = isSeq(examples) ? examples.items.map((i) => String(isScalar(i) ? i.value : '')) : isScalar(examples) ? [String(examples.value)] : [];
  if (existing.some((e) => foldText(e) === foldText(example))) return { ok: false, message: `« ${example} » est déjà un exemple de « ${intentId} ».` };

  if (isSeq(examples)) examples.add(doc.createNode(example));
  else if (isScalar(examples)) intent.set('examples', doc.createNode([String(examples.value), example]));
  else insertAfter(intent, ['synonyms', 'keywords', 'title'], doc.createPair('examples', [example]));
  return { ok: true, file, before: original, after: doc.toString(KEEP_LAYOUT) };
}

function findIntent(sources: TreeSource[], intentId: string): { file: string; original: string; doc: Document; intent: YAMLMap } | undefined {
  for (const { file, text: original } of sources) {
    if (!original.includes(intentId)) continue;
    const doc = parseDocument(original);
    const intents = doc.get('intents', true);
    if (!isSeq(intents)) continue;
    const intent = intents.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === intentId);
    if (intent) return { file, original, doc, intent };
  }
  return undefined;
}

function insertAfter(map: YAMLMap, keys: string[], pair: ReturnType<Document['createPair']>) {
  for (const key of keys) {
    const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    if (index >= 0) {
      map.items.splice(index + 1, 0, pair as (typeof map.items)[number]);
      return;
    }
  }
  map.items.push(pair as (typeof map.items)[number]);
}
