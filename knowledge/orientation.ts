import type { Annuaire } from './annuaire/annuaire';
import type { StoredOffice } from './annuaire/types';
import type { Catalog } from './catalog/catalog';
import { hoursLines, openingStatus } from './hours/opening';
import { type DateWords, FRENCH_WORDS } from './date-words';
import { annuaireLookup } from './lookup';
import type { Commune, NeedName, Office, Orientation, OrientationOptions, OutcomeFacts, ServiceOrientation, Source } from './types';
import { cityOfArrondissement } from './communes/arrondissements';
import type { TerritoryOffice, Territories } from './territories/territories';

const MAX_OFFICES = 3;
const ANNUAIRE_TITLE = "Annuaire de l'administration (DILA)";

// Paris has no préfecture in the usual sense: its residents go to the Préfecture de police.
const PARIS_SUBSTITUTES: Record<string, string> = { prefecture: 'paris_ppp', sous_pref: 'paris_ppp' };

export interface OrientationDeps {
  catalog: Catalog;
  /** undefined when no annuaire was imported */
  annuaire(): Annuaire | undefined;
  /** what the territory packs add; omitted: nothing */
  territories?(): Territories;
}

// Offices a territory added come first (an agent chose them for these communes), at most
// two, so that the annuaire's nearest office always keeps a place.
const MAX_TERRITORY_OFFICES = 2;

/** The service ids to show for this outcome and commune: canonical, Paris cases applied, no duplicates. */
export function servicesFor(catalog: Catalog, outcome: OutcomeFacts, commune?: Commune): string[] {
  const ids = outcome.services.map((id) => {
    const canonical = catalog.canonicalId(id) ?? id;
    return commune?.departement === '75' ? (PARIS_SUBSTITUTES[canonical] ?? canonical) : canonical;
  });
  return [...new Set(ids)];
}

function departementOf(communeCode: string): string {
  return communeCode.startsWith('97') || communeCode.startsWith('98') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}

function mapUrl(office: StoredOffice): string | undefined {
  if (office.latitude !== undefined && office.longitude !== undefined) {
    const { latitude: lat, longitude: lon } = office;
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
  }
  const address = [...(office.address ?? []), office.postalCode, office.city].filter(Boolean).join(' ');
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : undefined;
}

function toOffice(office: StoredOffice, now: Date, words: DateWords, added?: TerritoryOffice): Office {
  return {
    id: office.id,
    name: office.name,
    address: office.address,
    postalCode: office.postalCode,
    city: office.city,
    phone: office.phone,
    email: office.email,
    website: office.website,
    openNow: openingStatus(office.hours, now, office.commune ? departementOf(office.commune) : undefined, words),
    hours: office.hours?.ranges.length ? hoursLines(office.hours, words) : undefined,
    hoursComment: office.hours?.comments.length ? office.hours.comments : undefined,
    mapUrl: mapUrl(office),
    accessibility: added?.accessibility,
    source: added?.source ?? { title: ANNUAIRE_TITLE, url: office.url, date: office.updated },
  };
}

function officesFor(annuaire: Annuaire, serviceId: string, commune: Commune): StoredOffice[] {
  const own = annuaire.offices(serviceId, commune.code, MAX_OFFICES);
  if (own.length > 0) return own;
  // an arrondissement's offices may be filed under the whole city
  const city = cityOfArrondissement(commune.code);
  return city ? annuaire.offices(serviceId, city, MAX_OFFICES) : [];
}

/** The offices shown for a kind of office and a commune: the territories' first, then the annuaire's. */
export function localOffices(deps: OrientationDeps, serviceId: string, commune: Commune): Array<{ office: StoredOffice; added?: TerritoryOffice }> {
  const annuaire = deps.annuaire();
  const added = (deps.territories?.().offices(serviceId, commune) ?? []).slice(0, MAX_TERRITORY_OFFICES);
  return [
    ...added.map((territoryOffice) => ({ office: territoryOffice.office, added: territoryOffice })),
    ...(annuaire ? officesFor(annuaire, serviceId, commune) : []).map((office) => ({ office })),
  ].slice(0, MAX_OFFICES);
}

function serviceOrientation(deps: OrientationDeps, id: string, commune: Commune | undefined, now: Date, words: DateWords): ServiceOrientation {
  const service = deps.catalog.get(id);
  if (!service) return { id, name: id, missingData: "Nous n'avons pas d'informations sur ce service." };
  const result: ServiceOrientation = {
    id: service.id,
    name: service.name,
    why: service.handles,
    nationalPhone: service.nationalPhone,
    website: service.website,
    source: service.source,
  };
  if (!service.local) return result;

  if (!commune) {
    return { ...result, missingData: "Adresse locale : voyez l'Annuaire de l'administration.", lookup: annuaireLookup(service) };
  }
  const offices = localOffices(deps, service.id, commune).map(({ office, added }) => toOffice(office, now, words, added));
  if (offices.length > 0) return { ...result, offices };
  return {
    ...result,
    missingData: `Nous n'avons pas l'adresse de ce service pour ${commune.name}. Vous pouvez la trouver sur l'Annuaire de l'administration.`,
    lookup: annuaireLookup(service, commune),
  };
}

/** A source a citizen can open: a fiche or an address. */
const isPublicSource = (source: Source) => Boolean(source.fiche || source.url);

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.fiche ?? ''}|${source.url ?? ''}|${source.title ?? ''}|${source.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The orientation card: which services, which offices, when they are open, and where each fact comes from. */
export function buildOrientation(deps: OrientationDeps, need: NeedName, outcome: OutcomeFacts, options: OrientationOptions): Orientation {
  const { commune, now, words = FRENCH_WORDS } = options;
  const services = servicesFor(deps.catalog, outcome, commune).map((id) => serviceOrientation(deps, id, commune, now, words));
  const notes = commune
    ? (
        deps.territories?.().notes(
          need.id,
          services.map((s) => s.id),
          commune,
        ) ?? []
      ).map(({ text, source }) => ({ text, source }))
    : [];
  // Only public sources are shown: the catalog's own reference file is internal. Offices carry
  // their annuaire source on their own card, so the annuaire is not named a second time here.
  const catalogSources = services.flatMap((s) => deps.catalog.get(s.id)?.source ?? []).filter(isPublicSource);
  return {
    needId: need.id,
    title: need.title,
    urgent: outcome.urgent,
    why: outcome.why,
    services,
    bring: outcome.bring,
    online: outcome.online,
    sources: uniqueSources([outcome.source, ...catalogSources]),
    notes: notes.length > 0 ? notes : undefined,
    commune: commune ? { code: commune.code, name: commune.name } : undefined,
  };
}
