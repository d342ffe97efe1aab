import type { Command } from '../engine/commands';
import type { SmallTalk } from '../engine/small-talk';
import { MESSAGES, type Messages } from '../messages';
import type { TreeProblem } from '../trees/loader';
import type { Position } from '../trees/types';
import type { DateWords } from '../../knowledge/date-words';
import { foldText } from '../../knowledge/text';
import { buildMessages, MESSAGE_KEYS, PLACEHOLDERS } from './catalog';
import { readDates } from './dates';
import { factProblems } from './facts';
import { asRecord, asStrings, asText, type YamlFile } from './yaml-file';

// One language's dialogs/lang/<code>/messages.yaml: fixed texts, the words of dates and opening
// hours, commands, yes and no, small talk and the glosses of office names (whose names stay in French). Checked against
// the French catalog: keys, placeholders, numbers.

export interface LanguagePack {
  code: string;
  /** the language's name in itself */
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Messages;
  /** where each translated fixed text is written, for checks that report on it (SMS length) */
  messagePositions: Partial<Record<keyof Messages, Position>>;
  /** how dates, sources' dates and opening hours are written */
  dates: DateWords;
  /** folded whole message -> command */
  commands: Map<string, Command>;
  yes: string[];
  no: string[];
  /** folded whole message -> small talk */
  smallTalk: Map<string, SmallTalk>;
  /** service id -> a short gloss of its French name */
  glosses: Record<string, string>;
}

const COMMANDS: Command[] = ['stop', 'help', 'restart', 'menu', 'back', 'skip', 'notThat'];
const TALK: SmallTalk[] = ['greeting', 'thanks', 'done', 'goOn', 'confused', 'somethingElse', 'dontKnow', 'ratherNotSay'];
const TOP_FIELDS = new Set(['lang', 'name', 'dir', 'messages', 'dates', 'commands', 'yes', 'no', 'small_talk', 'services']);

export function readPack(code: string, file: YamlFile, knownServices: (id: string) => boolean, problems: TreeProblem[]): LanguagePack {
  const report = (path: (string | number)[], message: string, severity: TreeProblem['severity'] = 'error') =>
    problems.push({ ...file.pos(path), severity, message: `langue « ${code} » : ${message}` });
  const { data } = file;
  for (const key of Object.keys(data)) if (!TOP_FIELDS.has(key)) report([key], `champ inconnu « ${key} ». Champs possibles : ${[...TOP_FIELDS].join(', ')}.`);
  if (data.lang !== code) report(['lang'], `« lang: ${String(data.lang)} » ne correspond pas au dossier « ${code} ».`);
  const dir = data.dir === 'rtl' ? 'rtl' : 'ltr';
  if (data.dir !== undefined && data.dir !== 'rtl' && data.dir !== 'ltr') report(['dir'], '« dir » vaut « ltr » ou « rtl » (arabe).');

  const templates: Record<string, string> = {};
  const messagePositions: LanguagePack['messagePositions'] = {};
  for (const [key, value] of Object.entries(asRecord(data.messages))) {
    const text = asText(value);
    if (!(key in MESSAGES)) report(['messages', key], `message inconnu « ${key} » (voir bot/messages.ts).`);
    else if (text === undefined) report(['messages', key], `« ${key} » doit être un texte.`);
    else {
      templates[key] = text;
      messagePositions[key as keyof Messages] = file.pos(['messages', key]);
      checkMessage(key as keyof Messages, text, (message, severity) => report(['messages', key], message, severity), file.pos(['messages', key]), problems);
    }
  }
  const missing = MESSAGE_KEYS.filter((key) => templates[key] === undefined && MESSAGES[key] !== '');
  if (missing.length > 0) report(['messages'], `traduction manquante de ${missing.length} message(s), dits en français : ${missing.join(', ')}.`, 'warning');

  const commands = new Map<string, Command>();
  for (const [key, value] of Object.entries(asRecord(data.commands))) {
    if (!COMMANDS.includes(key as Command)) report(['commands', key], `commande inconnue « ${key} » (${COMMANDS.join(', ')}).`);
    else for (const phrase of asStrings(value)) commands.set(foldText(phrase), key as Command);
  }
  const smallTalk = new Map<string, SmallTalk>();
  for (const [key, value] of Object.entries(asRecord(data.small_talk))) {
    if (!TALK.includes(key as SmallTalk)) report(['small_talk', key], `« ${key} » inconnu (${TALK.join(', ')}).`);
    else for (const phrase of asStrings(value)) smallTalk.set(foldText(phrase), key as SmallTalk);
  }
  const glosses: Record<string, string> = {};
  for (const [id, value] of Object.entries(asRecord(data.services))) {
    if (!knownServices(id)) report(['services', id], `service inconnu « ${id} » (voir knowledge/catalog/services.yaml).`);
    glosses[id] = asText(value) ?? '';
  }
  return {
    code,
    name: asText(data.name) ?? code,
    dir,
    messages: buildMessages(templates),
    messagePositions,
    dates: readDates(data.dates, (path, message, severity) => report(['dates', ...path], message, severity)),
    commands,
    yes: asStrings(data.yes).map(foldText),
    no: asStrings(data.no).map(foldText),
    smallTalk,
    glosses,
  };
}

function checkMessage(key: keyof Messages, text: string, report: (m: string, s?: TreeProblem['severity']) => void, pos: Position, problems: TreeProblem[]) {
  const name = PLACEHOLDERS[key];
  const french = MESSAGES[key];
  if (name && !text.includes(`{${name}}`)) report(`« ${key} » doit contenir « {${name}} », remplacé par la valeur.`);
  const frenchText = typeof french === 'function' ? (french as (v: string) => string)('') : french;
  problems.push(...factProblems(text, frenchText, pos, `message « ${key} »`));
}
