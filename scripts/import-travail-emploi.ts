// `npm run import:travail-emploi`: turns the labour-law fiches of the ministry of Labour
// (@socialgouv/fiches-travail-data, the fiches the Code du travail numérique publishes) into
// generated needs under dialogs/travail-emploi/: one need per fiche, recognised by its title
// and the questions its sections answer. People ask labour-law questions in the ministry's own
// words (« clause de mobilité », « jours de fractionnement »), which no curated need lists.
// The output is sorted, so the same package version always gives the same file.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../app/runtime';
import { analyze } from '../bot/nlu/analyze';
import { foldText } from '../knowledge/text';
import { holidayNames } from './travail-emploi/holidays';
import { specificHeadings } from './travail-emploi/headings';
import { keyTermsOf, titleVariants } from './travail-emploi/vocabulary';

interface Section {
  title: string;
  text?: string;
  html?: string;
}
interface LabourFiche {
  pubId: string;
  title: string;
  /** dd/mm/yyyy */
  date: string;
  url: string;
  intro?: string;
  sections: Section[];
}

const OUT_DIR = join(ROOT, 'dialogs', 'travail-emploi');
/** Enough of a fiche's questions to recognise it, few enough to stay precise. */
const MAX_QUESTIONS = 16;

/** A title a phone shows in full: the fiche's, or its head before a colon or a bracket, or cut at a word. */
const MAX_TITLE = 80;
function shortTitle(title: string): string {
  if (title.length <= MAX_TITLE) return title;
  const head = title.split(/ : | \(| \| | – /)[0].trim();
  if (head.length >= 20 && head.length <= MAX_TITLE) return head;
  return `${title.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…`;
}

const isoDate = (date: string) => date.split('/').reverse().join('-');
const slug = (url: string) =>
  url
    .replace(/^.*\//, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 60);

/** The offices a fiche itself names in « Qui contacter ? », beyond the Code du travail numérique. */
function contacts(fiche: LabourFiche): string[] {
  const text = fiche.sections.find((s) => /^qui contacter/i.test(s.title))?.text ?? '';
  const services = ['code_travail_numerique'];
  if (/inspection du travail|inspecteur du travail|DDETS|DREETS/i.test(text)) services.push('ddets');
  if (/France Travail/i.test(text)) services.push('pole_emploi');
  return services;
}

/** A phrase as the matcher reads it: its stems, so that « assistant maternel » is « assistante maternelle ». */
const asRead = (phrase: string) =>
  analyze(phrase)
    .terms.map((t) => t.stem)
    .join(' ');

/**
 * The keywords and synonyms of the curated needs (dialogs/*.yaml), as the matcher reads them: a
 * short term one of them already owns (« rqth », « cotorep ») is left to it, or the fiche would
 * tie with the need agents wrote for it and the bot would ask which one is meant.
 */
function curatedPhrases(): Set<string> {
  const dir = join(ROOT, 'dialogs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const intents = files.flatMap(
    (f) => (parse(readFileSync(join(dir, f), 'utf8')) as { intents?: { keywords?: string[]; synonyms?: string[] }[] }).intents ?? [],
  );
  return new Set(intents.flatMap((i) => [...(i.keywords ?? []), ...(i.synonyms ?? [])]).map(asRead));
}

interface Vocabulary {
  keyTerms: (f: LabourFiche) => string[];
  headings: (f: LabourFiche) => string[];
  curated: Set<string>;
}

function ficheIntent(fiche: LabourFiche, { keyTerms, headings, curated }: Vocabulary) {
  const keywords = [fiche.title, ...titleVariants(fiche.title).filter((v) => !curated.has(asRead(v)))];
  const said = new Set(keywords.map(foldText));
  const holidays = /jours fériés/i.test(fiche.title) ? holidayNames() : [];
  const terms = [...keyTerms(fiche), ...holidays].filter((t) => !said.has(foldText(t)) && !curated.has(asRead(t)));
  const questions = headings(fiche);
  const date = isoDate(fiche.date);
  return {
    id: `te_${slug(fiche.url)}`,
    title: shortTitle(fiche.title),
    keywords,
    ...(terms.length > 0 ? { synonyms: terms } : {}),
    ...(questions.length > 0 ? { examples: questions.slice(0, MAX_QUESTIONS) } : {}),
    outcome: {
      services: contacts(fiche),
      why: 'Le ministère du Travail répond à cette question dans sa fiche en ligne.',
      online: { label: 'Fiche du ministère du Travail', url: fiche.url },
      source: { url: fiche.url, title: 'Ministère du Travail, travail-emploi.gouv.fr', date },
    },
  };
}

function main() {
  const fiches = JSON.parse(readFileSync(require.resolve('@socialgouv/fiches-travail-data/data/fiches-travail.json'), 'utf8')) as LabourFiche[];
  const vocabulary = { keyTerms: keyTermsOf(fiches), headings: specificHeadings(fiches), curated: curatedPhrases() };
  const byId = new Map<string, ReturnType<typeof ficheIntent>>();
  for (const fiche of fiches) {
    const intent = ficheIntent(fiche, vocabulary);
    // A few fiches are published twice (two audiences): the newer one wins.
    const known = byId.get(intent.id);
    if (!known || known.outcome.source.date < intent.outcome.source.date) byId.set(intent.id, intent);
  }
  const intents = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  mkdirSync(OUT_DIR, { recursive: true });
  const header =
    '# Généré par « npm run import:travail-emploi » depuis @socialgouv/fiches-travail-data (fiches du ministère du Travail). Ne pas modifier à la main.\n';
  const body = stringify({ theme: 'emploi', title: 'Emploi, travail, retraite et entreprise', generated: true, intents }, { lineWidth: 0 });
  writeFileSync(join(OUT_DIR, 'droit-du-travail.yaml'), header + body);
  console.log(`${intents.length} besoins générés dans dialogs/travail-emploi/droit-du-travail.yaml.`);
}

main();
