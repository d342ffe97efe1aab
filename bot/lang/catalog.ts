import { type DateWords, FRENCH_WORDS } from '../../knowledge/date-words';
import { filled } from '../../knowledge/template';
import { MESSAGES, type Messages } from '../messages';

// Every language's fixed texts, French (bot/messages.ts) filling whatever a catalog lacks.
// A translator writes templates in dialogs/lang/<code>/messages.yaml; a French function
// there is a template with one named placeholder here (« {city} »).

/** The placeholder each function of the French catalog takes, by key. */
export const PLACEHOLDERS: Partial<Record<keyof Messages, string>> = {
  themeMenu: 'theme',
  askArrondissement: 'city',
  arrondissementUnknown: 'city',
  tooLong: 'max',
  inDanger: 'line',
  goTo: 'services',
};

export const MESSAGE_KEYS = Object.keys(MESSAGES) as (keyof Messages)[];

/** A catalog from a language's templates, French where a template is missing. */
export function buildMessages(templates: Record<string, string>): Messages {
  const built: Record<string, unknown> = { ...MESSAGES };
  for (const key of MESSAGE_KEYS) {
    const template = templates[key];
    if (template === undefined) continue;
    const name = PLACEHOLDERS[key];
    built[key] = name ? (value: unknown) => filled(template, { [name]: String(value) }) : template;
  }
  return built as Messages;
}

// The catalogs of the languages loaded last (bot/trees/loader.ts registers them). Channels
// render a reply in its own language (Reply.lang) without being handed the trees.
const catalogs = new Map<string, { messages: Messages; dir: 'ltr' | 'rtl'; dates: DateWords }>();

export function registerMessages(lang: string, messages: Messages, dir: 'ltr' | 'rtl' = 'ltr', dates: DateWords = FRENCH_WORDS): void {
  catalogs.set(lang, { messages, dir, dates });
}

/** Every language with a catalog, French first: what the web chat's own words are taken from. */
export const registeredLanguages = (): [string, { messages: Messages; dir: 'ltr' | 'rtl' }][] => [['fr', { messages: MESSAGES, dir: 'ltr' }], ...catalogs];

/** The fixed texts of a language; French for French, for undefined and for a language without a catalog. */
export const messagesFor = (lang?: string): Messages => (lang && catalogs.get(lang)?.messages) || MESSAGES;

/** How a language writes dates and opening hours; French for French, for undefined and for a language without a catalog. */
export const dateWordsFor = (lang?: string): DateWords => (lang && catalogs.get(lang)?.dates) || FRENCH_WORDS;
