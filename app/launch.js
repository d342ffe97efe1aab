// `npm start` and the container's command: app/server.ts as one JavaScript file built by esbuild
// and kept in the cache folder (`server/<digest>.js`), so that a start loads one file instead of
// compiling some 150 TypeScript modules through tsx (about 1 s of CPU, more on a busy machine).
// The digest covers every source file, so an edited one gives another bundle; without a cache
// folder (CACHE_DIR=off), or when the build fails, tsx runs app/server.ts as before. The bundle
// names no folder: its modules find their files and packages from the project's folder as it is
// when it runs (the one above this launcher), so a copied or moved project, its cache folder
// with it, starts from the bundle it has.
// `node app/launch.js --build` only writes the bundle (`npm run compile`, the Dockerfile).
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const process = require('node:process');

const ROOT = path.join(__dirname, '..');
const ENTRY = path.join(__dirname, 'server.ts');
/** what the bundle is made of: our code, and the versions of what it imports and of the bundler */
const SOURCES = ['app', 'bot', 'channels', 'knowledge', 'package-lock.json', 'tsconfig.json'];
/** bundles kept, the newest: today's and the one before it, so that going back one change stays fast */
const KEEP = 2;

/** CACHE_DIR, else .cache in the project; undefined with CACHE_DIR=off (as knowledge/file-cache.ts). */
function cacheRoot() {
  const dir = process.env.CACHE_DIR || path.join(ROOT, '.cache');
  return dir === 'off' ? undefined : dir;
}

/** A path inside the project as the bundle writes it: from the project's folder, with « / ». */
const projectPath = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** The sources' files, in a stable order. */
function sourceFiles() {
  const files = [];
  const add = (file) => {
    if (fs.statSync(file).isDirectory()) for (const name of fs.readdirSync(file).sort()) add(path.join(file, name));
    else if (/\.(ts|js|json)$/.test(file)) files.push(file);
  };
  for (const source of SOURCES) add(path.join(ROOT, source));
  return files;
}

/** Digest of the sources' paths (inside the project) and texts, and of Node's version. */
function contentDigest(files) {
  const hash = createHash('sha256').update(`${process.version}\0`);
  for (const file of files) hash.update(projectPath(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * The content digest, read from `server/sources.json` when no source changed since it was
 * computed (each file's size and change times as then: an edit, a checkout or a copy changes
 * them), else computed again (2.7 MB read and hashed, 40 ms of CPU or more at every start) and kept.
 */
function sourceDigest(root) {
  const files = sourceFiles();
  const stamps = createHash('sha256').update(`${process.version}\0`);
  for (const file of files) {
    const { size, mtimeMs, ctimeMs } = fs.statSync(file);
    stamps.update(`${projectPath(file)}\0${size}\0${mtimeMs}\0${ctimeMs}\0`);
  }
  const stamp = stamps.digest('hex');
  const memo = path.join(root, 'server', 'sources.json');
  try {
    const known = JSON.parse(fs.readFileSync(memo, 'utf8'));
    if (known.stamp === stamp && typeof known.digest === 'string') return known.digest;
  } catch {
    // not written yet, or unreadable: computed below
  }
  const digest = contentDigest(files);
  try {
    fs.mkdirSync(path.dirname(memo), { recursive: true });
    fs.writeFileSync(`${memo}.${process.pid}.tmp`, JSON.stringify({ stamp, digest }));
    fs.renameSync(`${memo}.${process.pid}.tmp`, memo);
  } catch {
    // a read-only cache folder: computed again at the next start
  }
  return digest;
}

/** In the bundle: the project's folder when it runs, the one above the launcher node started. */
const PROJECT_ROOT = 'require("node:path").dirname(require.main.path)';
/** In the bundle: a path inside the project, resolved when it runs. */
const inProject = (file) => `require("node:path").join(__projectRoot, ${JSON.stringify(projectPath(file))})`;

/**
 * Each module keeps the folder it was written in: `__dirname` and `__filename` become its own
 * path in the project as it runs (the catalog, the public files and the worker are found next
 * to their module).
 */
const sourcePaths = {
  name: 'source-paths',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const text = await fs.promises.readFile(file, 'utf8');
      const contents = text.replace(/\b__dirname\b/g, inProject(path.dirname(file))).replace(/\b__filename\b/g, inProject(file));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Each package the bundle imports is required on its first use instead of when the bundle
 * loads: esbuild writes `var import_yaml = require("yaml");` and reads `import_yaml.x` where
 * the code uses it; these become a function that requires once, `import_yaml().x`. Whatever a
 * start does not reach (ioredis without REDIS_URL, yaml, the countries) is no longer loaded
 * before /healthz answers. Node's own modules are left as they are.
 */
function lazyPackages(code) {
  const imports = /^var (import_\w+) = ((?:__toESM\()?require\("(?!node:)[^"]+"\)(?:, 1)?\)?);$/gm;
  const names = [];
  const declared = code.replace(imports, (_, name, load) => {
    names.push(name);
    return `var ${name}$loaded; function ${name}() { return ${name}$loaded ??= ${load}; }`;
  });
  if (names.length === 0) return declared;
  const uses = new RegExp(`\\b(${names.join('|')})\\b(?![$(])`, 'g');
  return declared.replace(uses, '($1())');
}

/** Writes the bundle to `file` (whole or not at all); packages stay in node_modules, required from the project. */
async function build(file) {
  const temporary = `${file}.${process.pid}.tmp`;
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    packages: 'external',
    // the bundle lives in the cache folder: packages and files are required as from app/server.ts
    banner: { js: `var __projectRoot = ${PROJECT_ROOT};\nvar require = module.constructor.createRequire(${inProject(ENTRY)});` },
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [sourcePaths],
  });
  esbuild.stop(); // its service process would otherwise live as long as the server
  fs.writeFileSync(temporary, lazyPackages(fs.readFileSync(temporary, 'utf8')));
  fs.renameSync(`${temporary}.map`, `${file}.map`);
  fs.renameSync(temporary, file);
  const bundles = fs
    .readdirSync(path.dirname(file))
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(path.dirname(file), name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const old of bundles.slice(KEEP)) for (const stale of [old, `${old}.map`]) fs.rmSync(stale, { force: true });
}

/** The bundle of today's sources, built when missing; undefined without a cache folder or when it cannot be built. */
async function serverBundle() {
  const root = cacheRoot();
  if (root === undefined) return undefined;
  const file = path.join(root, 'server', `${sourceDigest(root)}.js`);
  if (fs.existsSync(file)) return file;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await build(file);
    return file;
  } catch (error) {
    console.error(JSON.stringify({ level: 'warn', msg: 'server bundle not built, running the TypeScript through tsx', error: String(error) }));
    return undefined;
  }
}

async function main() {
  const bundle = await serverBundle();
  if (process.argv.includes('--build')) {
    if (!bundle) process.exit(1);
    console.log(`server bundle ready: ${bundle}`);
    return;
  }
  if (!bundle) require('tsx/cjs');
  require(bundle ?? ENTRY);
}

void main();
