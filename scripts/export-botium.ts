// `npm run botium:export [-- --out DIR]`: writes test/conversations/*.yaml as Botium convo
// files (default botium/convos/), for botium.json's SimpleRest connector.
// `npm run botium -- --url http://127.0.0.1:3978`: exports them, then runs them with
// botium-core against the bot running at that address.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDialogTests } from '../app/agent/dialog-tests';
import { ROOT } from '../app/runtime';
import { exportConvos } from './botium/convo';
import { runConvos } from './botium/run';

const { values } = parseArgs({ options: { out: { type: 'string' }, dir: { type: 'string' }, url: { type: 'string' } } });
const out = values.out ?? join(ROOT, 'botium/convos');
const specs = readDialogTests(values.dir ?? join(ROOT, 'test/conversations'), ROOT);
exportConvos(specs, out);
console.log(`${specs.length} conversations exportées dans ${out}`);

async function run(url: string) {
  const { passed, failed } = await runConvos(out, url);
  for (const { name, error } of failed) console.log(`✗ ${name}\n    ${error}`);
  console.log(`${passed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

if (values.url) {
  run(values.url).catch((error: Error) => {
    console.error(`Botium n'a pas pu tourner : ${error.message}`);
    process.exitCode = 2;
  });
}
