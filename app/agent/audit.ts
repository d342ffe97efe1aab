import { appendFileSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

// Every edit an agent makes to the trees, kept so that anyone can see who changed what and
// put it back: who, when, which file, the diff. Appended to AGENT_AUDIT_FILE (JSON lines)
// when set, so that the trail outlives the process; kept in memory otherwise.

export interface AuditEntry {
  id: string;
  at: string;
  agent: string;
  /** what the agent did, in words: « exemple ajouté à carte_grise : … » */
  action: string;
  /** the file as agents know it: dialogs/identite.yaml */
  file: string;
  diff: string;
  /** the entry this one undid */
  undoes?: string;
  undoneBy?: string;
}

interface Stored extends AuditEntry {
  before: string;
  after: string;
}

/** The lines that changed, between the common beginning and end: an edit is one hunk. */
function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const removed = a.slice(start, a.length - end).map((line) => `- ${line}`);
  const added = b.slice(start, b.length - end).map((line) => `+ ${line}`);
  return [`@@ ligne ${start + 1}`, ...removed, ...added].join('\n');
}

export class AuditLog {
  private readonly entries: Stored[] = [];

  constructor(private readonly file?: string) {
    if (!file) return;
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) this.entries.push(JSON.parse(line) as Stored);
    } catch {
      // no trail yet
    }
  }

  /** file: as agents know it, dialogs/identite.yaml */
  record(agent: string, action: string, file: string, before: string, after: string, undoes?: string): AuditEntry {
    const entry: Stored = {
      id: randomBytes(6).toString('hex'),
      at: new Date().toISOString(),
      agent,
      action,
      file,
      diff: lineDiff(before, after),
      undoes,
      before,
      after,
    };
    this.entries.push(entry);
    if (undoes) this.entries.find((e) => e.id === undoes)!.undoneBy = entry.id;
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    return this.public(entry);
  }

  /** newest first */
  list(limit = 200): AuditEntry[] {
    return this.entries
      .slice(-limit)
      .reverse()
      .map((e) => this.public(e));
  }

  action(id: string): string | undefined {
    return this.entries.find((e) => e.id === id)?.action;
  }

  /**
   * The change that puts the file back as it was before this edit, when nothing changed it
   * since (`current`: the file's text now); why not otherwise.
   */
  undoing(
    id: string,
    current: (file: string) => string | undefined,
  ): { ok: true; file: string; before: string; after: string } | { ok: false; message: string } {
    const edit = this.entries.find((e) => e.id === id);
    if (!edit) return { ok: false, message: 'Modification inconnue.' };
    if (edit.undoneBy) return { ok: false, message: 'Cette modification a déjà été annulée.' };
    if (current(edit.file) !== edit.after) return { ok: false, message: `${edit.file} a changé depuis : annulez d'abord les modifications plus récentes.` };
    return { ok: true, file: edit.file, before: edit.after, after: edit.before };
  }

  /** (`path`: the absolute file of trails written before the trees were shared, not shown) */
  private public({ before: _before, after: _after, path: _path, ...entry }: Stored & { path?: string }): AuditEntry {
    return entry;
  }
}
