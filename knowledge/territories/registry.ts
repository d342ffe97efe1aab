import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { communeData } from '../communes/data';
import { loadPacks, packFiles } from './load';
import { NO_TERRITORIES, territories, type Territories } from './territories';
import type { TerritoryProblem } from './yaml-reader';

const DEFAULT_TERRITORIES_DIR = join(__dirname, '..', '..', 'territories');

/** Where the packs live: TERRITORIES_DIR, or territories/ in the project. */
export function territoriesDir(): string {
  return process.env.TERRITORIES_DIR || DEFAULT_TERRITORIES_DIR;
}

const isError = (problem: TerritoryProblem) => problem.severity === 'error';

/**
 * The territory packs in service. Read on first use; a reload that finds an error keeps
 * the packs in service, like the trees, and returns the problems.
 */
export class TerritoryRegistry {
  private current: Territories | undefined;
  private lastProblems: TerritoryProblem[] = [];

  constructor(
    private readonly dir: string | null,
    private readonly catalog: Catalog,
    private readonly log: (event: Record<string, unknown>) => void,
  ) {}

  private read(knownNeeds?: Set<string>) {
    const root = process.cwd();
    return loadPacks(this.dir!, root, { catalog: this.catalog, communes: communeData, knownNeeds, today: new Date().toISOString().slice(0, 10) });
  }

  /** The packs' offices and notes; at startup the files without error are served. */
  get territories(): Territories {
    return this.current ?? this.firstRead();
  }

  /** the problems of the last read (reading the packs first if they were never read) */
  get problems(): TerritoryProblem[] {
    if (!this.current) this.firstRead();
    return this.lastProblems;
  }

  private firstRead(): Territories {
    if (!this.dir || !existsSync(this.dir) || packFiles(this.dir, this.dir).length === 0) {
      this.current = NO_TERRITORIES;
      return this.current;
    }
    const loaded = this.read();
    this.lastProblems = loaded.problems;
    this.current = territories(loaded.offices, loaded.notes);
    const errors = loaded.problems.filter(isError).length;
    this.log({ level: errors ? 'error' : 'info', msg: 'territory packs loaded', offices: loaded.offices.length, notes: loaded.notes.length, errors });
    return this.current;
  }

  /** Reads the packs again; with an error, the packs in service stay. */
  reload(knownNeeds?: Set<string>): { reloaded: boolean; problems: TerritoryProblem[] } {
    if (!this.dir) return { reloaded: true, problems: [] };
    const loaded = this.read(knownNeeds);
    this.lastProblems = loaded.problems;
    if (loaded.problems.some(isError)) return { reloaded: false, problems: loaded.problems };
    this.current = territories(loaded.offices, loaded.notes);
    return { reloaded: true, problems: loaded.problems };
  }
}
