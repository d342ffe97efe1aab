// What each channel can show. The renderers read only this table, so the engine never
// knows which channel it talks to, and a new channel is one more row.

export interface ChannelCapabilities {
  /** longest text one outgoing message may carry, in characters */
  maxTextLength: number;
  /** choices as tappable buttons; otherwise a numbered list answered by number */
  buttons: boolean;
  maxButtons: number;
  /** a longer title turns the whole choice list into numbered text */
  maxButtonTitleLength: number;
  /** web links may be shown (map, online procedure, source page) */
  links: boolean;
  /** lightweight markup understood by the client */
  markup: 'none' | 'markdown';
  /** between paragraphs: a blank line where space is cheap, a line break on SMS */
  paragraphBreak: string;
  /** SMS only: transliterate to the GSM-7 alphabet and count segments */
  charset: 'unicode' | 'gsm7';
  /** SMS only: most segments one reply may use */
  maxSegments?: number;
}

export type ChannelId = 'sms' | 'messenger' | 'whatsapp' | 'whatsapp-twilio' | 'botframework';

export const CAPABILITIES: Record<ChannelId, ChannelCapabilities> = {
  // Basic phones: no buttons, no links, 3 concatenated GSM-7 segments (3 x 153 characters).
  sms: {
    maxTextLength: 459,
    buttons: false,
    maxButtons: 0,
    maxButtonTitleLength: 0,
    links: false,
    markup: 'none',
    paragraphBreak: '\n',
    charset: 'gsm7',
    maxSegments: 3,
  },
  // Send API: text 2000 characters, at most 13 quick replies titled in 20 characters.
  messenger: {
    maxTextLength: 2000,
    buttons: true,
    maxButtons: 13,
    maxButtonTitleLength: 20,
    links: true,
    markup: 'none',
    paragraphBreak: '\n\n',
    charset: 'unicode',
  },
  // WhatsApp Cloud API: text 4096 characters. Choices go out as reply buttons (3 at most,
  // titled in 20 characters) or as a list (10 rows at most, titled in 24): whatsapp/outbound.ts.
  whatsapp: {
    maxTextLength: 4096,
    buttons: true,
    maxButtons: 10,
    maxButtonTitleLength: 24,
    links: true,
    markup: 'none',
    paragraphBreak: '\n\n',
    charset: 'unicode',
  },
  // WhatsApp through Twilio's SMS webhook: TwiML carries no buttons; one message holds 1600
  // characters of any script (no GSM-7, no segments).
  'whatsapp-twilio': {
    maxTextLength: 1600,
    buttons: false,
    maxButtons: 0,
    maxButtonTitleLength: 0,
    links: true,
    markup: 'none',
    paragraphBreak: '\n\n',
    charset: 'unicode',
  },
  // Bot Framework suggested actions; the Emulator and Web Chat render markdown.
  botframework: {
    maxTextLength: 4000,
    buttons: true,
    maxButtons: 10,
    maxButtonTitleLength: 50,
    links: true,
    markup: 'markdown',
    paragraphBreak: '\n\n',
    charset: 'unicode',
  },
};
