// npm run import:annuaire -- <annuaire.json> [--out <index.json>] [--json]
//
// Reads the DILA annuaire (bulk file {"service": [...]} or the API's export) into the
// compact index the bot reads at startup (ANNUAIRE_INDEX, default data/annuaire-index.json).
// The npm script runs it with a 512 MB heap cap: a 60,000-record file needs about 100 MB
// of live memory, and the cap makes the garbage collector keep the process small.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bundledCatalog } from '../knowledge/catalog/catalog';
import { annuaireIndexPath } from '../knowledge/annuaire/annuaire';
import { buildAnnuaireIndex, writeAnnuaireIndex } from '../knowledge/annuaire/import';
import { printImportReport } from './annuaire-report';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run import:annuaire -- <annuaire.json> [--out <index.json>] [--json]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const outFlag = args.indexOf('--out');
  const out = outFlag >= 0 ? args[outFlag + 1] : annuaireIndexPath();
  if (!out) usage('--out needs a path');
  // the value after --out is the output path, never the input (outFlag is -1 without --out)
  const input = args.find((arg, i) => !arg.startsWith('--') && (outFlag < 0 || i !== outFlag + 1));
  if (!input) usage('which annuaire file?');
  if (!existsSync(input)) usage(`no such file: ${input}`);

  const started = performance.now();
  const catalog = bundledCatalog();
  const { index, report } = await buildAnnuaireIndex(input, catalog.canonicalId);
  writeAnnuaireIndex(out, index);
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  if (json) {
    console.log(JSON.stringify({ ...report, out, seconds, peakRssMb }));
    return;
  }
  printImportReport(report, out);
  console.log(`  time ${seconds.toFixed(1)} s, peak memory ${peakRssMb.toFixed(0)} MB`);
  if (report.loaded === 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
