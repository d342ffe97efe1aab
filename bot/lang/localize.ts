import type { TreeProblem } from '../trees/loader';
import type { Intent, Position, SafetyVocabulary, Signal, TreeOutcome, TreeQuestion, Theme } from '../trees/types';
import { parseSignal } from '../safety/pattern';
import { factProblems } from './facts';
import { asRecord, asStrings, asText, type YamlFile } from './yaml-file';
import { hasLexicon, lexiconOf } from '../nlu/lexicon';
import { analyzerFor } from './analyze';
import { foldText } from '../../knowledge/text';

// One language's translations of the curated trees (dialogs/lang/<code>/<theme>.yaml), laid
// over the French needs by id: the result is the same needs, services and sources, with the
// words a person reads and types in that language. Whatever is not translated stays French
// for reading and is left out for matching (French look-alikes mislead: « licencia »).

export interface Localized {
  intents: Intent[];
  /** the needs translated: the only ones matched in this language */
  translated: Set<string>;
  themes: Theme[];
  /** emergency signals written in this language, added to the one detector */
  signals: Map<string, { sure: Signal[]; unsure: Signal[]; not: Signal[] }>;
  safety: Omit<SafetyVocabulary, 'groups'> & { groups: Map<string, string[]> };
}

type Report = (pos: Position, message: string, severity?: TreeProblem['severity']) => void;

