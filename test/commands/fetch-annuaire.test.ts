import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadAnnuaire } from '../../knowledge/annuaire/annuaire';

// `npm run fetch:annuaire` against a local HTTP server that serves an archive built here
// like the DILA's: a .tar.bz2 holding one `<timestamp>-data.gouv_local.json`.

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'test/commands/fixtures/exemple.gouv_local.json');

let dir: string;
let server: Server;
let base: string;
let archive: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annuaire-fetch-'));
  const content = join(dir, 'content');
  await run('mkdir', ['-p', content]);
  copyFileSync(SAMPLE, join(content, '20261130-020000-data.gouv_local.json'));
  await run('tar', ['-cjf', join(dir, 'annuaire.tar.bz2'), '-C', content, '.']);
  archive = readFileSync(join(dir, 'annuaire.tar.bz2'));
  // an export that lost most of its offices: one record of the sample's two
  const partialContent = join(dir, 'partial');
  await run('mkdir', ['-p', partialContent]);
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { service: unknown[] };
  writeFileSync(join(partialContent, '20261201-020000-data.gouv_local.json'), JSON.stringify({ service: sample.service.slice(0, 1) }));
  await run('tar', ['-cjf', join(dir, 'partial.tar.bz2'), '-C', partialContent, '.']);
  const partial = readFileSync(join(dir, 'partial.tar.bz2'));

  server = createServer((request, response) => {
    const half = archive.subarray(0, Math.floor(archive.length / 2));
    switch (request.url) {
      case '/annuaire.tar.bz2':
        response.writeHead(200, { 'content-length': archive.length }).end(archive);
        return;
      case '/partial.tar.bz2':
        response.writeHead(200, { 'content-length': partial.length }).end(partial);
        return;
      case '/cut-short.tar.bz2':
        // announces the whole archive, sends half, then the connection drops
        response.writeHead(200, { 'content-length': archive.length });
        response.write(half, () => response.destroy());
        return;
      case '/half.tar.bz2':
        // a server that serves a truncated file as if it were whole
        response.writeHead(200, { 'content-length': half.length }).end(half);
        return;
      default:
        response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function fetchAnnuaire(path: string, index: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await run('npm', ['run', 'fetch:annuaire', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, ANNUAIRE_URL: `${base}${path}`, ANNUAIRE_INDEX: index },
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name !== 'annuaire-index.json');

describe('npm run fetch:annuaire', () => {
  it('downloads, extracts and imports the archive at ANNUAIRE_URL, showing progress, date and counts, and clears what a killed run left', async () => {
    const folder = mkdtempSync(join(dir, 'ok-'));
    const index = join(folder, 'annuaire-index.json');
    // what a run killed seven hours ago left behind
    const abandoned = join(folder, '.annuaire-fetch-killed');
    mkdirSync(abandoned);
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000);
    utimesSync(abandoned, sevenHoursAgo, sevenHoursAgo);

    const result = await fetchAnnuaire('/annuaire.tar.bz2', index);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('100 %');
    expect(result.stdout).toContain('20261130-020000-data.gouv_local.json');
    expect(result.stdout).toContain('offices kept:  2');
    expect(result.stdout).toContain('data as of:    2025-03-12');
    expect(result.stdout).toContain('WARNING: annuaire data is');
    expect(loadAnnuaire(index)?.offices('cpam', '59512')).toHaveLength(1);
    expect(leftovers(folder)).toEqual([]);
  }, 60_000);

  it.each([
    ['a connection cut short', '/cut-short.tar.bz2', /download (incomplete|failed)/],
    ['a truncated archive', '/half.tar.bz2', /archive damaged or incomplete/],
    ['an HTTP error', '/missing.tar.bz2', /HTTP 404/],
    [
      'an export with half the offices or fewer',
      '/partial.tar.bz2',
      /the export holds 1 offices, the index in service 2: a partial export\? Rerun with --force/,
    ],
  ])(
    'leaves the previous index untouched after %s',
    async (_case, path, message) => {
      const folder = mkdtempSync(join(dir, 'kept-'));
      const index = join(folder, 'annuaire-index.json');
      expect((await fetchAnnuaire('/annuaire.tar.bz2', index)).code).toBe(0);
      const before = readFileSync(index, 'utf8');

      const result = await fetchAnnuaire(path, index);

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('the index in service is unchanged');
      expect(readFileSync(index, 'utf8')).toBe(before);
      expect(leftovers(folder)).toEqual([]);
    },
    60_000,
  );

  it('accepts a much smaller export with --force', async () => {
    const folder = mkdtempSync(join(dir, 'forced-'));
    const index = join(folder, 'annuaire-index.json');
    expect((await fetchAnnuaire('/annuaire.tar.bz2', index)).code).toBe(0);
    const result = await fetchAnnuaire('/partial.tar.bz2', index, ['--force']);
    expect(result.code).toBe(0);
    expect(loadAnnuaire(index)?.officeCount).toBe(1);
  }, 60_000);
});
