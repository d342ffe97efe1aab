import type { Logger } from 'pino';
import type { TreeSource } from '../../bot/trees/files';
import { isError } from '../../bot/trees/validate';
import type { TreeProblem } from '../../bot/trees/loader';
import type { LoadedTrees, TreeRegistry } from '../../bot/trees/registry';
import type { TreeSnapshot, TreeStore } from '../../bot/trees/store';
import type { TreeCompiler } from './thread';

// Keeps this process's trees at the version of the store every process reads: an agent's
// edit, an undo or a reload made on any process is announced (Redis pub/sub), and each
// process loads the new version while the previous one keeps answering, then swaps.

/** What an edit changes: one file's text, or why it cannot be made. */
export type TreeChange = { ok: true; file: string; before: string; after: string } | { ok: false; message: string };

export type EditResult =
  | { status: 'applied'; version: number; change: { file: string; before: string; after: string }; problems: TreeProblem[] }
  | { status: 'refused'; message: string; problems: TreeProblem[] }
  | { status: 'conflict'; version: number };

export const CONFLICT_MESSAGE = 'Un autre agent vient de modifier les arbres : votre modification n’a pas été enregistrée. Rechargez la page et recommencez.';

/** a lost announcement is caught up within this */
const POLL_MS = 1000;

export class SharedTrees {
  /** the version of the trees in service here */
  version = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private poller?: NodeJS.Timeout;

  constructor(
    private readonly store: TreeStore,
    private readonly registry: TreeRegistry,
    private readonly compile: TreeCompiler,
    private readonly logger: Logger,
  ) {}

  /** Catches up with the agents' edits, then follows every new version. */
  async start(): Promise<void> {
    await this.exclusive(async () => {
      const { version, edited } = await this.store.catchUp();
      if (edited) await this.install(edited);
      this.version = version;
    }).catch((err: Error) => this.logger.warn({ err: err.message }, 'shared trees unreachable: serving the trees on disk until they are'));
    this.store.subscribe((version) => {
      if (version !== this.version) void this.refresh();
    });
    this.poller = setInterval(() => {
      this.store.version().then(
        (version) => {
          if (version !== this.version) void this.refresh();
        },
        () => undefined, // Redis away: the trees in service keep answering
      );
    }, POLL_MS).unref();
  }

  /** Loads the store's version if it is not the one in service. */
  refresh(): Promise<void> {
    return this.exclusive(async () => {
      if ((await this.store.version()) === this.version) return;
      await this.install(await this.store.read());
    }).catch((err: Error) => this.logger.warn({ err: err.message }, 'trees not refreshed; the previous ones stay in service'));
  }

  /** The trees as stored now: what an edit starts from. */
  snapshot(): Promise<TreeSnapshot> {
    return this.store.read();
  }

  /**
   * Makes `plan`'s change if the trees are still at `baseVersion` (default: whatever version
   * the edit starts from), the result validates and `accept` finds nothing to object.
   */
  edit(
    plan: (sources: TreeSource[]) => TreeChange,
    { baseVersion, accept }: { baseVersion?: number; accept?: (loaded: LoadedTrees) => string | undefined } = {},
  ): Promise<EditResult> {
    return this.exclusive(async (): Promise<EditResult> => {
      const snapshot = await this.store.read();
      if (baseVersion !== undefined && baseVersion !== snapshot.version) return { status: 'conflict', version: snapshot.version };
      const change = plan(snapshot.sources);
      if (!change.ok) return { status: 'refused', message: change.message, problems: [] };
      const sources = snapshot.sources.map((s) => (s.file === change.file ? { file: s.file, text: change.after } : s));
      const { loaded, problems, shared } = await this.compile(sources, { validate: true });
      if (!loaded) return { status: 'refused', message: "La modification rendrait les arbres invalides : rien n'a été changé.", problems };
      const objection = accept?.(loaded);
      if (objection) return { status: 'refused', message: objection, problems: [] };
      // Shared before it is announced, so that the other processes load it instead of compiling it again.
      if (shared) await this.store.share(snapshot.version + 1, shared);
      const written = await this.store.write(change.file, change.after, snapshot.version);
      if (!written.ok) return { status: 'conflict', version: written.version };
      this.registry.swap(loaded, problems);
      this.version = written.version;
      return { status: 'applied', version: written.version, change, problems };
    });
  }

  /** The files on disk changed (a deployment): validates them here, then every process loads them. */
  reload(): Promise<{ reloaded: boolean; problems: TreeProblem[] }> {
    return this.exclusive(async () => {
      const snapshot = await this.store.read();
      const { loaded, problems, shared } = await this.compile(snapshot.sources, { validate: true });
      if (!loaded || problems.some(isError)) return { reloaded: false, problems };
      if (shared) await this.store.share(snapshot.version + 1, shared);
      this.registry.swap(loaded, problems);
      const version = await this.store.bump();
      // another edit landed meanwhile: stay behind it, the next check loads it
      this.version = version === snapshot.version + 1 ? version : snapshot.version;
      return { reloaded: true, problems };
    });
  }

  /** Every check of the trees as stored, for the console's list of problems. */
  async validate(): Promise<TreeProblem[]> {
    return (await this.compile((await this.store.read()).sources, { validate: true })).problems;
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
    await Promise.all([this.store.close(), this.compile.close()]);
  }

  private async install(snapshot: TreeSnapshot): Promise<void> {
    const started = performance.now();
    const shared = await this.store.shared(snapshot.version);
    const { loaded, problems } = await this.compile(snapshot.sources, { validate: false, shared });
    if (!loaded) {
      this.logger.error({ version: snapshot.version, errors: problems.filter(isError).length }, 'stored trees do not load; the previous ones stay in service');
    } else {
      this.registry.swap(loaded, problems);
      const ms = Math.round(performance.now() - started);
      this.logger.info({ version: snapshot.version, intents: loaded.trees.intents.length, ms, precompiled: shared !== undefined }, 'trees updated');
    }
    this.version = snapshot.version;
  }

  /** One load at a time: a burst of announcements loads the latest version once. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
