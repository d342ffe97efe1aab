// The words a Ministry of Labour fiche is found by. People type short labour-law queries in the
// fiche's own terms (« marchandage », « vae », « le 8 mai », « dpae ») that its long title and
// section headings alone do not hold: the fiche's authors set those terms in bold or list them,
// and define its acronyms in brackets. Measured on test/eval/labour/tuning.yaml.
import { analyze } from '../../bot/nlu/analyze';
import { STOPWORDS } from '../../bot/nlu/stopwords';
import { foldText } from '../../knowledge/text';

export interface FicheText {
  title: string;
  intro?: string;
  sections: { title: string; html?: string }[];
}

/** A key term shorter than this many words reads as a query; longer ones are sentences. */
const MAX_TERM_WORDS = 5;
const MAX_TERM_CHARS = 50;
/**
 * A term whose words stand together in more fiches than this names no fiche in particular
 * (« période d'essai », « branche »); rarer ones (« marchandage », « le 11 novembre ») do.
 */
const MAX_TERM_FICHES = 8;
/** The fiche's most repeated terms: enough to be found by, few enough to stay its own. */
const MAX_TERMS = 12;
/** Phrases a fiche repeats without setting them apart, besides its terms. */
const MAX_PHRASES = 3;
/** A phrase said this many times in a fiche's text is one of its own, bold or not. */
const MIN_REPEATS = 4;
/** Two to this many words: « indemnité de fin de mission ». */
const MAX_PHRASE_WORDS = 4;
/** Words that join clauses, not the words of a name: « jours si le salarié » is no phrase. */
const CLAUSE_WORDS = new Set(['que', 'qui', 'dont', 'mais', 'ou', 'si', 'car', 'lorsque', 'sont', 'est', 'ainsi', 'ci']);
/** Bold words that only draw the eye: « À savoir », « Exemple », « Attention »... */
const EMPHASIS =
  /^(a savoir|bon a savoir|savoir|exemple|attention|important|remarque|nota|par exception|en revanche|toutefois|cependant|en effet|ou|et|a defaut)\b/;
/** A list item's lead-in (« Pour le décès d'un enfant »): the term is what follows. */
const LEAD = /^(pour|par|en cas de|dans le cas de)\s+|^(en cas d|dans le cas d)['’]\s*/i;
/** The bold part of a sentence cut mid-way: it starts with a linking word or a possessive (« son aptitude au travail »), or ends on a number. */
const FRAGMENT =
  /^(de|du|d|chez|non|ni|s|si|dans|avec|sans|sur|sous|des|a|au|aux|en|entre|selon|lorsque|quand|qui|que|dont|ou|ans|et|mais|il|elle|ils|ce|ces|cette|son|sa|ses|leur|leurs)\b|\d$/;
/** Words a phrase cut mid-way ends on (« le père salarié ainsi que »). */
const DANGLING = new Set([
  'que',
  'qui',
  'ainsi',
  'dont',
  'mais',
  'ou',
  'si',
  'car',
  'lorsque',
  'notamment',
  'par',
  'avec',
  'dans',
  'sans',
  'entre',
  'sont',
  'est',
]);
/** Words that say how many or how long, not what: « trois ans », « 24 heures » name no topic. */
const QUANTITY =
  /^(\d+|er|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|premier|premiere|ans?|annees?|mois|jours?|semaines?|heures?|plus|moins|fois|euros?|€|%|hebdomadaires?|mensuels?)$/;
/** The words the matcher will weigh (its stop words out: « soit », « à », « un »), quantities out too, as stems. */
const contentWords = (term: string) =>
  analyze(term)
    .terms.filter((t) => !t.negation && !QUANTITY.test(t.word))
    .map((t) => t.stem);
/**
 * Two words that name something together (« travail dissimulé »), not one word and its article:
 * a single word, even in bold, is as often an everyday one (« constats », « stress », « banque »)
 * that would send any story using it to the fiche. Acronyms are the exception.
 */
export const isCompound = (term: string) => new Set(contentWords(term)).size >= 2;
const isAcronym = (term: string) => /^[A-Z]{2,6}$/.test(term);
/** Small words an acronym's letters may skip (« compte personnel de formation » is CPF). */
const LINKING = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'pour', 'par', 'au', 'aux', 'a', 'sur', 'un', 'une']);

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|\p{Cc}/gu, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const html = (f: FicheText) => [f.intro ?? '', ...f.sections.map((s) => s.html ?? '')].join(' ');

