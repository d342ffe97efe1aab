import path from 'node:path';
import { readFileSync } from 'node:fs';
import express from 'express';
import { MESSAGES, type Messages } from '../../bot/messages';
import { dateWordsFor, registeredLanguages } from '../../bot/lang/catalog';
import type { ChannelsConfig } from '../config';

// The web chat is static files talking to POST /api/conversations/:id/messages. Everything
// is served from this origin (the DSFR theme from the npm package), and the page sets no
// cookie, so the browser makes no third-party request and keeps no tracker.

const PUBLIC_DIR = path.join(__dirname, 'public');
const DSFR_DIR = path.join(path.dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');

const THEME_STYLESHEETS = {
  neutral: ['/theme-neutral.css'],
  // Reserved for State (.gouv.fr) sites: opt in with WEBCHAT_THEME=dsfr.
  dsfr: ['/vendor/dsfr/dsfr.min.css', '/vendor/dsfr/utility/icons/icons.min.css', '/theme-dsfr.css'],
};

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The web chat's own words (public/words.js), in each language the bot reads. */
const PAGE_WORDS: (keyof Messages)[] = [
  'youSaid',
  'botSaid',
  'choicesHint',
  'choicesLabel',
  'typing',
  'sendError',
  'newWindow',
  'source',
  'toBring',
  'toKnow',
  'phone',
  'nationalPhone',
  'hours',
  'access',
  'map',
  'urgent',
  'officialFrench',
  'composerLabel',
  'composerHint',
  'send',
];

/** What the web chat (public/words.js) needs to write a source's dates on the card as the other channels do (knowledge/wording.ts). */
function pageDates(lang: string) {
  const words = dateWordsFor(lang);
  return { months: words.months, days: Array.from({ length: 31 }, (_, i) => words.dayOfMonth(i + 1)), date: words.date, checked: words.checked };
}

function pageWords() {
  return Object.fromEntries(
    registeredLanguages().map(([lang, { messages, dir }]) => [
      lang,
      { dir, words: Object.fromEntries(PAGE_WORDS.map((key) => [key, messages[key]])), dates: pageDates(lang) },
    ]),
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function webchatRouter(config: ChannelsConfig): express.Router {
  const theme = config.webchatTheme;
  const links = THEME_STYLESHEETS[theme].map((href) => `<link rel="stylesheet" href="${href}">`).join('\n    ');
  const page = readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8')
    .replace('<!-- theme -->', links)
    .replace('<!-- welcome -->', escapeHtml(MESSAGES.welcome))
    .replace('data-theme="neutral"', `data-theme="${theme}"`);

  const router = express.Router();
  // on every file of the web chat, whatever path names the page (/, /index.html)
  router.use((_req, res, next) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  });
  router.get(['/', '/index.html'], (_req, res) => {
    res.type('html').send(page);
  });
  // read at each request: the languages are those of the trees loaded now
  router.get('/words.json', (_req, res) => {
    res.json(pageWords());
  });
  router.use(express.static(PUBLIC_DIR, { index: false }));
  if (theme === 'dsfr') router.use('/vendor/dsfr', express.static(DSFR_DIR, { index: false }));
  return router;
}
