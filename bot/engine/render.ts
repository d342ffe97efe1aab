import type { Orientation, ServiceOrientation } from '../../knowledge/types';
import { dateWordsFor } from '../lang/catalog';
import { sourceLine } from '../../knowledge/wording';
import type { LanguagePack } from '../lang/pack';
import { MESSAGES, type Messages } from '../messages';

// The plain-text form of an orientation: what every channel can show as is, and what an
// SMS carries. Channels with cards render the structured orientation instead.

export function orientationText(o: Orientation, say: Messages = MESSAGES, lang?: string): string {
  const words = dateWordsFor(lang);
  const parts: string[] = [];
  const names = o.services.map((s) => s.name);
  parts.push(o.urgent ? `${o.title} : ${o.why}` : `${o.title} : ${say.goTo(joinOr(names, say))}`);
  if (!o.urgent && o.why) parts.push(o.why);
  const first = o.services[0];
  if (first && !o.urgent) parts.push(...serviceLines(first, say));
  for (const note of o.notes ?? []) parts.push(`${say.toKnow} : ${note.text} ${sourceLine(note.source, false, words)}`);
  if (o.bring.length > 0) parts.push(`${say.toBring} : ${o.bring.join(', ')}`);
  if (o.online) parts.push(`${say.online} : ${o.online.label}, ${o.online.url}`);
  const source = o.sources[0];
  if (source) parts.push(officialSource(sourceLine(source, false, words), say));
  return parts.map(sentence).join(' ');
}

/** In another language, the source line first says that the official text is in French. */
export const officialSource = (line: string, say: Messages) => (say.officialFrench ? `${say.officialFrench} ${line}` : line);

function serviceLines(s: ServiceOrientation, say: Messages): string[] {
  const office = s.offices?.[0];
  if (office) {
    const lines = [[office.name, ...(office.address ?? [])].join(', ')];
    if (office.phone) lines.push(`${say.phone} : ${office.phone}`);
    if (office.openNow) lines.push(office.openNow);
    return lines;
  }
  const lines: string[] = [];
  if (s.missingData) lines.push(s.missingData);
  if (s.nationalPhone) lines.push(`${say.phone} : ${s.nationalPhone}`);
  if (s.lookup) lines.push(`${s.lookup.label} : ${s.lookup.url}`);
  return lines;
}

/**
 * A sentence ends with its mark: « . » added unless one is there, « 。 » after Chinese or
 * Japanese (« 。. » read as a typo), nothing after a link (the dot would join the address).
 */
export function sentence(s: string): string {
  const text = s.trim();
  if (/[.!?:…。！？：؟]$/u.test(text) || /https?:\/\/\S+$/.test(text)) return text;
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][)）」』”»\s]*$/u.test(text) ? `${text}。` : `${text}.`;
}

export function joinOr(items: string[], say: Messages = MESSAGES): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${say.or} ${items[items.length - 1]}`;
}

/**
 * Office names stay in French, what the person will read on the door; in another language
 * each is followed by its short gloss (« Caisse d'allocations familiales (CAF) (family benefits
 * office) »), which stands for the catalog's French description, and the catalog's French
 * « no local address » line is said in that language.
 */
export function glossed(o: Orientation, pack: LanguagePack | undefined): Orientation {
  if (!pack) return o;
  const inLanguage = (s: ServiceOrientation): ServiceOrientation => {
    const gloss = pack.glosses[s.id];
    return { ...s, name: gloss ? `${s.name} (${gloss})` : s.name, why: undefined, ...(s.missingData ? { missingData: pack.messages.missingAddress } : {}) };
  };
  return { ...o, services: o.services.map(inLanguage) };
}
