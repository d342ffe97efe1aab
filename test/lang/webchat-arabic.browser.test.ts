import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startBot } from '../channels/support/world';
import { artifact, launchChromium } from '../helpers/browser';

// A person writes to the web chat in Arabic: every bot message says lang="ar" dir="rtl" (RGAA
// 8.3 and 8.7) and is laid out right to left, the page's own words follow the conversation,
// and the orientation card comes in Arabic, office names in French, the source's date in Arabic.
// Screenshot in test-artifacts/.

jest.setTimeout(90_000);

const DIALOGS = path.join(__dirname, 'fixtures', 'dialogs');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test('an Arabic conversation renders right to left, from the first message to the orientation card', async () => {
  const bot = await startBot({}, DIALOGS);
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'ar' });
  const page = await context.newPage();
  try {
    await page.goto(bot.url + '/');
    await page.locator('#message').fill('فقدت بطاقة الهوية، ماذا أفعل؟');
    await page.keyboard.press('Enter');
    const question = page.locator('.msg--bot', { hasText: 'هل تسكن في فرنسا أم في الخارج؟' });
    await question.waitFor();
    await expect(question.getAttribute('lang')).resolves.toBe('ar');
    await expect(question.getAttribute('dir')).resolves.toBe('rtl');
    await expect(question.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    // what the person typed is laid out by its own script, and marked as Arabic once the bot answered in it
    const said = page.locator('.msg--user').first();
    await expect(said.getAttribute('dir')).resolves.toBe('auto');
    await expect(said.getAttribute('lang')).resolves.toBe('ar');
    // the buttons and the page's own words follow the conversation
    await expect(page.locator('#choices').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('#choices-label').textContent()).resolves.toBe('الأجوبة المقترحة:');
    await expect(page.getByRole('button', { name: 'إرسال' }).count()).resolves.toBe(1);
    await page.screenshot({ path: artifact('webchat-arabic-question.png'), fullPage: true });

    await page.getByRole('button', { name: 'في فرنسا' }).click();
    const message = page.locator('.msg--bot:has(article)');
    const card = message.locator('article');
    await card.waitFor();
    await expect(message.getAttribute('dir')).resolves.toBe('rtl');
    await expect(card.getByRole('heading', { name: 'تجديد بطاقة الهوية' }).count()).resolves.toBe(1);
    // the office's name stays in French, with its gloss
    await expect(card.getByText('Mairie (البلدية)').count()).resolves.toBeGreaterThan(0);
    await expect(card.getByText('ما يجب إحضاره').count()).resolves.toBe(1);
    await expect(card.getByText(/النص الرسمي باللغة الفرنسية/).count()).resolves.toBeGreaterThan(0);
    await expect(card.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    // French inside the Arabic message is marked French and kept left to right: the office, the cited source
    const office = card.locator('.card__office');
    await expect(office.getAttribute('lang')).resolves.toBe('fr');
    await expect(office.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
    await expect(card.getByRole('link', { name: '01 23 45 67 89' }).getAttribute('dir')).resolves.toBe('ltr');
    // the source's date is written in Arabic, as in the reply's text, the cited title staying French
    const sourceDate = card.locator('.card__source time[datetime="2026-03-12"]');
    await expect(sourceDate.textContent()).resolves.toBe('12 مارس 2026');
    await expect(sourceDate.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('ar');
    // so is the office's source line, inside the office's French block
    await expect(office.locator('.card__source').getAttribute('lang')).resolves.toBe('ar');
    await expect(office.locator('.card__source').getAttribute('dir')).resolves.toBe('rtl');
    await page.screenshot({ path: artifact('webchat-arabic.png'), fullPage: true });
  } finally {
    await context.close();
    await bot.stop();
  }
});
