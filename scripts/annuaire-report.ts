import type { ImportReport } from '../knowledge/annuaire/import';
import { annuaireFreshness } from '../knowledge/annuaire/freshness';

/** What an import loaded, for the operator: counts, reasons for skipped records, the data's date. */
export function printImportReport(report: ImportReport, out: string, now = new Date()): void {
  console.log(`Annuaire import: ${report.file} -> ${out}`);
  console.log(`  records read:  ${report.records}`);
  console.log(`  offices kept:  ${report.loaded}`);
  const skippedTotal = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  console.log(`  skipped:       ${skippedTotal}`);
  for (const [reason, count] of Object.entries(report.skipped).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${String(count).padStart(7)}  ${reason}`);
  }
  console.log(`  (service, commune) pairs: ${report.keys}`);
  const freshness = annuaireFreshness(report.dataDate, now);
  console.log(`  data as of:    ${report.dataDate ?? 'unknown'}${freshness.ageDays === undefined ? '' : ` (${freshness.ageDays} days ago)`}`);
  if (freshness.warning) console.log(`  WARNING: ${freshness.warning}`);
  const top = Object.entries(report.byService)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  console.log(`  offices by service (top ${top.length}): ${top.map(([s, n]) => `${s} ${n}`).join(', ')}`);
}
