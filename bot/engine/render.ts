import type { Orientation, ServiceOrientation } from '../../knowledge/types';
import { sourceLine } from '../../knowledge/wording';

// The plain-text form of an orientation: what every channel can show as is, and what an
// SMS carries. Channels with cards render the structured orientation instead.

export function orientationText(o: Orientation): string {
  const parts: string[] = [];
  const names = o.services.map((s) => s.name);
  parts.push(o.urgent ? `${o.title} : ${o.why}` : `${o.title} : adressez-vous à ${joinOr(names)}. ${o.why}`);
  const first = o.services[0];
  if (first && !o.urgent) parts.push(...serviceLines(first));
  for (const note of o.notes ?? []) parts.push(`À savoir : ${note.text} ${sourceLine(note.source)}`);
  if (o.bring.length > 0) parts.push(`À apporter : ${o.bring.join(', ')}.`);
  if (o.online) parts.push(`En ligne : ${o.online.label}, ${o.online.url}`);
  const source = o.sources[0];
  if (source) parts.push(sourceLine(source));
  return parts.map(sentence).join(' ');
}

function serviceLines(s: ServiceOrientation): string[] {
  const office = s.offices?.[0];
  if (office) {
    const lines = [[office.name, ...(office.address ?? [])].join(', ')];
    if (office.phone) lines.push(`Téléphone : ${office.phone}`);
    if (office.openNow) lines.push(office.openNow);
    return lines;
  }
  const lines: string[] = [];
  if (s.missingData) lines.push(s.missingData);
  if (s.nationalPhone) lines.push(`Téléphone : ${s.nationalPhone}`);
  if (s.lookup) lines.push(`${s.lookup.label} : ${s.lookup.url}`);
  return lines;
}

const sentence = (s: string) => (/[.!?:]$/.test(s.trim()) || /https?:\/\/\S+$/.test(s) ? s.trim() : `${s.trim()}.`);

export function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}
