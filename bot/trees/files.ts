import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** One tree file's text, named by its path relative to the folder messages are shown from. */
export interface TreeSource {
  file: string;
  text: string;
}

/** Every *.yaml file under the given folders, in a stable order. */
export function treeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...treeFiles(path));
    else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

/** Every tree file under `dir`, read; paths relative to `root` for the messages. */
export function readTreeSources(dir: string, root = process.cwd()): TreeSource[] {
  return treeFiles(dir).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
}

/** The same, each file read in a turn of its own: a reload reads them while citizens are answered. */
export const readTreeSourcesInTurns = (dir: string, root = process.cwd()): Promise<TreeSource[]> =>
  Promise.all(treeFiles(dir).map(async (path) => ({ file: relative(root, path), text: await readFile(path, 'utf8') })));
