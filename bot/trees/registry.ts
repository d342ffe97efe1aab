import type { Knowledge } from '../../knowledge/types';
import { buildMatcher, type Matcher } from '../nlu/matcher';
import { emergencyDetector } from '../safety/detector';
import { formatProblem, loadTrees, type LoadResult, type TreeProblem } from './loader';
import type { Trees } from './types';

export interface LoadedTrees {
  trees: Trees;
  matcher: Matcher;
}

/**
 * The trees in service. A reload that finds an error keeps the last valid trees running
 * and returns the problems, so a typo in one file never takes the bot down.
 */
export class TreeRegistry {
  private loaded: LoadedTrees;
  private lastProblems: TreeProblem[];

  constructor(
    private readonly dir: string,
    private readonly knowledge: Knowledge,
  ) {
    const result = loadTrees(dir, knowledge);
    if (!result.trees) throw new TreeLoadError(result);
    this.loaded = this.build(result.trees);
    this.lastProblems = result.problems;
  }

  get current(): LoadedTrees {
    return this.loaded;
  }

  get problems(): TreeProblem[] {
    return this.lastProblems;
  }

  /** The matcher and the emergency detector are built at load time, never on a person's turn. */
  private build(trees: Trees): LoadedTrees {
    emergencyDetector(trees);
    return { trees, matcher: buildMatcher(trees.intents, { officeNames: this.knowledge.officeNames() }) };
  }

  reload(): LoadResult {
    const result = loadTrees(this.dir, this.knowledge);
    this.lastProblems = result.problems;
    if (result.trees) this.loaded = this.build(result.trees);
    return result;
  }
}

export class TreeLoadError extends Error {
  constructor(readonly result: LoadResult) {
    super(`Les arbres de dialogue contiennent des erreurs :\n${result.problems.map(formatProblem).join('\n')}`);
  }
}