const baseName = (file: string) => file.replace(/^.*\//, '');

/**
 * `where`: the language's messages.yaml, where what has no translation file yet is reported;
 * `signals`: false when the French needs and the detector already carry this language's signals
 * (compiled trees): they are then neither read nor checked again.
 */
export function localizeIntents(
  code: string,
  french: Intent[],
  themes: Theme[],
  files: YamlFile[],
  problems: TreeProblem[],
  where: Position,
  { signals = true } = {},
): Localized {
  const report: Report = (pos, message, severity = 'error') => problems.push({ ...pos, severity, message: `traduction « ${code} » : ${message}` });
  const byId = new Map(french.map((i) => [i.id, i]));
  const translated = new Map<string, { file: YamlFile; data: Record<string, unknown> }>();
  const themeTitles = new Map<string, string>();
  const result: Localized = {
    intents: [],
    translated: new Set(),
    themes: [],
    signals: new Map(),
    safety: { groups: new Map(), past: [], now: [], figurative: [], question: [], negations: [] },
  };

  for (const file of files) {
    const theme = themes.find((t) => baseName(t.file) === baseName(file.file));
    if (!theme) {
      report(file.pos([]), `aucun fichier français « dialogs/${baseName(file.file)} » : le nom du fichier doit être celui du thème traduit.`);
      continue;
    }
    const title = asText(file.data.title);
    if (title) themeTitles.set(theme.id, title);
    if (signals) readSafety(file, result, report);
    for (const [id, value] of Object.entries(asRecord(file.data.intents))) {
      const intent = byId.get(id);
      if (!intent || baseName(intent.pos.file) !== baseName(file.file))
        report(file.pos(['intents', id]), `le besoin « ${id} » n'existe pas dans dialogs/${baseName(file.file)}.`);
      else translated.set(id, { file, data: asRecord(value) });
    }
  }

  const untranslated = new Map<string, string[]>();
  for (const intent of french) {
    const entry = translated.get(intent.id);
    if (!entry) {
      if (!intent.generated) untranslated.set(intent.pos.file, [...(untranslated.get(intent.pos.file) ?? []), intent.id]);
      result.intents.push(frenchOnly(intent));
      continue;
    }
    const local = translateIntent(intent, entry.file, entry.data, report, frenchNamesFor(code));
    result.intents.push(local);
    result.translated.add(intent.id);
    if (intent.urgent && signals) result.signals.set(intent.id, readSignals(entry.file, intent.id, entry.data, report));
  }
  // reported on the translation's side: its file for this theme, or the language's messages.yaml
  for (const [file, ids] of untranslated) {
    const translation = files.find((f) => baseName(f.file) === baseName(file));
    report(translation?.pos([]) ?? where, `traduction manquante pour ${file} : ${ids.length} besoin(s), ${ids.join(', ')}.`, 'warning');
  }
  result.themes = themes.map((t) => ({ ...t, title: themeTitles.get(t.id) ?? t.title }));
  return result;
}

/** A need with no translation: read in French, never matched in this language. */
const frenchOnly = (intent: Intent): Intent => ({ ...intent, keywords: [], synonyms: [], situations: [], examples: [], exclude: [] });

/** Languages written in Latin letters, where a French word may also be a word of their own. */
const LATIN_SCRIPT = new Set(['en', 'es', 'pt', 'it', 'nl', 'de']);

/**
 * The French names of a need (its French keywords: « avis d'imposition », « titre de séjour »,
 * « CAF ») are what newcomers copy inside their own language, from the letters and the offices'
 * doors: each translated need is also matched on them. Left out: a name of several words
 * read as one (English drops « France » as small talk: « France Services » would be any
 * « service »), and, in a language written in Latin letters, a one-word name that may be a word
 * of that language (English « location », « caution », « bail »; without a dictionary, any word
 * without an accent: Spanish « licencia » stems like « licenciement »).
 */
function frenchNamesFor(code: string): (keywords: string[]) => string[] {
  const analyze = analyzerFor(code);
  const mayBeOwnWord = (word: string, name: string) => LATIN_SCRIPT.has(code) && (hasLexicon(code) ? lexiconOf(code).has(word) : !/[^\p{ASCII}]/u.test(name));
  return (keywords) =>
    keywords.filter((name) => {
      const words = foldText(name).split(' ').filter(Boolean);
      const read = analyze(name).terms.length;
      return words.length > 1 ? read >= 2 : read === 1 && !mayBeOwnWord(words[0], name);
    });
}

function translateIntent(intent: Intent, file: YamlFile, data: Record<string, unknown>, report: Report, frenchNames: (keywords: string[]) => string[]): Intent {
  const at = (...path: (string | number)[]) => file.pos(['intents', intent.id, ...path]);
  const title = asText(data.title);
  if (!title) report(at(), `besoin « ${intent.id} » : titre (title) manquant.`, 'warning');
  const phrases = (key: string) => asStrings(data[key]);
  if (!intent.urgent && phrases('keywords').length + phrases('examples').length === 0)
    report(at(), `besoin « ${intent.id} » : ni keywords ni examples : il ne sera jamais reconnu dans cette langue.`, 'warning');
  const questions: Record<string, TreeQuestion> = {};
  const translatedQuestions = asRecord(data.questions);
  for (const key of Object.keys(translatedQuestions))
    if (!intent.questions[key]) report(at('questions', key), `la question « ${key} » n'existe pas dans le besoin « ${intent.id} ».`);
  for (const question of Object.values(intent.questions)) {
    questions[question.id] = translateQuestion(
      intent.id,
      question,
      asRecord(translatedQuestions[question.id]),
      (...p) => at('questions', question.id, ...p),
      report,
    );
  }
  const outcomes: Record<string, TreeOutcome> = {};
  const single = data.outcome !== undefined;
  const translatedOutcomes = single ? { resultat: data.outcome } : asRecord(data.outcomes);
  for (const key of Object.keys(translatedOutcomes))
    if (!intent.outcomes[key]) report(at('outcomes', key), `le résultat « ${key} » n'existe pas dans le besoin « ${intent.id} ».`);
  for (const outcome of Object.values(intent.outcomes)) {
    const path = single ? ['outcome'] : ['outcomes', outcome.id];
    outcomes[outcome.id] = translateOutcome(intent.id, outcome, asRecord(translatedOutcomes[outcome.id]), at(...path), report);
  }
  return {
    ...intent,
    title: title ?? intent.title,
    keywords: [...new Set([...phrases('keywords'), ...frenchNames(intent.keywords)])],
    synonyms: phrases('synonyms'),
    situations: phrases('situations'),
    examples: phrases('examples'),
    exclude: phrases('exclude'),
    questions,
    outcomes,
  };
}

function translateQuestion(
  intentId: string,
  question: TreeQuestion,
  data: Record<string, unknown>,
  at: (...p: (string | number)[]) => Position,
  report: Report,
): TreeQuestion {
  const text = asText(data.text);
  if (!text) {
    report(at(), `besoin « ${intentId} » : question « ${question.id} » non traduite.`, 'warning');
    return question;
  }
  for (const p of factProblems(text, question.text, at('text'), `besoin « ${intentId} », question « ${question.id} »`)) report(p, p.message, p.severity);
  const choices = Array.isArray(data.choices) ? data.choices.map(asRecord) : [];
  if (choices.length !== question.choices.length)
    report(at('choices'), `question « ${question.id} » : ${question.choices.length} réponses en français, ${choices.length} ici.`);
  return {
    ...question,
    pos: at(),
    text,
    choices: question.choices.map((choice, i) => {
      const local = choices[i] ?? {};
      if (choices[i] && local.next !== choice.next)
        report(
          at('choices', i),
          `question « ${question.id} », réponse ${i + 1} : « next: ${String(local.next)} » au lieu de « ${choice.next} » (même ordre qu'en français).`,
        );
      const label = asText(local.label);
      // the French words keep working as answers, in any language
      return { ...choice, label: label ?? choice.label, synonyms: [...asStrings(local.synonyms), ...(label ? [choice.label] : []), ...choice.synonyms] };
    }),
  };
}

function translateOutcome(intentId: string, outcome: TreeOutcome, data: Record<string, unknown>, pos: Position, report: Report): TreeOutcome {
  const why = asText(data.why);
  const bring = asStrings(data.bring);
  const what = `besoin « ${intentId} », résultat « ${outcome.id} »`;
  if (!why) report(pos, `${what} : « why » non traduit.`, 'warning');
  else for (const p of factProblems(why, outcome.why, pos, `${what}, why`)) report(p, p.message, p.severity);
  if (bring.length > 0) for (const p of factProblems(bring, outcome.bring, pos, `${what}, bring`)) report(p, p.message, p.severity);
  else if (outcome.bring.length > 0) report(pos, `${what} : « bring » non traduit.`, 'warning');
  const online = asText(data.online);
  return {
    ...outcome,
    // problems found later (an answer over three SMS) point to the translation
    ...(why ? { pos } : {}),
    why: why ?? outcome.why,
    bring: bring.length > 0 ? bring : outcome.bring,
    online: outcome.online && online ? { ...outcome.online, label: online } : outcome.online,
  };
}

function signalList(file: YamlFile, path: (string | number)[], value: unknown, report: Report): Signal[] {
  return asStrings(value).map((text, i) => {
    const pos = file.pos([...path, i]);
    const parsed = parseSignal(text);
    if (parsed.error) report(pos, `signal « ${text} » : ${parsed.error}`);
    return { text, pos };
  });
}

function readSignals(file: YamlFile, id: string, data: Record<string, unknown>, report: Report) {
  const path = ['intents', id];
  return {
    sure: signalList(file, [...path, 'signals'], data.signals, report),
    unsure: signalList(file, [...path, 'unsure_signals'], data.unsure_signals, report),
    not: signalList(file, [...path, 'not_signals'], data.not_signals, report),
  };
}

function readSafety(file: YamlFile, into: Localized, report: Report) {
  const groups = Array.isArray(file.data.signal_groups) ? file.data.signal_groups.map(asRecord) : [];
  for (const group of groups) {
    const name = asText(group.name) ?? '';
    into.safety.groups.set(name, [...(into.safety.groups.get(name) ?? []), ...asStrings(group.words)]);
  }
  into.safety.past.push(...signalList(file, ['past_signals'], file.data.past_signals, report));
  into.safety.now.push(...signalList(file, ['now_signals'], file.data.now_signals, report));
  into.safety.figurative.push(...signalList(file, ['figurative_signals'], file.data.figurative_signals, report));
  into.safety.question.push(...signalList(file, ['question_signals'], file.data.question_signals, report));
  into.safety.negations.push(...asStrings(file.data.negations));
}
