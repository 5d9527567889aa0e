// Bundles the benchmark into out/bench/ (run by `npm run bench` after the main build).
import * as esbuild from 'esbuild';
import { precompiledSchema } from '../scripts/precompiledSchema.mjs';

await esbuild.build({
  entryPoints: ['bench/run.ts', 'bench/profile.ts', 'bench/plan.ts', 'bench/drop.ts'],
  outbase: '.',
  outdir: 'out',
  bundle: true,
  sourcemap: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [precompiledSchema],
});
