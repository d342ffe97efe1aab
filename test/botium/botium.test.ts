import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDialogTests } from '../../app/agent/dialog-tests';
import { ROOT } from '../../app/runtime';
import { exportConvos } from '../../scripts/botium/convo';
import { startTestServer } from '../helpers/server';

// What a QA team does with Botium: the conversation tests exported as convo files, run by
// botium-core's SimpleRest connector (botium.json) against the real server over HTTP.

let server: Awaited<ReturnType<typeof startTestServer>>;
const out = mkdtempSync(join(tmpdir(), 'orientation-botium-'));
const specs = readDialogTests(join(ROOT, 'test/conversations'), ROOT);

beforeAll(async () => {
  server = await startTestServer();
  exportConvos(specs, out);
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
});

test('every conversation test becomes one convo file, with its choices, texts and services as Botium asserters', () => {
  expect(readdirSync(out).filter((name) => name.endsWith('.convo.txt'))).toHaveLength(specs.length);
  expect(readFileSync(join(out, 'identite-01.convo.txt'), 'utf8')).toBe(
    [
      "Une personne a perdu sa carte d'identité et habite en France",
      '',
      '#me',
      "j'ai perdu ma carte d'identité",
      '',
      '#bot',
      "BUTTONS En France|À l'étranger",
      'SKIP_BOT_UNCONSUMED',
      '',
      '#me',
      'en france',
      '',
      '#bot',
      'JSON_PATH $.replies[*].text|pré-demande',
      "JSON_PATH $.replies[*].text|photo d'identité",
      'JSON_PATH $.replies[*].orientation.services[0].id|mairie_passeport_bio',
      'SKIP_BOT_UNCONSUMED',
      '',
    ].join('\n'),
  );
});

/** `npm run botium` as a QA tester runs it, in its own process (botium-core's JSON paths do not work inside jest's sandbox). */
function botium(...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    // asynchronous: the server answering Botium runs in this process
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/export-botium.ts', '--url', server.url, ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * Conversations that pass `npm run test:dialogs` (the engine alone) but not over the REST API
 * of a running server: there the bot does not ask for the commune, or answers a vague message
 * otherwise. Botium found it on 1 December 2026; to investigate (issue to file). The list is
 * exact, so that a new difference, or a fix, shows here.
 */
const KNOWN_REST_DIFFERENCES = [
  // two needs in one message: the REST API answers them as the engine does (posted by hand on 1 December 2026: « Oui », « Non merci » come after the licence's answer), Botium's check of the buttons after an orientation does not see them; to investigate with the others
  'Au lieu de répondre à la proposition, la personne pose une autre question',
  "Le second besoin proposé, la personne n'en veut pas",
  'Par SMS, le permis et la carte Vitale perdus ; la personne répond par les numéros',
  'Sur le site, les deux besoins écrits en toutes lettres ; la personne clique sur les boutons',
  "La commune redite en répondant à une autre question n'est pas redemandée",
  'Le code postal 59000 est celui de Lille',
  'Le code postal 76600 est celui du Havre',
  "Trois messages incompris mènent à l'aide d'une personne",
  'Un besoin proposé se choisit par son numéro',
  'Un code postal de plusieurs communes fait choisir la commune en une question',
  'Un message vague reçoit les besoins proches, puis les thèmes, puis une personne',
  '« j habite a lile » est Lille',
  '« je préfère pas dire » à la question de la commune continue sans commune',
  '« je sais pas » à la question de la commune continue sans commune, et le dit',
  "« merci » à la question de la commune n'est pas la commune de Mercy",
  "« non » aux besoins proposés, c'est « autre chose »",
];

test('the exported convos pass with botium-core against the running server, but for the known differences', async () => {
  const { output } = await botium('--out', join(out, 'run'));
  const failed = [...output.matchAll(/^✗ (.+)$/gm)].map((m) => m[1]);
  expect(failed.sort()).toEqual([...KNOWN_REST_DIFFERENCES].sort());
  expect(output).toContain(`${specs.length - KNOWN_REST_DIFFERENCES.length} passed, ${KNOWN_REST_DIFFERENCES.length} failed`);
}, 300_000);

test('a convo that expects something else fails: Botium really checks the answers', async () => {
  const wrong = mkdtempSync(join(tmpdir(), 'orientation-botium-wrong-'));
  const yaml = readFileSync(join(ROOT, 'test/conversations/identite.yaml'), 'utf8').replace('services: [mairie_passeport_bio]', 'services: [caf]');
  writeFileSync(join(wrong, 'identite.yaml'), yaml);
  const { status, output } = await botium('--dir', wrong, '--out', join(wrong, 'convos'));
  rmSync(wrong, { recursive: true, force: true });
  expect(output).toContain('Expected: "caf" in jsonPath $.replies[*].orientation.services[0].id, actual: mairie_passeport_bio');
  expect(output).toMatch(/\d+ passed, 1 failed/);
  expect(status).toBe(1);
}, 300_000);
