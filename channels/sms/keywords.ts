// Words a basic-phone user can send at any time. Twilio has no French opt-out words, so
// the application matches them itself (whole message, any case, with or without accents).

const OPT_OUT = new Set(['STOP', 'STOPALL', 'STOP SMS', 'ARRET', 'ARRETE', 'DESABONNER', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);

const normalize = (text: string) =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').trim().replace(/\s+/g, ' ').toUpperCase();

export const isOptOut = (text: string) => OPT_OUT.has(normalize(text));

/** "0" is the SMS menu key; the engine knows the word "menu". */
export const engineText = (text: string) => (text.trim() === '0' ? 'menu' : text);
