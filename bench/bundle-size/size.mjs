// Production bundle sizes, minified and gzipped: each demo app as its own vite config builds it, and
// @janus-call/core alone (with xstate and valibot, as an app pays for it). Prints figures; asserts nothing.
//
//   node bench/bundle-size/size.mjs            (from the repository root, after an install)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Sizes of the .js and .css an app ships, split into what index.html loads and what loads later. */
function measure(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const rows = files(outDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const body = readFileSync(path);
      const name = relative(outDir, path);
      return { name, initial: html.includes(name), min: body.length, gzip: gz(body) };
    });
  const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
  const initial = rows.filter((row) => row.initial);
  return { rows, initialMin: sum(initial, 'min'), initialGzip: sum(initial, 'gzip'), allMin: sum(rows, 'min'), allGzip: sum(rows, 'gzip') };
}

async function demo(framework) {
  const root = join(ROOT, 'apps', `demo-${framework}`);
  const outDir = mkdtempSync(join(tmpdir(), `janus-call-size-${framework}-`));
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return measure(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** @janus-call/core bundled as an app would: `entry` is the import it makes. */
async function core(label, entry) {
  const dir = join(ROOT, 'bench', 'bundle-size', '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}.js`);
  writeFileSync(file, `${entry}\n`);
  const outDir = mkdtempSync(join(tmpdir(), 'janus-call-size-core-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['source', ...defaultClientConditions], alias: { '@janus-call/core': join(ROOT, 'packages/core/src/index.ts') } },
      build: { outDir, emptyOutDir: true, minify: true, target: 'es2022', lib: { entry: file, formats: ['es'], fileName: label } },
    });
    const body = readFileSync(files(outDir).find((path) => path.endsWith('.js')));
    return { min: body.length, gzip: gz(body) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
}

const results = {};
for (const framework of ['react', 'vue']) {
  const r = await demo(framework);
  results[`demo-${framework}`] = r;
  console.log(`demo-${framework}: first load ${kb(r.initialMin)} min, ${kb(r.initialGzip)} min+gzip; everything ${kb(r.allMin)} / ${kb(r.allGzip)}`);
  for (const row of r.rows) console.log(`  ${row.initial ? 'first load' : 'lazy      '}  ${row.name}: ${kb(row.min)} min, ${kb(row.gzip)} gzip`);
}
const used = await core('create-janus-call', "export { createJanusCall } from '@janus-call/core';");
const everything = await core('everything', "export * from '@janus-call/core';");
results.core = { createJanusCall: used, everything };
console.log(`@janus-call/core, createJanusCall with xstate and valibot: ${kb(used.min)} min, ${kb(used.gzip)} min+gzip`);
console.log(`@janus-call/core, every export: ${kb(everything.min)} min, ${kb(everything.gzip)} min+gzip`);
console.log(JSON.stringify({ bench: 'bundle-size', ...results }));
