// Bundles the extension (client, server, CLI, webview) into dist/ and the tests into out/.
// Usage: node scripts/build.mjs [--watch] [--minify] [--only=dist|tests]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { precompiledSchema } from './precompiledSchema.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

function files(dir, suffix) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

// The web bundles (package.json `browser`: the client in VS Code's web worker extension host,
// the server in a web worker of its own) must not use Node: an import of a Node built-in (`fs`,
// `node:path`, ...) anywhere in what they bundle fails the build, naming the importer.
const BUILTIN = new RegExp(
  `^(node:.*|(${builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((m) => m.replace(/[/]/g, '\\/'))
    .join('|')})(\\/.*)?)$`,
);
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: BUILTIN }, async (args) => {
      if (args.pluginData?.noNodeProbe) return undefined;
      // A package may map a built-in away for browsers (its `browser` field): that is fine.
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { noNodeProbe: true },
      });
      if (!resolved.errors.length && !resolved.external && resolved.path) return resolved;
      return {
        errors: [
          {
            text: `the web bundle must not use Node: ${args.importer ? relative(process.cwd(), args.importer) : 'an entry'} imports the Node built-in "${args.path}"`,
          },
        ],
      };
    });
    build.onEnd((result) => {
      // Belt and braces: nothing in the bundle's inputs may still import a built-in.
      for (const [file, input] of Object.entries(result.metafile?.inputs ?? {})) {
        for (const imported of input.imports) {
          if (BUILTIN.test(imported.path) && (imported.external || !imported.path.includes('/node_modules/'))) {
            result.errors.push({
              text: `the web bundle must not use Node: ${file} imports the Node built-in "${imported.path}"`,
              location: null,
              notes: [],
              detail: undefined,
              id: '',
              pluginName: 'no-node-builtins',
            });
          }
        }
      }
    });
  },
};
const web = {
  bundle: true,
  sourcemap: true,
  minify,
  logLevel: 'warning',
  platform: 'browser',
  target: 'es2022',
  metafile: true,
  plugins: [noNodeBuiltins, precompiledSchema],
};

const common = { bundle: true, sourcemap: true, minify, logLevel: 'warning', target: 'node20', plugins: [precompiledSchema] };
const builds = [];
if (only !== 'tests') {
  builds.push(
    { ...common, entryPoints: ['client/src/extension.ts'], platform: 'node', format: 'cjs', external: ['vscode'], outfile: 'dist/client.js' },
    // Built without --external:vscode on purpose: if server code ever imports `vscode`, this fails.
    // import.meta.url is defined as in the CLI: the HiGHS solver's loader reads it.
    {
      ...common,
      entryPoints: ['server/src/lsp/main.ts'],
      platform: 'node',
      format: 'cjs',
      outfile: 'dist/server.js',
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    },
    {
      ...common,
      entryPoints: ['server/src/solver/highsWorker.ts'],
      platform: 'node',
      format: 'cjs',
      outfile: 'dist/highsWorker.js',
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    },
    // ESM dependencies (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle must define.
    {
      ...common,
      entryPoints: ['server/src/cli/main.ts'],
      platform: 'node',
      format: 'cjs',
      outfile: 'dist/cli.js',
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    },
  );
  builds.push(
    { ...web, entryPoints: ['client/src/browserExtension.ts'], format: 'cjs', external: ['vscode'], outfile: 'dist/web/client.js' },
    { ...web, entryPoints: ['server/src/lsp/browserMain.ts'], format: 'iife', outfile: 'dist/web/server.js' },
  );
  // The HiGHS solver's WebAssembly binary, which `programme plan` and the server load beside their bundles.
  mkdirSync('dist', { recursive: true });
  copyFileSync('node_modules/highs/build/highs.wasm', 'dist/highs.wasm');
  if (files('client/webview', 'main.ts').length) {
    builds.push({ ...common, entryPoints: ['client/webview/main.ts'], platform: 'browser', format: 'iife', target: 'es2020', outfile: 'dist/webview.js' });
  }
}
if (only !== 'dist') {
  const tests = [
    ...files('test/unit', '.test.ts'),
    ...files('test/lsp', '.test.ts'),
    ...files('test/cli', '.test.ts'),
    ...files('test/fuzz', '.test.ts'),
    ...files('test/browser', '.test.ts'),
    ...files('test/support', '.ts'),
  ];
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
