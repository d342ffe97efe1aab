import type { Knowledge } from '../../knowledge/types';
import { loadCompiled, type CompiledCache, type CompiledLoad } from './compiled-cache';
import { formatProblem, type LoadResult, type TreeProblem } from './loader';
import type { LoadedTrees } from './packed';

export type { LoadedTrees } from './packed';

/**
 * The trees in service. A reload that finds an error keeps the last valid trees running
 * and returns the problems, so a typo in one file never takes the bot down.
 */
export class TreeRegistry {
  private loaded: LoadedTrees;
  private lastProblems: TreeProblem[];

  /** @param cache the compiled snapshot to read when the trees are unchanged (bot/trees/compiled-cache.ts) */
  constructor(
    private readonly dir: string,
    private readonly knowledge: Knowledge,
    private readonly cache?: CompiledCache,
  ) {
    const result = this.load();
    if (!result.loaded) throw new TreeLoadError({ problems: result.problems });
    this.loaded = result.loaded;
    this.lastProblems = result.problems;
  }

  get current(): LoadedTrees {
    return this.loaded;
  }

  get problems(): TreeProblem[] {
    return this.lastProblems;
  }

  /** The matcher and the emergency detector are built at load time, never on a person's turn. */
  private load(): CompiledLoad {
    return loadCompiled(this.dir, this.knowledge, this.cache);
  }

  /** Puts trees loaded elsewhere (a worker thread, another process's edit) in service at once. */
  swap(loaded: LoadedTrees, problems: TreeProblem[]): void {
    this.loaded = loaded;
    this.lastProblems = problems;
  }

  reload(): LoadResult {
    const result = this.load();
    this.lastProblems = result.problems;
    if (result.loaded) this.loaded = result.loaded;
    return { trees: result.loaded?.trees, problems: result.problems };
  }
}

export class TreeLoadError extends Error {
  constructor(readonly result: LoadResult) {
    super(`Les arbres de dialogue contiennent des erreurs :\n${result.problems.map(formatProblem).join('\n')}`);
  }
}
