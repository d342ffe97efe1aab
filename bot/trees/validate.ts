import type { Knowledge } from '../../knowledge/types';
import { buildMatcher } from '../nlu/matcher';
import { lintTrees, type Rule } from './lint';
import { readTreeSources, type TreeSource } from './files';
import { loadTreeSources, type LoadResult, type TreeProblem } from './loader';
import { TreeLocator } from './locate';

/**
 * Loader checks, then, when the trees load, the checks across trees (bot/trees/lint.ts) and
 * the channels' own (channels/index.ts: CHANNEL_TREE_CHECKS).
 */
export function validateSources(sources: TreeSource[], knowledge: Knowledge, channelRules: Rule[] = [], now = new Date()): LoadResult {
  const loaded = loadTreeSources(sources, knowledge);
  if (!loaded.trees) return { problems: sortProblems(loaded.problems) };
  const lint = lintTrees(
    {
      trees: loaded.trees,
      matcher: buildMatcher(loaded.trees.intents, { officeNames: knowledge.officeNames() }),
      knowledge,
      locator: new TreeLocator(sources),
      now,
    },
    channelRules,
  );
  const problems = sortProblems([...loaded.problems, ...lint]);
  return { trees: problems.some(isError) ? undefined : loaded.trees, problems };
}

export function validateDir(dir: string, knowledge: Knowledge, channelRules: Rule[] = [], root = process.cwd()): LoadResult {
  return validateSources(readTreeSources(dir, root), knowledge, channelRules);
}

export const isError = (p: TreeProblem) => p.severity === 'error';

const sortProblems = (problems: TreeProblem[]) => [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
