import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ChannelsConfig } from '../../channels/config';
import http from 'node:http';
import { close, listen, startBot, WHERE_QUESTION } from './support/world';
import { artifact, launchChromium } from '../helpers/browser';

// A person using only the keyboard in headless Chromium (Debian's package), with axe-core
// checking accessibility. Screenshots go to test-artifacts/ for a human to look at.

jest.setTimeout(60_000);

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Opens the web chat; every request that leaves the bot's origin is recorded and blocked. */
async function openChat(theme: ChannelsConfig['webchatTheme'], viewport = { width: 1024, height: 900 }) {
  const bot = await startBot({ webchatTheme: theme });
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const thirdParty: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(bot.url)) return route.continue();
    thirdParty.push(url);
    return route.abort();
  });
  await page.goto(bot.url + '/');
  const close = async () => {
    await context.close();
    await bot.stop();
  };
  return { page, context, thirdParty, close };
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName.toLowerCase()}${el?.id ? '#' + el.id : ''}:${el?.textContent?.trim() ?? ''}`;
  });

async function seriousViolations(page: Page) {
  // evaluated through the DevTools protocol: the page's CSP forbids injected script tags
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

/** need -> follow-up -> orientation, with the keyboard alone. */
async function converseWithKeyboard(page: Page, screenshot?: string) {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('a:Aller à la saisie du message');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toMatch(/^textarea#message/);

  await page.keyboard.type("Je dois refaire ma carte d'identité");
  await page.keyboard.press('Enter');
  await page.getByRole('log').getByText(WHERE_QUESTION).waitFor();
  expect(await focused(page)).toMatch(/^textarea#message/);

  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('button:Envoyer');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('button:En France');
  if (screenshot) await page.screenshot({ path: artifact(screenshot), fullPage: true });
  await page.keyboard.press('Enter');

  const card = page.getByRole('log').locator('article');
  await card.waitFor();
  expect(await focused(page)).toMatch(/^textarea#message/);
  return card;
}

test('a keyboard user gets an orientation card in the neutral theme, with no serious axe violation', async () => {
  const { page, context, thirdParty, close } = await openChat('neutral');
  try {
    const card = await converseWithKeyboard(page, 'webchat-choices-focused.png');
    await expect(card.getByRole('heading', { name: "Refaire sa carte d'identité" }).count()).resolves.toBe(1);
    await expect(card.getByRole('link', { name: '01 23 45 67 89' }).getAttribute('href')).resolves.toBe('tel:+33123456789');
    await expect(card.getByText("Ouvert maintenant, jusqu'à 12 h").count()).resolves.toBe(1);
    await expect(card.getByText('Lundi au vendredi : 8 h 30 - 12 h, 13 h 30 - 17 h').count()).resolves.toBe(1);
    await expect(card.getByRole('link', { name: /sur un plan/ }).getAttribute('href')).resolves.toBe('https://example.test/carte?mairie-testville');
    await expect(card.getByRole('listitem').filter({ hasText: 'un justificatif de domicile' }).count()).resolves.toBe(1);
    const sources = await card.getByText(/^Source :/).allTextContents();
    expect(sources).toContain("Source : Annuaire de l'administration (DILA), données de test, 1er mars 2026");
    expect(sources).toContain('Source : Fiche de test (nouvelle fenêtre) F0000, 12 mars 2026');
    await expect(page.getByRole('log').getByText('Vous avez dit :').count()).resolves.toBe(2);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('webchat-neutral.png'), fullPage: true });
    expect(thirdParty).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  } finally {
    await close();
  }
});

test('at 320 px wide nothing scrolls sideways and the conversation still works', async () => {
  const { page, close } = await openChat('neutral', { width: 320, height: 640 });
  try {
    await converseWithKeyboard(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('webchat-320px.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('the DSFR theme is served from the npm package, with no third-party request', async () => {
  const { page, thirdParty, context, close } = await openChat('dsfr');
  try {
    await converseWithKeyboard(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Marianne/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('webchat-dsfr.png'), fullPage: true });
    expect(thirdParty).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  } finally {
    await close();
  }
});

test('the one-line widget opens the chat on a collectivité site, from the keyboard', async () => {
  const bot = await startBot();
  const host = http.createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="fr"><head><title>Mairie</title></head><body><main><h1>Mairie de Testville</h1></main><script src="${bot.url}/widget.js" defer></script></body></html>`,
      ),
  );
  const hostUrl = await listen(host);
  const page = await browser.newPage();
  try {
    await page.goto(hostUrl);
    const opener = page.getByRole('button', { name: 'Où faire ma démarche ?' });
    await opener.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Où faire ma démarche ?');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Fermer l’assistant' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const chat = page.frameLocator('iframe[title^="Assistant d’orientation"]');
    await chat.getByRole('heading', { name: "À qui s'adresser pour vos démarches ?" }).waitFor();
    await page.screenshot({ path: artifact('widget-open.png') });
  } finally {
    await page.close();
    await close(host);
    await bot.stop();
  }
});

test('an empty message or a lost connection gets a clear error, announced as an alert', async () => {
  const { page, close } = await openChat('neutral');
  try {
    await page.getByRole('textbox', { name: /Votre message/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Erreur : écrivez votre message/);

    await page.route('**/api/conversations/**', (route) => route.abort());
    await page.keyboard.type('carte identité');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/n'a pas pu être envoyé/)
      .waitFor();
    expect(await focused(page)).toMatch(/^textarea#message/);
    await expect(page.getByRole('textbox', { name: /Votre message/ }).inputValue()).resolves.toBe('carte identité');
  } finally {
    await close();
  }
});
