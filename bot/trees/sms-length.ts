// How many SMS segments a text takes, for the validator's "too long for SMS" warning.
// Stand-in until channels/sms (GSM-7 transliteration and segmentation) lands: the lead
// should make the validator use that one.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** characters sent as an escape plus one: they count twice */
const GSM7_EXTENDED = '^{}\\[~]|€';

const SINGLE_SEGMENT = 160;
/** a multi-part SMS loses 7 characters per segment to the concatenation header */
const MULTI_SEGMENT = 153;

/**
 * GSM-7 units of a text, assuming characters outside GSM-7 are transliterated to one
 * character (ê -> e, « -> "), as the SMS channel does.
 */
export function gsm7Units(text: string): number {
  let units = 0;
  for (const char of text) units += GSM7_EXTENDED.includes(char) ? 2 : GSM7_BASIC.includes(char) ? 1 : char === 'œ' || char === 'Œ' ? 2 : 1;
  return units;
}

export function smsSegments(text: string): number {
  const units = gsm7Units(text);
  return units <= SINGLE_SEGMENT ? 1 : Math.ceil(units / MULTI_SEGMENT);
}
