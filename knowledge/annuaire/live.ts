import { statSync } from 'node:fs';
import { loadAnnuaire, type Annuaire } from './annuaire';
import { annuaireFreshness } from './freshness';

export type Log = (event: Record<string, unknown>) => void;

/**
 * The annuaire index at `path`, read on first use and read again when the file changes
 * (checked at most every `checkEveryMs`), so that `npm run fetch:annuaire` run by cron
 * reaches running bots without a restart. An unreadable new file keeps the one in service.
 */
export function liveAnnuaire(path: string | null, log: Log, checkEveryMs = 60_000): () => Annuaire | undefined {
  let annuaire: Annuaire | undefined;
  let loadedVersion: number | undefined;
  let checkedAt = -Infinity;

  const version = (): number | undefined => {
    try {
      return path ? statSync(path).mtimeMs : undefined;
    } catch {
      return undefined;
    }
  };

  const read = (current: number) => {
    loadedVersion = current;
    try {
      annuaire = loadAnnuaire(path!) ?? annuaire;
      if (!annuaire) return;
      const { ageDays, warning } = annuaireFreshness(annuaire.dataDate, new Date());
      log({ level: 'info', msg: 'annuaire index loaded', offices: annuaire.officeCount, dataDate: annuaire.dataDate, ageDays });
      if (warning) log({ level: 'warn', msg: warning });
    } catch (error) {
      const kept = annuaire ? 'the previous index stays in service' : 'orientations will give lookup links';
      log({ level: 'error', msg: `annuaire index unreadable, ${kept}`, error: String(error) });
    }
  };

  return () => {
    const now = Date.now();
    if (now - checkedAt >= checkEveryMs) {
      checkedAt = now;
      const current = version();
      if (current !== undefined && current !== loadedVersion) read(current);
    }
    return annuaire;
  };
}
