// npm run fetch:annuaire [-- --force]
//
// Downloads the DILA's current bulk export of the Annuaire de l'administration
// (ANNUAIRE_URL overrides the address), extracts it, imports it into the index the bot
// reads (ANNUAIRE_INDEX, default data/annuaire-index.json) and prints what it loaded.
// A failed download, a damaged archive, an empty file or one with half the offices or fewer
// in service (unless --force) leaves the index in service as it was.
import { performance } from 'node:perf_hooks';
import { annuaireIndexPath } from '../knowledge/annuaire/annuaire';
import { DILA_ANNUAIRE_URL, fetchAnnuaire, type DownloadProgress } from '../knowledge/annuaire/fetch';
import { bundledCatalog } from '../knowledge/catalog/catalog';
import { printImportReport } from './annuaire-report';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One line per tenth of the file (or per 20 MB when its size is unknown): readable in a terminal and in a cron log. */
function progressPrinter(): (progress: DownloadProgress) => void {
  let lastStep = -1;
  return ({ received, total }) => {
    const step = total ? Math.floor((received / total) * 10) : Math.floor(received / 20e6);
    if (step === lastStep) return;
    lastStep = step;
    console.error(total ? `  ${step * 10} % (${megabytes(received)} / ${megabytes(total)})` : `  ${megabytes(received)}`);
  };
}

async function main(): Promise<void> {
  const url = process.env.ANNUAIRE_URL || DILA_ANNUAIRE_URL;
  const indexPath = annuaireIndexPath();
  const started = performance.now();
  const report = await fetchAnnuaire({
    url,
    indexPath,
    force: process.argv.includes('--force'),
    canonical: bundledCatalog().canonicalId,
    onProgress: progressPrinter(),
    onStep: (step) => console.error(`${step}...`),
  });
  console.log(`Downloaded ${megabytes(report.bytes)} from ${url}`);
  printImportReport(report, indexPath);
  console.log(`  time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`fetch:annuaire failed, the index in service is unchanged: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
