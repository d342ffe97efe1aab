// Everything the bot says to a citizen, in one place: what the engine answers, what the
// conversation says when it cannot run a turn, what the channels say when the engine cannot be
// asked. Plain French, vouvoiement, short enough for SMS.

export const MESSAGES = {
  welcome:
    "Bonjour, je suis l'assistant automatique Orientation. Décrivez votre problème en quelques mots, par exemple : « j'ai perdu ma carte d'identité ». Je vous dirai quel service peut vous aider.",
  help:
    "Décrivez votre problème en quelques mots, je vous dirai quel service peut vous aider. Vous pouvez écrire à tout moment : MENU pour les thèmes, RETOUR pour la question précédente, RECOMMENCER pour repartir de zéro, STOP pour effacer notre conversation.",
  empty: "Je n'ai pas reçu de texte. Décrivez votre problème en quelques mots.",
  forgotten:
    "C'est noté : notre conversation est effacée et je ne garde rien de vous. Pour reprendre plus tard, écrivez simplement votre question.",
  restarted: "Très bien, repartons de zéro. Décrivez votre problème en quelques mots.",
  rephrase:
    "Je n'ai pas bien compris. Pouvez-vous dire votre problème autrement, en quelques mots ? Par exemple : « ma CAF me réclame de l'argent ».",
  menu: 'Choisissez un thème :',
  themeMenu: (theme: string) => `${theme} : de quoi s'agit-il ?`,
  humanHelp:
    "Je ne parviens pas à vous aider par écrit. Une personne peut le faire : l'espace France Services le plus proche vous aide pour toutes les démarches, gratuitement. Vous pouvez aussi appeler Allô Service Public au 39 39, en semaine.",
  disambiguate: 'Votre demande peut concerner plusieurs choses. Laquelle ?',
  somethingElse: 'Autre chose',
  notAnAnswer: "Je n'ai pas compris votre réponse. Répondez avec le numéro ou les mots d'un choix.",
  noPrevious: "Il n'y a pas de question précédente. Décrivez votre problème en quelques mots.",
  notThat: "D'accord, ce n'était pas la bonne réponse. Pouvez-vous décrire votre problème autrement ?",
  askCommune:
    "Dans quelle commune habitez-vous ? Écrivez son nom ou son code postal. Si vous préférez ne pas le dire, écrivez PASSER.",
  communeUnknown: "Je ne trouve pas cette commune. Écrivez son code postal (par exemple 59100), ou PASSER.",
  communeWhich: 'Plusieurs communes portent ce nom. Laquelle ?',
  tooLong: (max: number) => `Votre message est très long. Pouvez-vous le résumer en moins de ${max} caractères ?`,
  anythingElse: 'Avez-vous une autre question ? Décrivez-la en quelques mots.',
  // when a normal turn cannot run: short enough for one or two SMS
  unavailable:
    'Désolé, un incident technique m’empêche de vous répondre. Réessayez dans quelques minutes. ' +
    'Vous pouvez aussi appeler Allô Service Public au 39 39. En cas d’urgence, appelez le 112.',
  rateLimited: 'Vous envoyez beaucoup de messages. Attendez un moment, puis réessayez.',
  expired: 'Notre conversation précédente a expiré. Reprenons.',
  /** a photo, a sticker, a voice message: channels answer without asking the engine */
  textOnly: 'Je ne lis que les messages écrits. Décrivez votre besoin en quelques mots.',
} as const;
