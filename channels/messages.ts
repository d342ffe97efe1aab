// What the channels themselves say, when the engine cannot be asked.
export const CHANNEL_MESSAGES = {
  sorry: "Désolé, une erreur s'est produite de notre côté. Réessayez dans quelques minutes.",
  textOnly: 'Je ne lis que les messages écrits. Décrivez votre besoin en quelques mots.',
} as const;
