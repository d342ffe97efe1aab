import type { Knowledge } from '../../knowledge/types';
import type { TreeSource } from '../trees/files';
import type { TreeProblem } from '../trees/loader';
import type { Intent, Trees } from '../trees/types';
import { registerMessages } from './catalog';
import { addPolarWords } from '../engine/answer';
import { numbersIn } from './facts';
import { localizeIntents, type Localized } from './localize';
import { type LanguagePack, readPack } from './pack';
import { asRecord, asText, parsedYamlFile, readYamlFile, type ParsedYaml, type YamlFile } from './yaml-file';

// The languages besides French, read from dialogs/lang/: a language is supported once its
// folder has a messages.yaml. Its trees are the French ones, translated (localize.ts); its
// emergency signals join the one detector of the French trees, so danger is found whatever
// language the person writes in. dialogs/lang/unsupported.yaml: one fixed sentence for
// each language the bot does not read.

export interface LanguageTrees {
  pack: LanguagePack;
  trees: Trees;
  /** ids of the needs translated, the only ones the matcher reads in this language */
  translated: Set<string>;
}

const LANGUAGE_FILE = /(?:^|\/)lang\/([a-z]{2,3})\/([^/]+)\.ya?ml$/;
const UNSUPPORTED_FILE = /(?:^|\/)lang\/unsupported\.ya?ml$/;
/** what every fixed sentence must give: the European emergency number, 114 by SMS, Allô Service Public */
const REQUIRED_NUMBERS = ['112', '114', '3939'];

export interface FixedSentence {
  text: string;
  dir: 'ltr' | 'rtl';
}

export const isLanguageSource = (file: string) => LANGUAGE_FILE.test(file) || UNSUPPORTED_FILE.test(file);

export interface Languages {
  languages: Map<string, LanguageTrees>;
  /** language code -> the fixed sentence in that language */
  unsupported: Map<string, FixedSentence>;
}

/** Reads every language file, lays the translations over `trees` and adds their signals to its intents. */
export function loadLanguages(
  /** the files as written, or as a compiled snapshot keeps them (parsed and checked) */
  sources: (TreeSource | ParsedYaml)[],
  trees: Omit<Trees, 'languages' | 'unsupported'>,
  knowledge: Knowledge,
  problems: TreeProblem[],
  /** false when the French intents already carry the languages' signals (a compiled snapshot) */
  { addSignals: merge = true } = {},
): Languages {
  const byCode = new Map<string, { pack?: YamlFile; files: YamlFile[] }>();
  const unsupported = new Map<string, FixedSentence>();
  const read = (source: TreeSource | ParsedYaml) => ('data' in source ? parsedYamlFile(source) : readYamlFile(source.file, source.text, problems));
  for (const source of sources) {
    if (UNSUPPORTED_FILE.test(source.file)) {
      const file = read(source);
      if (file) readUnsupported(file, unsupported, problems);
      continue;
    }
    const [, code, name] = LANGUAGE_FILE.exec(source.file) ?? [];
    if (!code) continue;
    const file = read(source);
    if (!file) continue;
    const entry = byCode.get(code) ?? { files: [] };
    if (name === 'messages') entry.pack = file;
    else entry.files.push(file);
    byCode.set(code, entry);
  }
  const languages = new Map<string, LanguageTrees>();
  for (const [code, { pack: packFile, files }] of byCode) {
    if (!packFile) {
      problems.push({
        ...files[0].pos([]),
        severity: 'error',
        message: `langue « ${code} » : il manque dialogs/lang/${code}/messages.yaml (les textes fixes).`,
      });
      continue;
    }
    const pack = readPack(code, packFile, (id) => knowledge.service(id) !== undefined, problems);
    registerMessages(code, pack.messages, pack.dir, pack.dates);
    addPolarWords(pack.yes, pack.no);
    const localize = () => localizeIntents(code, trees.intents, trees.themes, files, problems, packFile.pos([]), { signals: merge });
    if (!merge) {
      languages.set(code, localizedOnFirstUse(pack, trees, localize));
      continue;
    }
    const local = localize();
    addSignals(trees, local.signals, local.safety);
    languages.set(code, { pack, ...localTrees(trees, local) });
  }
  return { languages, unsupported };
}

/** A language's needs as its matcher and replies read them: the French trees with the translations laid over. */
function localTrees(trees: Omit<Trees, 'languages' | 'unsupported'>, local: Localized): Omit<LanguageTrees, 'pack'> {
  const byId = new Map<string, Intent>(local.intents.map((i) => [i.id, i]));
  return { trees: { ...trees, intents: local.intents, byId, themes: local.themes }, translated: local.translated };
}

/**
 * Trees already checked (a compiled snapshot, a worker's result): each language's needs are
 * translated on the first message in that language. Laying seven languages over 2,500 needs
 * took over 100 ms in one go on the thread that answers citizens, at every reload.
 */
function localizedOnFirstUse(pack: LanguagePack, trees: Omit<Trees, 'languages' | 'unsupported'>, localize: () => Localized): LanguageTrees {
  // the French trees as they are now: the caller adds `languages` to them afterwards
  const french = { ...trees };
  let local: Omit<LanguageTrees, 'pack'> | undefined;
  const read = () => (local ??= localTrees(french, localize()));
  return {
    pack,
    get trees() {
      return read().trees;
    },
    get translated() {
      return read().translated;
    },
  };
}

function addSignals(
  trees: Omit<Trees, 'languages' | 'unsupported'>,
  signals: ReturnType<typeof localizeIntents>['signals'],
  safety: ReturnType<typeof localizeIntents>['safety'],
) {
  for (const [id, { sure, unsure, not }] of signals) {
    const intent = trees.byId.get(id);
    if (!intent) continue;
    intent.signals.push(...sure);
    intent.unsureSignals.push(...unsure);
    intent.notSignals.push(...not);
  }
  for (const [name, words] of safety.groups) trees.safety.groups.set(name, [...(trees.safety.groups.get(name) ?? []), ...words]);
  trees.safety.past.push(...safety.past);
  trees.safety.now.push(...safety.now);
  trees.safety.figurative.push(...safety.figurative);
  trees.safety.question.push(...safety.question);
  trees.safety.negations.push(...safety.negations);
}

function readUnsupported(file: YamlFile, into: Map<string, FixedSentence>, problems: TreeProblem[]) {
  for (const [code, value] of Object.entries(asRecord(file.data.sentences))) {
    const text = asText(value) ?? asText(asRecord(value).text);
    const pos = file.pos(['sentences', code]);
    if (!text) {
      problems.push({ ...pos, severity: 'error', message: `phrase fixe « ${code} » : texte manquant.` });
      continue;
    }
    const numbers = new Set(numbersIn(text));
    const missing = REQUIRED_NUMBERS.filter((n) => !numbers.has(n));
    if (missing.length > 0)
      problems.push({ ...pos, severity: 'error', message: `phrase fixe « ${code} » : il manque ${missing.join(', ')} (112, 114 par SMS, 39 39).` });
    into.set(code, { text, dir: asRecord(value).dir === 'rtl' ? 'rtl' : 'ltr' });
  }
}
