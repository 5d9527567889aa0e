// Bundles the extension (client, server, CLI, webview) into dist/ and the tests into out/.
// Usage: node scripts/build.mjs [--watch] [--minify] [--only=dist|tests]
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

function files(dir, suffix) {
  const out = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

const common = { bundle: true, sourcemap: true, minify, logLevel: 'warning', target: 'node20' };
const builds = [];
if (only !== 'tests') {
  builds.push(
    { ...common, entryPoints: ['client/src/extension.ts'], platform: 'node', format: 'cjs', external: ['vscode'], outfile: 'dist/client.js' },
    // Built without --external:vscode on purpose: if server code ever imports `vscode`, this fails.
    { ...common, entryPoints: ['server/src/lsp/main.ts'], platform: 'node', format: 'cjs', outfile: 'dist/server.js' },
    // ESM dependencies (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle must define.
    { ...common, entryPoints: ['server/src/cli/main.ts'], platform: 'node', format: 'cjs', outfile: 'dist/cli.js', banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__importMetaUrl' } },
  );
  if (files('client/webview', 'main.ts').length) {
    builds.push({ ...common, entryPoints: ['client/webview/main.ts'], platform: 'browser', format: 'iife', target: 'es2020', outfile: 'dist/webview.js' });
  }
}
if (only !== 'dist') {
  const tests = [...files('test/unit', '.test.ts'), ...files('test/lsp', '.test.ts'), ...files('test/cli', '.test.ts'), ...files('test/fuzz', '.test.ts'), ...files('test/browser', '.test.ts'), ...files('test/support', '.ts')];
  if (tests.length) {
    builds.push({ ...common, entryPoints: tests, outbase: '.', outdir: 'out', platform: 'node', format: 'cjs', packages: 'external' });
  }
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching for changes...');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
