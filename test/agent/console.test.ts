import { startConsoleApp } from './console-app';

const TOKEN = 'jeton-de-test-1234';

// The first test loads every tree and the annuaire: seconds on a loaded machine.
jest.setTimeout(60_000);

describe('the agent console is closed unless AGENT_TOKEN is set and given', () => {
  test('without AGENT_TOKEN, /agent answers that the console is closed', async () => {
    const app = await startConsoleApp(undefined);
    try {
      const response = await fetch(`${app.url}/agent/`);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Console des agents fermée');
      expect((await fetch(`${app.url}/agent/api/review`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(403);
    } finally {
      await app.close();
    }
  });

  describe('with AGENT_TOKEN set', () => {
    let app: Awaited<ReturnType<typeof startConsoleApp>>;
    beforeAll(async () => {
      app = await startConsoleApp(TOKEN);
    });
    afterAll(() => app.close());

    test('no token, or a wrong one, is refused', async () => {
      expect((await fetch(`${app.url}/agent/api/intents`)).status).toBe(401);
      expect((await fetch(`${app.url}/agent/api/intents`, { headers: { Authorization: 'Bearer mauvais' } })).status).toBe(401);
      const page = await fetch(`${app.url}/agent/`, { redirect: 'manual' });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/agent/login');
      const login = await fetch(`${app.url}/agent/login`, { method: 'POST', body: new URLSearchParams({ token: 'mauvais' }), redirect: 'manual' });
      expect(login.status).toBe(401);
      expect(await login.text()).toContain('Jeton incorrect.');
    });

    test('the Bearer token opens the API', async () => {
      const response = await fetch(`${app.url}/agent/api/intents`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect((await response.json()).map((i: { id: string }) => i.id)).toContain('passeport');
    });

    test('the login form sets an HttpOnly cookie that opens the console', async () => {
      const login = await fetch(`${app.url}/agent/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }), redirect: 'manual' });
      expect(login.status).toBe(303);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toContain(TOKEN);
      const page = await fetch(`${app.url}/agent/`, { headers: { Cookie: cookie.split(';')[0] } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toContain('Console des agents');
    });

    test('a citizen’s misunderstood message reaches the review, masked', async () => {
      await fetch(`${app.url}/api/conversations/c1/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'blabla rappelez moi au 06 12 34 56 78' }),
      });
      const { groups } = await (await fetch(`${app.url}/agent/api/review`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
      expect(groups).toEqual([
        expect.objectContaining({ text: 'blabla rappelez moi au [téléphone]', count: 1, reasons: [{ reason: 'no_match', label: 'pas compris', count: 1 }] }),
      ]);
    });
  });
});
