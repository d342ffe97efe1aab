import { NOTICES } from '../bot/conversation';

// What the channels themselves say, when the engine cannot be asked.
export const CHANNEL_MESSAGES = {
  /** the same apology as Conversations gives when the state store is away (39 39, 112) */
  sorry: NOTICES.unavailable,
  textOnly: 'Je ne lis que les messages écrits. Décrivez votre besoin en quelques mots.',
} as const;
