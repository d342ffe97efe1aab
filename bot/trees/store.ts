import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTreeSourcesInTurns, type TreeSource } from './files';

// Where the trees every process runs are kept. The trees directory (dialogs/) is what a
// deployment brings; agents' edits from the console are written over it. Each change of the
// trees gets a new version number, so that an edit made from an old version is refused
// instead of silently undoing another agent's edit.

export interface TreeSnapshot {
  /** increases with every edit or announced reload */
  version: number;
  sources: TreeSource[];
  /** true when agents' edits differ from the files on disk */
  edited: boolean;
}

export type WriteResult = { ok: true; version: number } | { ok: false; version: number };

export interface TreeStore {
  read(): Promise<TreeSnapshot>;
  /** what a process starting with the files on disk must catch up with: the version, and the trees when agents' edits differ from the files */
  catchUp(): Promise<{ version: number; edited?: TreeSnapshot }>;
  /** the version only, cheap: processes compare it with the one they run */
  version(): Promise<number>;
  /** writes one file's new text (file as in TreeSource.file), if the trees are still at `baseVersion` */
  write(file: string, text: string, baseVersion: number): Promise<WriteResult>;
  /** the files on disk changed (a deployment, a reload from the console): every process reads them again */
  bump(): Promise<number>;
  /** keeps the compiled form of `version` for other processes (bot/trees/packed.ts), a while */
  share(version: number, compiled: Buffer): Promise<void>;
  /** what share() kept for `version`, if anything */
  shared(version: number): Promise<Buffer | undefined>;
  /** calls back with each new version announced, by this process or another */
  subscribe(onVersion: (version: number) => void): void;
  close(): Promise<void>;
}

export const textHash = (text: string) => createHash('sha1').update(text).digest('hex');

/** Paths as agents know them (dialogs/identite.yaml) and as stored (identite.yaml). */
export class TreePaths {
  constructor(
    readonly dir: string,
    readonly root: string,
  ) {}

  key(file: string): string {
    return relative(this.dir, join(this.root, file));
  }

  file(key: string): string {
    return relative(this.root, join(this.dir, key));
  }

  read(): Promise<TreeSource[]> {
    return readTreeSourcesInTurns(this.dir, this.root);
  }
}

/**
 * One process, no Redis: the files on disk are the trees, and the version counts the changes
 * this process made (two agents on the same console still cannot undo each other's edit).
 */
export class DiskTreeStore implements TreeStore {
  private current = 0;
  private readonly listeners: ((version: number) => void)[] = [];

  constructor(private readonly paths: TreePaths) {}

  async read(): Promise<TreeSnapshot> {
    return { version: this.current, sources: await this.paths.read(), edited: false };
  }

  // The files on disk are the trees: nothing to read again.
  async catchUp(): Promise<{ version: number }> {
    return { version: this.current };
  }

  async version(): Promise<number> {
    return this.current;
  }

  async write(file: string, text: string, baseVersion: number): Promise<WriteResult> {
    if (baseVersion !== this.current) return { ok: false, version: this.current };
    writeFileSync(join(this.paths.dir, this.paths.key(file)), text);
    return { ok: true, version: this.announce() };
  }

  async bump(): Promise<number> {
    return this.announce();
  }

  // One process: nobody to share with.
  async share(): Promise<void> {}

  async shared(): Promise<undefined> {
    return undefined;
  }

  subscribe(onVersion: (version: number) => void): void {
    this.listeners.push(onVersion);
  }

  async close(): Promise<void> {}

  private announce(): number {
    this.current++;
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }
}
