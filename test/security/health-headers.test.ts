// Finding 8 of issue #13: /healthz said "ok" while Redis was frozen (and a message then waited
// seconds), /metrics was public on the app port, /index.html had no CSP, and an SMS with
// 2,000 parameters was told "JSON attendu".
import { randomBytes } from 'node:crypto';
import { throwawayRedis, type ThrowawayRedis } from '../ops/support/processes';
import { freePort, realServer, stopAll } from './support';

jest.setTimeout(180_000);
let redis: ThrowawayRedis;
afterAll(async () => {
  await stopAll();
  await redis?.stop();
});

test('/healthz says "degraded" within a second while Redis is frozen (SIGSTOP)', async () => {
  redis = await throwawayRedis();
  const bot = await realServer({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: `test:security:${randomBytes(4).toString('hex')}:` });
  expect(await (await fetch(`${bot.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
  const pid = redis.pid();
  process.kill(pid, 'SIGSTOP');
  try {
    const started = performance.now();
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('degraded');
    expect(performance.now() - started).toBeLessThan(1000);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
});

test('/metrics is not served on the public port; METRICS_PORT serves it apart, METRICS_TOKEN to bearers only', async () => {
  const metricsPort = await freePort();
  const [plain, withToken] = await Promise.all([realServer({ METRICS_PORT: String(metricsPort) }), realServer({ METRICS_TOKEN: 'scraper-token' })]);
  expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
  expect(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).toContain('orientation_turns_total');
  expect((await fetch(`${withToken.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  expect((await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer scraper-token' } })).status).toBe(200);

  // the same server, for the headers: the page has its CSP whatever its path
  for (const path of ['/', '/index.html']) {
    const page = await fetch(`${plain.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).not.toContain('<!-- theme -->');
  }

  // an SMS request with 2,000 parameters is refused in words that say why
  const form = new URLSearchParams(Array.from({ length: 2000 }, (_, i) => [`p${i}`, 'x']));
  const sms = await fetch(`${plain.url}/api/sms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  expect(sms.status).toBe(413);
  expect(await sms.text()).toContain('trop de paramètres');
});
