import { readFileSync } from 'node:fs';

// Intercommunalités (EPCI à fiscalité propre) and their member communes, from
// @etalab/decoupage-administratif: a territory pack may say "the communes of this EPCI".

interface EtalabEpci {
  code: string;
  nom: string;
  membres: Array<{ code: string }>;
}

let loaded: Map<string, { name: string; communes: string[] }> | undefined;

/** SIREN of the EPCI -> its name and member communes' INSEE codes; read on first use. */
export function epciMembers(): Map<string, { name: string; communes: string[] }> {
  if (!loaded) {
    const list = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/epci.json'), 'utf8')) as EtalabEpci[];
    loaded = new Map(list.map((epci) => [epci.code, { name: epci.nom, communes: epci.membres.map((m) => m.code) }]));
  }
  return loaded;
}