/**
 * The title as people shorten it: its head before « : » or « | », without its bracketed aside,
 * and the acronym in brackets on its own (« La validation des acquis de l'expérience (VAE) »).
 */
export function titleVariants(title: string): string[] {
  const acronyms = [...title.matchAll(/\(([A-Z][A-Z0-9-]{1,7})\)/g)].map((m) => m[1]);
  const bare = title.replace(/\s*\([^)]*\)/g, '').trim();
  // the head only: what follows is often « définition et mise en place », « Questions-réponses »
  const head = bare.split(/\s+[:|–]\s+/)[0];
  return [...new Set([bare, ...(head.includes(' ') ? [head] : []), ...acronyms])].filter((v) => v !== title);
}

/** A bold or listed phrase cleaned to a query-like term, or undefined when it is no term. */
function asTerm(raw: string): string | undefined {
  const term = plain(raw)
    .replace(/^[\s:;,.!?«»"-]+|[\s:;,.!?«»"-]+$/g, '')
    .replace(LEAD, '')
    .trim();
  const folded = foldText(term);
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_TERM_WORDS || term.length > MAX_TERM_CHARS || folded.length < 3) return undefined;
  if (contentWords(term).length === 0) return undefined;
  if (
    EMPHASIS.test(folded) ||
    FRAGMENT.test(folded) ||
    /\d{3,}|X{3}/.test(term) ||
    LINKING.has(words[words.length - 1]) ||
    DANGLING.has(words[words.length - 1])
  )
    return undefined;
  if ((term.match(/\(/g) ?? []).length !== (term.match(/\)/g) ?? []).length) return undefined;
  return term;
}

/**
 * The fiche's bold, listed and tabled terms, by folded form; an enumeration gives each of its
 * items.
 */
function candidateTerms(f: FicheText): Map<string, string> {
  const terms = new Map<string, string>();
  for (const m of html(f).matchAll(/<(strong|li|td|th)\b[^>]*>(.*?)<\/\1>/gs)) {
    for (const item of plain(m[2]).split(/[;,]|\s:\s/)) {
      const term = asTerm(item);
      if (!term || !(isCompound(term) || isAcronym(term))) continue;
      if (!terms.has(foldText(term))) terms.set(foldText(term), term);
    }
  }
  return terms;
}

/**
 * The phrases of two to four words that a fiche's text repeats (« chômage partiel », « maintien
 * de salaire »), by folded form, as first written: within a sentence, beginning and ending on a
 * word the matcher weighs, none that only ever stands inside a longer one.
 */
function repeatedPhrases(f: FicheText): Map<string, string> {
  const text = plain(html(f));
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ folded: foldText(m[0]), start: m.index, end: m.index + m[0].length }));
  const found = new Map<string, { count: number; surface: string }>();
  const bound = (folded: string) => !STOPWORDS.has(folded) && !LINKING.has(folded) && !DANGLING.has(folded) && !QUANTITY.test(folded);
  for (let i = 0; i < words.length; i++) {
    if (!bound(words[i].folded)) continue;
    for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      if (CLAUSE_WORDS.has(last.folded) || !/^[\s'’-]*$/.test(text.slice(words[i + n - 2].end, last.start))) break;
      if (!bound(last.folded)) continue;
      const key = words
        .slice(i, i + n)
        .map((w) => w.folded)
        .join(' ');
      const known = found.get(key);
      if (known) known.count++;
      else found.set(key, { count: 1, surface: text.slice(words[i].start, last.end) });
    }
  }
  const repeated = [...found].filter(([, p]) => p.count >= MIN_REPEATS);
  const inside = (key: string, count: number) => repeated.some(([other, p]) => p.count === count && other !== key && ` ${other} `.includes(` ${key} `));
  const phrases = new Map<string, string>();
  for (const [key, p] of repeated) {
    const term = inside(key, p.count) ? undefined : asTerm(p.surface);
    if (term && isCompound(term)) phrases.set(key, term);
  }
  return phrases;
}

