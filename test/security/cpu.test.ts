// Finding 2 of issue #13: one 16 KB single-word message blocked the process for seconds
// (fuzzy typo correction on a huge "word"), and /api/orient had no length cap.
import { post, realServer, stopAll } from './support';

jest.setTimeout(180_000);
const SINGLE_WORD = 'abcdefghij'.repeat(1600);
let shipped: Awaited<ReturnType<typeof realServer>>;
/** lets 16 KB messages reach the engine, to show what one costs there */
let uncapped: Awaited<ReturnType<typeof realServer>>;
beforeAll(async () => {
  [shipped, uncapped] = await Promise.all([realServer(), realServer({ MAX_MESSAGE_CHARS: '20000', MAX_BODY_BYTES: '65536', RATE_LIMIT_MESSAGES: '0' })]);
});
afterAll(stopAll);

async function timed(url: string, text: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const { status } = await post(url, { text });
  return { status, ms: performance.now() - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('/api/orient refuses a text over 1,000 characters with 413 and the plain-language reason', async () => {
  const answer = await post(`${shipped.url}/api/orient`, { text: 'carte '.repeat(1700) });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.text).error).toContain('moins de 1000 caractères');
  expect((await post(`${shipped.url}/api/orient`, { text: 'carte grise', commune: 'x'.repeat(5000) })).status).toBe(413);
});

test('a 16 KB single-word message costs the engine no more than a normal one', async () => {
  const route = (id: string) => `${uncapped.url}/api/conversations/${id}/messages`;
  const normal: number[] = [];
  const hostile: number[] = [];
  for (let i = 0; i < 5; i++) {
    normal.push((await timed(route(`normal-${i}`), "J'ai perdu ma carte d'identité")).ms);
    const answer = await timed(route(`hostile-${i}`), `${SINGLE_WORD}${i}`);
    expect(answer.status).toBe(200);
    hostile.push(answer.ms);
  }
  // the old code took 2 to 4 seconds per such message
  expect(median(hostile)).toBeLessThan(median(normal) * 3 + 50);
});
