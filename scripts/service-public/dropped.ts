// What the import still drops: « Où s'adresser » entries no catalog id stands for. The count
// is committed (dropped-baseline.json) so that a change that drops more fails loudly.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fiche } from './fiches';

const BASELINE = join(__dirname, 'dropped-baseline.json');

export interface DroppedReport {
  /** fiche-based needs */
  ficheNeeds: number;
  /** of which lose at least one office their fiche names */
  needs: number;
  /** dropped mentions, and distinct kinds of office */
  entries: number;
  kinds: number;
  /** the dropped offices, most frequent first */
  top: [string, number][];
}

export function droppedReport(ficheNeeds: Fiche[]): DroppedReport {
  const counts = new Map<string, number>();
  for (const title of ficheNeeds.flatMap((f) => f.dropped)) counts.set(title, (counts.get(title) ?? 0) + 1);
  const top = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    ficheNeeds: ficheNeeds.length,
    needs: ficheNeeds.filter((f) => f.dropped.length > 0).length,
    entries: top.reduce((sum, [, n]) => sum + n, 0),
    kinds: top.length,
    top,
  };
}

export function readBaseline(): { needs: number } | undefined {
  return existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as { needs: number }) : undefined;
}

export function writeBaseline(report: DroppedReport): void {
  writeFileSync(BASELINE, `${JSON.stringify({ needs: report.needs, entries: report.entries, dropped: Object.fromEntries(report.top) }, null, 1)}\n`);
}
