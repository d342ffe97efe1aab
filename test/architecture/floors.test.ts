import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Floors only look down (docs/architecture.md): knowledge at the bottom, the engine on it,
// the channels on both, and one composition root (app/, and the command-line tools of
// scripts/) that knows every part. A wrong import fails here, naming the file and the line.

const ROOT = resolve(__dirname, '../..');

/** Each floor, and the floors of ours it may import besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  knowledge: [],
  bot: ['knowledge'],
  channels: ['bot', 'knowledge'],
  app: ['channels', 'bot', 'knowledge'],
  scripts: ['app', 'channels', 'bot', 'knowledge'],
};

/** Packages that stay at the edge: the engine and the knowledge never speak a channel's protocol. */
const EDGE_PACKAGES: Record<string, string[]> = {
  botbuilder: ['channels'],
  twilio: ['channels'],
};

interface Import {
  file: string;
  line: number;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function importsOf(file: string): Import[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) => [...text.matchAll(IMPORT)].map((m) => ({ file: relative(ROOT, file), line: index + 1, specifier: m[1] })));
}

const floorOf = (path: string) => relative(ROOT, path).split(/[\\/]/)[0];

const allImports = Object.keys(MAY_IMPORT).flatMap((floor) => sourceFiles(join(ROOT, floor)).flatMap(importsOf));

test('every floor imports only itself and the floors below it', () => {
  const wrong = allImports
    .filter(({ specifier }) => specifier.startsWith('.'))
    .filter(({ file, specifier }) => {
      const from = floorOf(join(ROOT, file));
      const to = floorOf(resolve(ROOT, dirname(file), specifier));
      return to !== from && !MAY_IMPORT[from].includes(to);
    })
    .map(({ file, line, specifier }) => `${file}:${line} imports ${specifier}`);
  expect(wrong).toEqual([]);
});

test('channel protocols (botbuilder, twilio) are imported by the channels alone', () => {
  const wrong = allImports
    .filter(({ file, specifier }) => {
      const allowed = EDGE_PACKAGES[specifier.split('/')[0]];
      return allowed !== undefined && !allowed.includes(floorOf(join(ROOT, file)));
    })
    .map(({ file, line, specifier }) => `${file}:${line} imports ${specifier}`);
  expect(wrong).toEqual([]);
});

test('the check sees the imports it guards', () => {
  expect(allImports.some(({ file, specifier }) => file.startsWith('bot') && specifier.includes('knowledge'))).toBe(true);
  expect(allImports.some(({ file, specifier }) => file.startsWith('channels') && specifier === 'botbuilder')).toBe(true);
});

test('no module is over 300 lines: a longer one mixes concerns', () => {
  const long = Object.keys(MAY_IMPORT)
    .flatMap((floor) => sourceFiles(join(ROOT, floor)))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > 300)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  expect(long).toEqual([]);
});
