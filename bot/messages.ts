// Everything the bot says to a citizen, in one place: what the engine answers, what the
// conversation says when it cannot run a turn, what the channels say when the engine cannot be
// asked. Plain French, vouvoiement, short enough for SMS.

export const MESSAGES = {
  welcome:
    "Bonjour, je suis l'assistant automatique Orientation. Décrivez votre problème en quelques mots, par exemple : « j'ai perdu ma carte d'identité ». Je vous dirai quel service peut vous aider.",
  help: 'Décrivez votre problème en quelques mots, je vous dirai quel service peut vous aider. Vous pouvez écrire à tout moment : MENU pour les thèmes, RETOUR pour la question précédente, RECOMMENCER pour repartir de zéro, STOP pour effacer notre conversation.',
  empty: "Je n'ai pas reçu de texte. Décrivez votre problème en quelques mots.",
  forgotten: "C'est noté : notre conversation est effacée et je ne garde rien de vous. Pour reprendre plus tard, écrivez simplement votre question.",
  restarted: 'Très bien, repartons de zéro. Décrivez votre problème en quelques mots.',
  rephrase: "Je n'ai pas bien compris. Pouvez-vous dire votre problème autrement, en quelques mots ? Par exemple : « ma CAF me réclame de l'argent ».",
  menu: 'Choisissez un thème :',
  themeMenu: (theme: string) => `${theme} : de quoi s'agit-il ?`,
  humanHelp:
    "Je ne parviens pas à vous aider par écrit. Une personne peut le faire : l'espace France Services le plus proche vous aide pour toutes les démarches, gratuitement. Vous pouvez aussi appeler Allô Service Public au 39 39, en semaine.",
  disambiguate: 'Votre demande peut concerner plusieurs choses. Laquelle ?',
  somethingElse: 'Autre chose',
  notAnAnswer: "Je n'ai pas compris votre réponse. Choisissez une des réponses proposées, ou écrivez-la avec vos mots.",
  noPrevious: "Il n'y a pas de question précédente. Décrivez votre problème en quelques mots.",
  notThat: "D'accord, ce n'était pas la bonne réponse. Pouvez-vous décrire votre problème autrement ?",
  askCommune: 'Dans quelle commune habitez-vous ? Écrivez son nom ou son code postal. Si vous préférez ne pas le dire, écrivez PASSER.',
  communeUnknown: 'Je ne trouve pas cette commune. Écrivez son code postal (par exemple 59100), ou PASSER.',
  communeWhich: 'Plusieurs communes portent ce nom. Laquelle ?',
  communeWhichPostal: 'Ce code postal couvre plusieurs communes. Laquelle ?',
  communeHelp:
    "J'ai besoin de votre commune pour trouver le guichet le plus proche. Écrivez le nom de votre ville ou village (par exemple « Lille ») ou son code postal (par exemple « 59000 »). Sinon, écrivez PASSER.",
  withoutCommune:
    "D'accord, sans commune. Je ne peux pas vous donner l'adresse du guichet le plus proche : voici le contact national et le lien pour le trouver.",
  askArrondissement: (city: string) =>
    `Dans quel arrondissement de ${city} habitez-vous ? Écrivez son numéro, par exemple 11. Si vous ne savez pas, écrivez PASSER.`,
  arrondissementUnknown: (city: string) => `Je ne reconnais pas cet arrondissement de ${city}. Écrivez son numéro, par exemple 3, ou PASSER.`,
  tooLong: (max: number) => `Votre message est très long. Pouvez-vous le résumer en moins de ${max} caractères ?`,
  // The ladder when the bot does not understand (see flow.ts): suggestions, themes, a person.
  suggest: "Je n'ai pas bien compris. Voulez-vous parler de :",
  // Numbers from the catalog (knowledge/catalog/services.yaml: 17, 112, 114; 3939), itself
  // from the project's reference of service ids; a test checks that they agree.
  emergencyLine: 'En cas de danger, appelez le 17 ou le 112, ou envoyez un SMS au 114.',
  // The one question of bot/safety when a danger signal is not certain: it names the line already.
  inDanger: (line: string) => `Êtes-vous en danger maintenant ? Si oui, appelez tout de suite le ${line}, ou le 112 (SMS au 114 si vous ne pouvez pas parler).`,
  notInDanger: "D'accord. Décrivez votre besoin en quelques mots, je vous dirai quel service peut vous aider.",
  // Small talk (engine/small-talk.ts): alone, or before the question asked again
  greeting: "Bonjour ! Décrivez votre problème en quelques mots, par exemple : « j'ai perdu ma carte d'identité ». Je vous dirai quel service peut vous aider.",
  hello: 'Bonjour !',
  thanks: 'Je vous en prie. Si vous avez une autre question, écrivez-la ici, en quelques mots.',
  youAreWelcome: 'Je vous en prie.',
  done: 'Très bien. Bonne journée ! Si une autre question vous vient, écrivez-la ici.',
  goOn: 'Je vous écoute : décrivez votre question en quelques mots.',
  confused:
    "Je vais faire plus simple. Écrivez avec vos mots ce qui vous arrive, par exemple : « j'ai perdu mes papiers » ou « je n'arrive pas à payer mon loyer ». Vous pouvez aussi écrire MENU pour choisir un thème.",
  confusedAnswer: 'Je vous pose une question pour trouver le bon service. Choisissez une des réponses, ou écrivez-la avec vos mots.',
  somethingElseAsked: "D'accord. De quoi s'agit-il ? Décrivez-le en quelques mots, ou écrivez MENU pour choisir un thème.",
  noChoiceFits: "D'accord, aucune réponse ne convient. Décrivez votre situation autrement, en quelques mots, ou écrivez MENU pour choisir un thème.",
  dontKnow: "Ce n'est pas grave. Dites avec vos mots ce qui vous arrive, ou écrivez MENU pour choisir un thème.",
  dontKnowAnswer: "Ce n'est pas grave. Choisissez la réponse qui vous semble la plus proche, ou écrivez AUTRE CHOSE si aucune ne convient.",
  insult:
    'Je suis un programme et je fais de mon mieux pour vous aider. Dites-moi en quelques mots ce qui vous arrive. Vous pouvez aussi parler à une personne : Allô Service Public, 39 39, en semaine.',
  anythingElse: 'Avez-vous une autre question ? Décrivez-la en quelques mots.',
  // a message that told two needs: the first is answered, the second offered
  alsoLater: (first: string, second: string) => `Commençons par : ${first}. Vous avez aussi parlé de : ${second}, nous y viendrons ensuite.`,
  alsoTold: (need: string) => `Vous avez aussi parlé de : ${need}. Voulez-vous que nous en parlions maintenant ?`,
  alsoNo: 'Non merci',
  alsoYes: 'Oui',
  // when a normal turn cannot run: short enough for one or two SMS
  unavailable:
    'Désolé, un incident technique m’empêche de vous répondre. Réessayez dans quelques minutes. ' +
    'Vous pouvez aussi appeler Allô Service Public au 39 39. En cas d’urgence, appelez le 112.',
  rateLimited: 'Vous envoyez beaucoup de messages. Attendez un moment, puis réessayez.',
  expired: 'Notre conversation précédente a expiré. Reprenons.',
  /** a photo, a sticker, a voice message: channels answer without asking the engine */
  textOnly: 'Je ne lis que les messages écrits. Décrivez votre besoin en quelques mots.',
  /** WhatsApp: the button that opens a list of choices (20 characters at most) */
  showChoices: 'Voir les choix',
  // The words of an orientation as channels write it (bot/engine/render.ts, channels/render/).
  goTo: (services: string) => `adressez-vous à ${services}`,
  or: 'ou',
  phone: 'Téléphone',
  phoneShort: 'Tél.',
  nationalPhone: 'Tél. national',
  noLocalAddress: "Nous n'avons pas l'adresse locale. Numéro national :",
  hours: 'Horaires',
  access: 'Accès',
  map: 'Plan',
  toKnow: 'À savoir',
  toBring: 'À apporter',
  online: 'En ligne',
  urgent: 'URGENT',
  /** knowledge has no address of the office here (in other languages than French, instead of knowledge's French line) */
  missingAddress: "Nous n'avons pas l'adresse locale de ce service : voyez l'Annuaire de l'administration.",
  /** after a numbered list of choices, where there are no buttons (SMS) */
  answerByNumber: 'Répondez par le numéro.',
  /** in other languages: « the official text is in French », before the source line; nothing in French */
  officialFrench: '',
  // The web chat's own words (channels/webchat/public/words.js), per conversation language.
  youSaid: 'Vous avez dit :',
  botSaid: "L'assistant a dit :",
  choicesHint: 'Réponses proposées sous le champ de saisie, ou écrivez votre réponse.',
  choicesLabel: 'Réponses proposées :',
  typing: "L'assistant écrit...",
  sendError: "Erreur : votre message n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.",
  newWindow: '(nouvelle fenêtre)',
  source: 'Source :',
  composerLabel: 'Votre message',
  composerHint: 'Entrée pour envoyer, Maj + Entrée pour aller à la ligne.',
  send: 'Envoyer',
} as const;

/** The French catalog's shape, which every language's catalog has (bot/lang/catalog.ts). */
export type Messages = {
  readonly [K in keyof typeof MESSAGES]: (typeof MESSAGES)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
