import { join } from 'node:path';
import { createKnowledge, type KnowledgeOptions } from '../knowledge';
import type { Knowledge } from '../knowledge/types';
import { TreeRegistry } from '../bot/trees/registry';

export const ROOT = join(__dirname, '..');
export const DIALOGS_DIR = process.env.DIALOGS_DIR ?? join(ROOT, 'dialogs');

/** Knowledge and trees as the bot runs them, shared by the server and the command-line tools. */
export function loadBrain(options: KnowledgeOptions = {}, dialogsDir = DIALOGS_DIR): { knowledge: Knowledge; registry: TreeRegistry } {
  const knowledge = createKnowledge(options);
  const registry = new TreeRegistry(dialogsDir, knowledge);
  return { knowledge, registry };
}
