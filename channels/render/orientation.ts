import type { Link, Office, Orientation, ServiceOrientation, Source } from '../../knowledge/types';
import type { ChannelCapabilities } from '../capabilities';
import type { DateWords } from '../../knowledge/date-words';
import { dateWordsFor } from '../../bot/lang/catalog';
import { sourceLine as writtenSource } from '../../knowledge/wording';
import type { Messages } from '../../bot/messages';
import { officialSource, sentence } from '../../bot/engine/render';

/**
 * One paragraph of an orientation. Paragraphs with a higher `drop` value go first when a
 * reply is too long for the channel; `drop: 0` is never dropped (where to go, the source).
 */
export interface Block {
  text: string;
  drop: number;
}

function link(item: Link, caps: ChannelCapabilities): string | undefined {
  if (!caps.links) return undefined;
  return caps.markup === 'markdown' ? `[${item.label}](${item.url})` : `${item.label} : ${item.url}`;
}

const sourceLine = (source: Source, caps: ChannelCapabilities, words: DateWords) => writtenSource(source, caps.links, words);

function officeBlocks(office: Office, caps: ChannelCapabilities, essential: boolean, say: Messages, words: DateWords): Block[] {
  const where = [...(office.address ?? []), [office.postalCode, office.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  // the annuaire's date goes with the office it vouches for, and is dropped with it
  const source = essential ? sourceLine(office.source, caps, words) : undefined;
  const core = [office.name, where, office.phone && `${say.phoneShort} ${office.phone}`, office.openNow, source].filter(Boolean).join('\n');
  const blocks: Block[] = [{ text: core, drop: essential ? 0 : 5 }];
  const hours = [...(office.hours ?? []), ...(office.hoursComment ?? [])];
  if (hours.length) blocks.push({ text: `${say.hours} :\n${hours.join('\n')}`, drop: essential ? 3 : 6 });
  if (office.accessibility) blocks.push({ text: `${say.access} : ${office.accessibility}`, drop: essential ? 4 : 6 });
  const map = office.mapUrl && link({ label: say.map, url: office.mapUrl }, caps);
  if (map) blocks.push({ text: map, drop: 4 });
  return blocks;
}

function serviceBlocks(service: ServiceOrientation, caps: ChannelCapabilities, essential: boolean, say: Messages, words: DateWords): Block[] {
  const blocks: Block[] = [{ text: service.name, drop: essential ? 0 : 5 }];
  if (service.why) blocks.push({ text: service.why, drop: essential ? 2 : 5 });
  const [nearest, ...others] = service.offices ?? [];
  if (nearest) blocks.push(...officeBlocks(nearest, caps, essential, say, words));
  for (const office of others) blocks.push(...officeBlocks(office, caps, false, say, words).map((b) => ({ ...b, drop: 7 })));
  if (phoneInsteadOfLookup(service, caps)) {
    // a basic phone cannot follow the annuaire's link: the national number is what helps
    blocks.push({ text: `${say.noLocalAddress} ${service.nationalPhone}`, drop: essential ? 0 : 5 });
    return blocks;
  }
  if (!nearest) {
    const lookup = service.lookup && link(service.lookup, caps);
    const missing = [service.missingData, lookup].filter(Boolean).join('\n');
    if (missing) blocks.push({ text: missing, drop: essential ? 1 : 6 });
  }
  if (service.nationalPhone) blocks.push({ text: `${say.nationalPhone} : ${service.nationalPhone}`, drop: essential && !nearest ? 0 : 5 });
  return blocks;
}

const phoneInsteadOfLookup = (service: ServiceOrientation, caps: ChannelCapabilities): boolean =>
  !caps.links && !service.offices?.length && service.nationalPhone !== undefined;

const sameSource = (a: Source, b: Source | undefined) => b !== undefined && a.title === b.title && a.date === b.date && a.url === b.url;

/** The orientation as paragraphs of plain text: addresses and phone numbers written out. */
export function orientationBlocks(orientation: Orientation, caps: ChannelCapabilities, say: Messages, lang?: string): Block[] {
  const words = dateWordsFor(lang);
  const blocks: Block[] = [
    { text: `${orientation.urgent ? `${say.urgent} - ` : ''}${orientation.title}`, drop: 0 },
    // in an emergency the why carries the numbers to call: never dropped, and offices may be
    { text: orientation.why, drop: orientation.urgent ? 0 : 2 },
  ];
  const essential = (index: number) => index === 0 && !orientation.urgent;
  orientation.services.forEach((service, index) => blocks.push(...serviceBlocks(service, caps, essential(index), say, words)));
  // a territory's note goes with its source, both kept as long as what to bring is
  for (const note of orientation.notes ?? []) blocks.push({ text: `${say.toKnow} : ${note.text}\n${sourceLine(note.source, caps, words)}`, drop: 2 });
  if (orientation.bring.length) blocks.push({ text: sentence(`${say.toBring} : ${orientation.bring.join(', ')}`), drop: 2 });
  const online = orientation.online && link(orientation.online, caps);
  if (online) blocks.push({ text: `${say.online} : ${online}`, drop: 3 });
  // the rule's source always stays; the others (service catalog...) go before the hours
  // (the catalog's stays as long as the national number it vouches for, when that number stands in for an office)
  const vouchesForPhone = (source: Source) =>
    orientation.services.some((service, index) => essential(index) && phoneInsteadOfLookup(service, caps) && sameSource(source, service.source));
  orientation.sources.forEach((source, index) =>
    blocks.push({
      text: index === 0 ? officialSource(sourceLine(source, caps, words), say) : sourceLine(source, caps, words),
      drop: index === 0 ? 0 : vouchesForPhone(source) ? 2 : 3,
    }),
  );
  return blocks;
}
