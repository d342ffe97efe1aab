import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startConsoleApp } from './console-app';

// The agent console in a real browser (Debian chromium), against the real app on localhost,
// editing a temporary copy of dialogs/.

jest.setTimeout(60_000);

const TOKEN = 'jeton-navigateur-5678';
const MISUNDERSTOOD = 'je pars en vacances au maroc';

let browser: Browser;
let app: Awaited<ReturnType<typeof startConsoleApp>>;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startConsoleApp(TOKEN);
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(5_000);
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('without the token the console is refused and asks for it', async () => {
  const response = await page.request.get(`${app.url}/agent/api/review`);
  expect(response.status()).toBe(401);
  await page.goto(`${app.url}/agent/`);
  expect(new URL(page.url()).pathname).toBe('/agent/login');
  await page.getByLabel("Jeton d'accès (AGENT_TOKEN)").fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toBe('Jeton incorrect.');
  expect(await page.getByRole('heading', { name: 'Parler au robot' }).count()).toBe(0);
});

test('with the token, the debug panel shows the normalized text, the scores, the matched words and what each score is made of', async () => {
  await page.getByLabel("Jeton d'accès (AGENT_TOKEN)").fill(TOKEN);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('body[data-ready=true]').waitFor();

  await page.getByRole('textbox', { name: 'Message' }).fill('jai perdu ma cni');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText("Robot : Vous habitez en France ou à l'étranger ?").waitFor();
  expect(await page.locator('#debug-normalized').textContent()).toBe('j ai perdu ma cni');
  expect(await page.locator('#debug-node').textContent()).toBe('carte_identite › lieu');
  const firstRow = page.locator('#debug-candidates tbody tr').first();
  expect(await firstRow.locator('td').allTextContents()).toEqual(['carte_identite', '1.000', 'perdu, cni', 'phrase 1.00 · message 1.00 · 2e phrase 1.00']);
});

test('a misunderstood message becomes an example phrase of a need, and then matches it', async () => {
  const said = await fetch(`${app.url}/api/conversations/citoyen-1/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: MISUNDERSTOOD }),
  });
  expect((await said.json()).replies[0].text).toContain("Je n'ai pas bien compris");

  await page.getByRole('button', { name: 'Actualiser' }).click();
  const row = page.locator('#review tbody tr', { hasText: MISUNDERSTOOD });
  expect(await row.locator('td').nth(2).textContent()).toBe('pas compris (1)');
  await row.getByLabel('Besoin').selectOption('passeport');
  await row.getByRole('button', { name: 'Ajouter comme exemple' }).click();
  // every check of the trees runs in the worker, after the console's first check: seconds, not one
  await page.getByText('Ajouté à « passeport » : la phrase mène maintenant à ce besoin.').waitFor({ timeout: 30_000 });
  expect(await page.locator('#review tbody').textContent()).toContain('Aucun message à revoir.');
  expect(readFileSync(join(app.dialogsDir, 'identite.yaml'), 'utf8')).toContain(`      - ${MISUNDERSTOOD}\n`);

  await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(MISUNDERSTOOD);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  // a holiday in Morocco says nothing of where the person lives: the passport need asks it
  await page.getByText(/^Robot : Vous habitez en France ou à l'étranger/).waitFor();
  expect(await page.locator('#debug-candidates tbody tr').first().locator('td').first().textContent()).toBe('passeport');
  expect(await page.locator('#debug-node').textContent()).toBe('passeport › lieu');
});

test('reloading shows the validation result, and a tree is drawn as a diagram', async () => {
  await page.getByRole('button', { name: 'Recharger les arbres' }).click();
  await page.getByText(/^Arbres rechargés\. \d+ besoins en service\. 0 erreur\(s\)/).waitFor({ timeout: 30_000 });
  expect(await page.locator('#problems li').first().textContent()).toMatch(/^dialogs-\w+\/[\w-]+\.yaml:\d+:\d+ attention : besoin « \w+ »/);

  await page.getByLabel('Besoin', { exact: true }).last().selectOption('carte_identite');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#graph svg').waitFor();
  expect(await page.locator('#graph svg').textContent()).toContain('Vous habitez en France ou à l');
  expect(await page.locator('#graph-text').textContent()).toContain('q_lieu -->|"En France"| o_en_france');
});

test('the console made no request outside localhost, and raised no script error', () => {
  expect(requests.filter((url) => !url.startsWith(app.url))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
