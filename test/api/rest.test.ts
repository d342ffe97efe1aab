import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { postJson, startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('REST API over real HTTP', () => {
  test('POST /api/orient answers with the needs and their services', async () => {
    const { status, body } = await postJson(`${server.url}/api/orient`, { text: 'jai perdu ma cart d identité' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ text: 'jai perdu ma cart d identité', understood: true, urgent: false });
    expect(body.needs[0].services.map((s: { id: string }) => s.id)).toContain('mairie_passeport_bio');
    expect(typeof body.needs[0].score).toBe('number');
  });

  test('a conversation goes need -> follow-up -> orientation, one conversation per id', async () => {
    const say = (id: string, text: string) => postJson(`${server.url}/api/conversations/${id}/messages`, { text });
    const first = await say('alice', 'passeport perdu');
    expect(first.body.replies[0].choices.map((c: { label: string }) => c.label)).toEqual(['En France', "À l'étranger"]);
    const other = await say('bob', '2');
    expect(other.body.replies[0].orientation).toBeUndefined();
    const second = await say('alice', '2');
    expect(second.body.replies[0].orientation.services[0].id).toBe('ambassade_france_etranger');
  });

  test('malformed requests get 400 with a reason, not a crash', async () => {
    expect((await postJson(`${server.url}/api/orient`, '{"text": ')).status).toBe(400);
    expect((await postJson(`${server.url}/api/orient`, { text: 42 })).status).toBe(400);
    expect((await postJson(`${server.url}/api/conversations/x/messages`, {})).body.error).toMatch(/text/);
  });

  test('GET /healthz says the bot is up', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe('ok');
  });
});

describe('the orient command line', () => {
  test('--json answers every text of the development set with one JSON line each', () => {
    const devSet = join(__dirname, '../../../shared/eval/dev.yaml');
    const texts: string[] = parse(readFileSync(devSet, 'utf8')).cases.map((c: { text: string }) => c.text);
    const output = execFileSync('npm', ['run', '--silent', 'orient', '--', '--json'], { input: texts.join('\n') + '\n', encoding: 'utf8' });
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.text)).toEqual(texts);
    for (const line of lines) {
      expect(typeof line.understood).toBe('boolean');
      expect(typeof line.urgent).toBe('boolean');
      expect(Array.isArray(line.needs)).toBe(true);
    }
  }, 30_000);
});
