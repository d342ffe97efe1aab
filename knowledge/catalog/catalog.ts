import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CatalogService, Source } from '../types';
import { cachedValue } from '../file-cache';

/** The service catalog with its aliases resolved: lookups by any id or old code. */
export interface Catalog {
  services: CatalogService[];
  canonicalId(id: string): string | undefined;
  get(id: string): CatalogService | undefined;
}

interface CuratedFile {
  source: Source;
  services: Array<Omit<CatalogService, 'source' | 'aliases'> & { aliases?: string[]; source?: Source }>;
}

interface PivotCodesFile {
  source: Source;
  codes: Array<{ id: string; name: string }>;
}

const CATALOG_DIR = __dirname;

function key(id: string): string {
  return String(id).trim().toLowerCase();
}

function buildCatalog(curated: CuratedFile, generated: PivotCodesFile): Catalog {
  const services: CatalogService[] = curated.services.map((entry) => ({
    ...entry,
    id: String(entry.id),
    aliases: (entry.aliases ?? []).map(String),
    source: entry.source ?? curated.source,
  }));
  const byKey = new Map<string, CatalogService>();
  const register = (service: CatalogService): void => {
    for (const id of [service.id, ...service.aliases]) {
      const k = key(id);
      const existing = byKey.get(k);
      if (existing && existing !== service) {
        throw new Error(`service catalog: "${id}" is used by both ${existing.id} and ${service.id}`);
      }
      byKey.set(k, service);
    }
  };
  services.forEach(register);

  // Pivot codes the fiches name but the curated list does not: known by the fiches' title.
  for (const code of generated.codes) {
    if (byKey.has(key(code.id))) continue;
    const service: CatalogService = {
      id: code.id,
      name: code.name,
      aliases: [],
      handles: `Service indiqué par les fiches de Service-Public.fr pour certaines démarches.`,
      local: true,
      source: generated.source,
    };
    services.push(service);
    register(service);
  }

  return {
    services,
    canonicalId: (id) => byKey.get(key(id))?.id,
    get: (id) => byKey.get(key(id)),
  };
}

/**
 * services.yaml, parsed: kept as JSON in the cache folder, since parsing the YAML at each start
 * cost a tenth of a second or more (the YAML parser's own code is compiled on that first use).
 */
function curatedServices(): CuratedFile {
  const file = join(CATALOG_DIR, 'services.yaml');
  const json = { suffix: '.catalog.json', serialize: JSON.stringify, deserialize: (text: string) => JSON.parse(text) as CuratedFile };
  return cachedValue('catalog', json, [file, __filename], () => parse(readFileSync(file, 'utf8')) as CuratedFile);
}

let bundled: Catalog | undefined;

/** The catalog shipped in knowledge/catalog/, read once. */
export function bundledCatalog(): Catalog {
  if (!bundled) {
    const curated = curatedServices();
    const generated = JSON.parse(readFileSync(join(CATALOG_DIR, 'pivot-codes.json'), 'utf8')) as PivotCodesFile;
    bundled = buildCatalog(curated, generated);
  }
  return bundled;
}
