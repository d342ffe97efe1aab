// Trees are parsed, checked and indexed in a worker thread: the event loop that answers
// citizens keeps turning while they are, and the result is the trees the bot runs.
import { createKnowledge } from '../../knowledge';
import { DIALOGS_DIR } from '../../app/runtime';
import { readTreeSources } from '../../bot/trees/files';
import { compileInWorker } from '../../app/trees/thread';
import { languageContexts } from '../../bot/lang/context';

jest.setTimeout(120_000);

const knowledge = createKnowledge();
const compile = compileInWorker(knowledge);
afterAll(() => compile.close());

/** the longest time, in ms, the event loop went without running a timer while `work` ran */
async function longestPause<T>(work: Promise<T>): Promise<{ result: T; longest: number; took: number }> {
  const start = performance.now();
  let last = start;
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const result = await work;
  clearInterval(ticker);
  return { result, longest, took: performance.now() - start };
}

test('every bundled need is compiled off the event loop, and the result answers like the bot', async () => {
  const sources = readTreeSources(DIALOGS_DIR);
  const { result, longest, took } = await longestPause(compile(sources, { validate: false }));
  console.log(`compiled ${result.loaded?.trees.intents.length} needs in ${Math.round(took)} ms; longest event-loop pause ${Math.round(longest)} ms`);
  expect(result.loaded!.trees.intents.length).toBeGreaterThan(1900);
  expect(result.loaded!.matcher.match('j’ai perdu ma carte d’identité', 1).candidates[0].intent.id).toBe('carte_identite');
  // Compiled on this thread, one pause would last the whole compilation.
  expect(longest).toBeLessThan(took / 4);
});

test('validated trees come with a compiled form that another process loads without compiling; other texts do not use it', async () => {
  const sources = readTreeSources(DIALOGS_DIR);
  const validated = await compile(sources, { validate: true });
  expect(validated.shared).toBeDefined();
  // an agent's edit or reload keeps every language: a message in Arabic is still read in Arabic
  expect([...validated.loaded!.trees.languages!.keys()]).toEqual(expect.arrayContaining(['ar', 'en']));
  expect(validated.loaded!.trees.unsupported!.size).toBeGreaterThan(0);
  // each language's needs are translated on its first message, and answer in that language
  const english = languageContexts(validated.loaded!.trees).get('en')!;
  expect(english.matcher.match('I lost my passport', 1).candidates[0].intent.id).toBe('passeport');
  expect(english.trees.byId.get('passeport')!.title).toMatch(/^Passport/);
  const reused = await longestPause(compile(sources, { validate: false, shared: validated.shared }));
  const compiled = await longestPause(compile(sources, { validate: false }));
  console.log(`loaded from the shared form in ${Math.round(reused.took)} ms, compiled in ${Math.round(compiled.took)} ms`);
  expect(reused.took).toBeLessThan(compiled.took);
  expect(reused.result.loaded!.trees.intents.length).toBe(compiled.result.loaded!.trees.intents.length);

  const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# modifié\n` } : s));
  const other = await compile(edited, { validate: false, shared: validated.shared });
  expect(other.loaded!.trees.intents.length).toBe(compiled.result.loaded!.trees.intents.length);
});

test('trees with an error are refused with the problem, and the worker goes on with the next job', async () => {
  const broken = [{ file: 'dialogs/casse.yaml', text: 'theme: casse\ntitle: Cassé\nintents:\n  - id: casse\n    title: Cassé\n' }];
  const result = await compile(broken, { validate: false });
  expect(result.loaded).toBeUndefined();
  expect(result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('il faut au moins un résultat'));
  expect((await compile(readTreeSources(DIALOGS_DIR), { validate: false })).loaded).toBeDefined();
});
