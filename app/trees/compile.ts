import type { Knowledge } from '../../knowledge/types';
import type { TreeSource } from '../../bot/trees/files';
import type { TreeProblem } from '../../bot/trees/loader';
import { compileTreeSources, packTrees, unpackTrees, type LoadedTrees } from '../../bot/trees/packed';
import { validateSources } from '../../bot/trees/validate';
import { CHANNEL_TREE_CHECKS } from '../../channels';

export interface CompiledTrees {
  /** undefined when the trees have errors: the previous ones stay in service */
  loaded?: LoadedTrees;
  problems: TreeProblem[];
}

/**
 * Trees from their texts. `validate` runs every check an agent's edit must pass (lint and the
 * channels' checks); without it, only loading: trees another process already validated.
 */
export type CompileTrees = (sources: TreeSource[], options: { validate: boolean }) => Promise<CompiledTrees>;

export function compileInProcess(knowledge: Knowledge): CompileTrees {
  return async (sources, { validate }) => {
    if (!validate) {
      const { packed, problems } = compileTreeSources(sources, knowledge);
      return { loaded: packed && unpackTrees(packed, knowledge), problems };
    }
    const { trees, problems } = validateSources(sources, knowledge, CHANNEL_TREE_CHECKS);
    return { loaded: trees && unpackTrees(packTrees(trees, problems), knowledge), problems };
  };
}
