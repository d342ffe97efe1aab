import { foldText } from '../../knowledge/text';
import type { LanguagePack } from '../lang/pack';

// Words a person can write at any time, on every channel, decoded here and nowhere else.
// The opt-out words include the carriers' usual ones (Twilio has no French ones), so that a
// basic-phone user who writes STOP SMS or ARRÊT is forgotten like any other.

export type Command = 'stop' | 'help' | 'restart' | 'menu' | 'back' | 'skip' | 'notThat';

const COMMANDS: Record<string, Command> = {
  stop: 'stop',
  arret: 'stop',
  arrete: 'stop',
  arreter: 'stop',
  desabonner: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  'stop sms': 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  revoke: 'stop',
  optout: 'stop',
  aide: 'help',
  help: 'help',
  info: 'help',
  '?': 'help',
  recommencer: 'restart',
  'recommencer a zero': 'restart',
  reset: 'restart',
  'nouvelle question': 'restart',
  menu: 'menu',
  '0': 'menu',
  themes: 'menu',
  'liste des themes': 'menu',
  retour: 'back',
  'revenir en arriere': 'back',
  precedent: 'back',
  // "je sais pas", "je préfère pas dire"... are small talk (small-talk.ts), understood wherever they come
  passer: 'skip',
};
const NOT_THAT = /^(non )?(ce n est pas ca|c est pas ca|pas ca|ce n est pas cela|ca ne correspond pas|mauvaise reponse|faux)$/;

/**
 * The command a whole message is, given its folded form ("?" folds to nothing: the raw text is
 * kept). French commands work in every language; a language's own come first.
 */
export function commandOf(folded: string, pack?: LanguagePack): Command | undefined {
  return pack?.commands.get(folded) ?? COMMANDS[folded] ?? (NOT_THAT.test(folded) ? 'notThat' : undefined);
}

/** STOP and its synonyms, in every language: honoured before any limit, because the person asked to be forgotten. */
export const asksToBeForgotten = (text: string, packs: Iterable<LanguagePack> = []): boolean => {
  const folded = foldText(text) || text.trim();
  return commandOf(folded) === 'stop' || [...packs].some((pack) => pack.commands.get(folded) === 'stop');
};
