// The emergency detector's rows of `npm run bench`: measured in a process of its own
// (scripts/bench/detector-run.ts), and written into docs/benchmarks.md alone with `-- --detector`.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixed, table, thousands, type Row } from './rows';

const ROOT = join(__dirname, '..', '..');

interface DetectorResult {
  setting: string;
  chars: number;
  compileMs: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export const DETECTOR = 'Emergency detector (bot/safety)';
const DETECTOR_TARGET_MS = 0.2;

/** The emergency detector in a process of its own, on the trees of dialogs/. */
export async function detectorRows(): Promise<Row[]> {
  process.stderr.write('emergency detector…\n');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench/detector-run.ts'], { cwd: ROOT, maxBuffer: 1 << 20 });
  const results = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DetectorResult);
  return results.map((r) => ({
    what: DETECTOR,
    setting: `${r.setting} (${thousands(r.chars)} characters on average)`,
    rate: thousands(1000 / r.meanMs),
    p50: fixed(r.p50Ms, 3),
    p99: fixed(r.p99Ms, 3),
    rss: '–',
    note: `mean ${fixed(r.meanMs, 3)} ms/message, fastest of 5 runs per message; trees loaded and detector compiled in ${thousands(r.compileMs)} ms`,
  }));
}

export const detectorTarget = (rows: Row[]) => {
  const worst = Math.max(...rows.map((r) => Number(r.p99)));
  return `${worst < DETECTOR_TARGET_MS ? '✅' : '❌'} emergency detector < ${DETECTOR_TARGET_MS} ms per message at p99, whatever the length: at most ${fixed(worst, 3)} ms`;
};

/** Replaces the detector's rows and target line in docs/benchmarks.md, leaving the rest as measured. */
export function updateDetectorRows(rows: Row[], load: string) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const all = readFileSync(path, 'utf8').split('\n');
  // Only the bench's own table and targets, before the first section (## Method and those after it).
  const firstSection = all.findIndex((line) => line.startsWith('## '));
  const end = firstSection === -1 ? all.length : firstSection;
  const lines = all.slice(0, end).filter((line) => !line.startsWith(`| ${DETECTOR}`) && !line.includes('emergency detector <'));
  const lastRow = lines.map((line, i) => (line.startsWith('| ') ? i : -1)).reduce((a, b) => Math.max(a, b));
  const newRows = table(rows).split('\n').slice(2);
  lines.splice(lastRow + 1, 0, ...newRows);
  const lastTarget = lines.map((line, i) => (line.startsWith('- ✅') || line.startsWith('- ❌') ? i : -1)).reduce((a, b) => Math.max(a, b));
  lines.splice(
    lastTarget + 1,
    0,
    `- ${detectorTarget(rows)} (measured alone on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load})`,
  );
  writeFileSync(path, [...lines, ...all.slice(end)].join('\n'));
}
