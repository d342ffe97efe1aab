import type { OutcomeFacts } from '../../knowledge/types';
import type { FixedSentence, LanguageTrees } from '../lang/languages';

// The loaded, validated form of the YAML intent trees (see dialogs/README.md for the
// format agents write, and bot/trees/schema.ts for the rules).

/** Where a value was written, so that every message can point an agent to file:line:column. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface TreeChoice {
  label: string;
  synonyms: string[];
  /** id of a question or an outcome of the same intent */
  next: string;
  pos: Position;
}

export interface TreeQuestion {
  id: string;
  text: string;
  choices: TreeChoice[];
  pos: Position;
}

export interface TreeOutcome extends OutcomeFacts {
  id: string;
  pos: Position;
}

/** An emergency signal as an agent wrote it (bot/safety/pattern.ts), and where. */
export interface Signal {
  text: string;
  pos: Position;
}

/** What the emergency detector reads besides the urgent needs' own signals. */
export interface SafetyVocabulary {
  /** « @nom » in a signal: its words, as written (« frapp* ») */
  groups: Map<string, string[]>;
  /** facts placed far in the past (« il y a 5 ans »): no emergency now */
  past: Signal[];
  /** happening now (« en ce moment »): wins over past */
  now: Signal[];
  /** idioms (« mort de rire »): their words count for no signal */
  figurative: Signal[];
  /** a question on a procedure or a case imagined (« comment porter plainte »): asks before the lines */
  question: Signal[];
  /** words that deny a signal (« pas », « jamais ») */
  negations: string[];
}

export interface Intent {
  id: string;
  title: string;
  theme: string;
  keywords: string[];
  synonyms: string[];
  /**
   * the situations a generated need's fiche tells apart (« À Paris », « En première »): answers
   * to its questions rather than names of the need, so they count less than synonyms
   */
  situations: string[];
  examples: string[];
  /** words that, when present, make this intent unlikely (e.g. "étranger" for a France-only need) */
  exclude: string[];
  urgent: boolean;
  /** an urgent need's situations, enough to answer with its lines at once */
  signals: Signal[];
  /** an urgent need's situations that make the bot ask first whether the person is in danger now */
  unsureSignals: Signal[];
  /** situations that show it is not this emergency (« tombée enceinte ») */
  notSignals: Signal[];
  /** first node: a question id or an outcome id */
  start: string;
  questions: Record<string, TreeQuestion>;
  outcomes: Record<string, TreeOutcome>;
  /** generated trees (service-public.fr import) lose to curated ones when both match */
  generated: boolean;
  pos: Position;
}

export interface Theme {
  id: string;
  title: string;
  file: string;
}

export interface Trees {
  intents: Intent[];
  byId: Map<string, Intent>;
  themes: Theme[];
  safety: SafetyVocabulary;
  /** ISO time the trees were loaded */
  loadedAt: string;
  /** the other languages the bot reads: the same needs, translated (bot/lang/languages.ts) */
  languages?: Map<string, LanguageTrees>;
  /** language code -> the fixed sentence said to a person writing in a language the bot does not read */
  unsupported?: Map<string, FixedSentence>;
}
