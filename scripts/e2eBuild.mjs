#!/usr/bin/env node
// Compiles the end-to-end tests and their launchers with esbuild into out/test/e2e/:
// each entry bundled on its own, for Node, CommonJS, `vscode` and packages left external; and
// web/index.js, the web subset for the web worker extension host: one CommonJS file for the
// browser with mocha and the tests in it (only `vscode` left external), `node:assert/strict`
// mapped to test/e2e/web/assert.ts.
//
//   node scripts/e2eBuild.mjs            build
//   import { buildE2e } from './e2eBuild.mjs'; await buildE2e();

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(REPO_ROOT, 'test', 'e2e');
export const E2E_OUT = path.join(REPO_ROOT, 'out', 'test', 'e2e');

function entries() {
  const suite = path.join(SOURCE, 'suite');
  return [
    path.join(SOURCE, 'runCodeServer.ts'),
    path.join(SOURCE, 'runElectron.ts'),
    ...fs
      .readdirSync(suite)
      .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
      .sort()
      .map((name) => path.join(suite, name)),
  ];
}

/** Builds out/test/e2e/ (removing what an earlier build left there). */
export async function buildE2e({ logLevel = 'warning' } = {}) {
  const esbuild = await import('esbuild');
  fs.rmSync(E2E_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries(),
    outbase: SOURCE,
    outdir: E2E_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    packages: 'external',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel,
  });
  const assertShim = path.join(SOURCE, 'web', 'assert.ts');
  await esbuild.build({
    entryPoints: [path.join(SOURCE, 'web', 'index.ts')],
    outfile: path.join(E2E_OUT, 'web', 'index.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel,
    plugins: [
      {
        name: 'assert-for-the-web',
        setup(build) {
          build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: assertShim }));
        },
      },
    ],
  });
  return E2E_OUT;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const out = await buildE2e({ logLevel: 'info' });
    process.stderr.write(`e2e tests built into ${path.relative(REPO_ROOT, out)}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
