import type { Messages } from '../messages';
import type { LanguagePack } from '../lang/pack';

// What people write around their problem rather than about it: "bonjour", "merci", "je
// comprends pas", "autre chose", "je sais pas", "je préfère pas dire", an insult. Each
// gets a fitting short reply instead of "pas compris" or, worse, a guess ("merci" is not
// the commune of Mercy, "je sais pas" not Saissac, "autre chose" not a need).

export type SmallTalk = 'greeting' | 'thanks' | 'done' | 'goOn' | 'confused' | 'somethingElse' | 'dontKnow' | 'ratherNotSay';

// Said alone, or with "madame", "s'il vous plaît"...: removed before reading the rest.
const POLITENESS = /\b(madame|monsieur|mademoiselle|svp|s il vous plait|s il te plait|stp|a vous|a toi|encore|beaucoup|bien|infiniment)\b/g;

const WHOLE_MESSAGES: [SmallTalk, RegExp][] = [
  [
    'greeting',
    /^(bonjour|bonsoir|salut|hello|coucou|bjr|slt|allo|hey|hi|yo|bonjour bonjour|re|rebonjour|bonjour a tous|bonjour je voudrais un renseignement|j ai une question|je voudrais un renseignement|une question)$/,
  ],
  [
    'thanks',
    /^(ok |oui |d accord |parfait |super |tres )?(merci|mercii+|mrc|thanks|thank you|au revoir|bonne journee|bonne soiree|a bientot|c est gentil|c est note|parfait|super)( (merci|au revoir|bonne journee|bonne soiree))*$/,
  ],
  // after "Avez-vous une autre question ?"
  [
    'done',
    /^(non|nan|non merci|non c est tout|c est tout|non rien|rien|non ca ira|ca ira|c est bon|non c est bon|pas d autre question|non pas d autre question)( merci)?$/,
  ],
  ['goOn', /^(oui|ouais|ok|d accord|oui j ai une (autre )?question|oui une autre question|oui encore une question)$/],
  [
    'confused',
    /^(je (ne )?comprends? (pas|rien)|j (ai|ai pas|ai rien) compris|je n ai (pas|rien) compris|comprends? pas|pas compris|rien compris|c est quoi|quoi|hein|pardon|comment ca|je suis perdue?|je ne sais pas quoi (faire|repondre|ecrire)|je sais pas quoi (faire|repondre|ecrire)|que faut il (faire|repondre|ecrire))$/,
  ],
  [
    'somethingElse',
    /^(autre chose|autre|autres|une autre chose|c est autre chose|aucun|aucune|aucun des deux|aucune des deux|ni l un ni l autre|rien de tout ca|rien de ca|aucun choix|autre question|j ai une autre question|autre demande)$/,
  ],
  [
    'dontKnow',
    /^((euh|ben|bah) )?(je (ne )?sais (pas|plus)|j sais pas|sais pas|chais pas|jsp|aucune idee|je n en sais rien|j en sais rien|pas sur|je ne suis pas sur|je suis pas sur|je ne sais pas trop|je sais pas trop|je connais pas|je ne connais pas)$/,
  ],
  [
    'ratherNotSay',
    /^(je (ne )?(prefere|veux|souhaite) (pas|ne pas|pas le|ne pas le)( (dire|repondre|donner|communiquer|preciser))?|pas envie de (le )?(dire|repondre)|je ne (le )?dirai pas|je (ne )?(le )?dirai pas|ca ne vous regarde pas|ca vous regarde pas|secret|confidentiel|pas de commune|sans commune)$/,
  ],
];

// Common French insults, by the word: a message that insults and says nothing else gets a calm answer.
const INSULTS = /\b(con|conne|connard|connasse|abruti|abrutie|cretin|imbecile|merde|putain|fdp|encule|salope|salaud|batard|ta gueule|tg)\b/;
// Words that insult only when said of the bot: "t'es nul", not "je suis nul en informatique".
const SAID_OF_THE_BOT =
  /\b(t es|tu es|vous etes|t etes|c est|ce robot est|ce bot est|ton truc est|votre truc est)( vraiment| trop| completement| totalement)? (nul|nulle|inutile|pourri|debile|idiot|idiote|bete)\b/;

/** The small talk a whole message is, once folded (in French, or in the conversation's language); undefined when it says something else. */
export function smallTalkOf(folded: string, pack?: LanguagePack): SmallTalk | undefined {
  const local = pack?.smallTalk.get(folded);
  if (local) return local;
  const plain = folded.replace(POLITENESS, ' ').replace(/\s+/g, ' ').trim();
  return WHOLE_MESSAGES.find(([, pattern]) => pattern.test(plain))?.[0];
}

export const hasInsult = (folded: string): boolean => INSULTS.test(folded) || SAID_OF_THE_BOT.test(folded);

/** What the bot answers to small talk outside a question: the catalog's key. */
const TALK_REPLIES: Record<SmallTalk, keyof Messages> = {
  greeting: 'greeting',
  thanks: 'thanks',
  done: 'done',
  goOn: 'goOn',
  confused: 'confused',
  somethingElse: 'somethingElseAsked',
  dontKnow: 'dontKnow',
  ratherNotSay: 'dontKnow',
};

/** What the bot says before asking its question again, when the answer was small talk. */
const TALK_BEFORE_QUESTION: Record<Exclude<SmallTalk, 'somethingElse'>, keyof Messages> = {
  greeting: 'hello',
  thanks: 'youAreWelcome',
  done: 'confusedAnswer',
  goOn: 'confusedAnswer',
  confused: 'confusedAnswer',
  dontKnow: 'dontKnowAnswer',
  ratherNotSay: 'dontKnowAnswer',
};

export const talkReply = (say: Messages, talk: SmallTalk) => say[TALK_REPLIES[talk]] as string;
export const talkBeforeQuestion = (say: Messages, talk: Exclude<SmallTalk, 'somethingElse'>) => say[TALK_BEFORE_QUESTION[talk]] as string;
