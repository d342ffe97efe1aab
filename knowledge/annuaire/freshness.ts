// How old the imported annuaire is. The DILA republishes it every working day; past a
// month, offices that moved or changed their hours are likely shown wrong.

export const STALE_AFTER_DAYS = 30;

export interface AnnuaireFreshness {
  /** newest date_modification of the import (ISO date); undefined when none is imported */
  dataDate?: string;
  ageDays?: number;
  stale: boolean;
  /** for operators, in English like the logs; undefined when fresh */
  warning?: string;
}

export function annuaireFreshness(dataDate: string | undefined, now: Date): AnnuaireFreshness {
  if (!dataDate) return { stale: false };
  const ageDays = Math.max(0, Math.floor((now.getTime() - Date.parse(`${dataDate}T00:00:00Z`)) / 86_400_000));
  const stale = ageDays > STALE_AFTER_DAYS;
  return {
    dataDate,
    ageDays,
    stale,
    warning: stale ? `annuaire data is ${ageDays} days old (over ${STALE_AFTER_DAYS}): run npm run fetch:annuaire` : undefined,
  };
}
