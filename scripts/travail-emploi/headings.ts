// The section headings of a Ministry of Labour fiche that may stand for a question people ask.
// Most headings are the page's furniture (« Documents », « Ressources », « À savoir ») or a
// question any fiche asks (« Quels sont les risques ? », « Quelle est la procédure ? »): as a
// phrase of the need, such a heading is covered by one everyday word of a story (« les documents
// demandés ») and sends it to the fiche. A heading is kept when it names something in two words
// the matcher weighs and few fiches share it (« Le coup de chaleur, qu'est-ce que c'est ? »).
import { foldText } from '../../knowledge/text';
import { isCompound, type FicheText } from './vocabulary';

/** Sections every fiche has, or links out: they say nothing of what the fiche is about. */
const BOILERPLATE =
  /^(dernieres actualites|qui contacter|textes de reference|sources reglementaires|services en ligne|modeles de documents|documents a telecharger|telechargement|a lire|lire en complement|articles associes|pour en savoir plus|en savoir plus|pour aller plus loin|ressources|glossaire|video)\b/;
/** A heading this many fiches share is the navigation of a series (« Salariés détachés : vos droits »). */
const MAX_HEADING_FICHES = 3;

/** Builds, over all the fiches at once, the headings that are each fiche's own questions. */
export function specificHeadings(fiches: (FicheText & { url?: string })[]): (f: FicheText) => string[] {
  // a fiche published twice (two audiences) counts once
  const fichesOf = new Map<string, Set<string>>();
  for (const f of fiches)
    for (const s of f.sections) {
      const key = foldText(s.title);
      fichesOf.set(key, (fichesOf.get(key) ?? new Set()).add(f.url ?? f.title));
    }
  return (f) => {
    const headings = f.sections
      .map((s) => s.title.trim())
      .filter((t) => {
        const key = foldText(t);
        return t && t !== f.title && !BOILERPLATE.test(key) && isCompound(t) && (fichesOf.get(key)?.size ?? 0) <= MAX_HEADING_FICHES;
      });
    return [...new Set(headings)];
  };
}