/** The fiche's whole text as folded words: what its terms are counted in. */
const wordsOf = (f: FicheText) => foldText([f.title, ...f.sections.map((s) => s.title), plain(html(f))].join(' ')).split(' ');

/** For each of `keys` (folded terms), how many times each fiche's text holds it. */
function occurrences(fiches: FicheText[], keys: Set<string>): Map<string, number>[] {
  return fiches.map((f) => {
    const counts = new Map<string, number>();
    const words = wordsOf(f);
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= MAX_TERM_WORDS && i + n <= words.length; n++) {
        const key = words.slice(i, i + n).join(' ');
        if (keys.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  });
}

/**
 * Acronyms the fiches define, « déclaration préalable à l'embauche (DPAE) »: folded expansion to
 * acronym, found by reading the words before the bracket back, letter by letter.
 */
export function acronymGlossary(fiches: FicheText[]): Map<string, string> {
  const glossary = new Map<string, string>();
  for (const f of fiches) {
    const text = plain([f.title, ...f.sections.map((s) => s.title), html(f)].join(' '));
    // two letters name too much (« DE », « OS »): only a title's own acronym is trusted that short
    for (const m of text.matchAll(/([^()]{3,120})\(([A-Z]{3,6})\)/g)) {
      const expansion = expand(foldText(m[1]).split(' '), m[2].toLowerCase());
      if (expansion) glossary.set(expansion, m[2]);
    }
  }
  return glossary;
}

function expand(words: string[], letters: string): string | undefined {
  let letter = letters.length - 1;
  let start = words.length;
  while (letter >= 0 && start > 0) {
    const word = words[start - 1];
    if (word[0] === letters[letter]) letter--;
    else if (!LINKING.has(word)) return undefined;
    start--;
  }
  return letter < 0 ? words.slice(start).join(' ') : undefined;
}

/** Builds, over all the fiches at once, the key terms of each: its own, not every fiche's. */
export function keyTermsOf(fiches: FicheText[]): (f: FicheText) => string[] {
  const perFiche = fiches.map(candidateTerms);
  const repeated = fiches.map(repeatedPhrases);
  const counts = occurrences(fiches, new Set([...perFiche, ...repeated].flatMap((terms) => [...terms.keys()])));
  const ficheCount = new Map<string, number>();
  for (const c of counts) for (const key of c.keys()) ficheCount.set(key, (ficheCount.get(key) ?? 0) + 1);
  const glossary = acronymGlossary(fiches);
  const rarity = (key: string) => Math.log(fiches.length / Math.max(ficheCount.get(key) ?? 1, 1));
  return (f) => {
    const at = fiches.indexOf(f);
    const ranked = (candidates: [string, string][], max: number) =>
      candidates
        .filter(([key]) => (ficheCount.get(key) ?? 0) <= MAX_TERM_FICHES)
        .map(([key, term]) => ({ term, weight: (counts[at].get(key) ?? 1) * rarity(key) }))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, max)
        .map((t) => t.term);
    const terms = ranked([...perFiche[at]], MAX_TERMS);
    const phrases = ranked(
      [...repeated[at]].filter(([key]) => !perFiche[at].has(key)),
      MAX_PHRASES,
    );
    // An acronym names the fiches whose title or headings spell it out.
    const headings = ` ${[f.title, ...f.sections.map((s) => s.title)].map(foldText).join(' | ')} `;
    const acronyms = [...glossary].filter(([expansion]) => headings.includes(` ${expansion} `)).map(([, acronym]) => acronym);
    return [...new Set([...terms, ...phrases, ...acronyms])];
  };
}
