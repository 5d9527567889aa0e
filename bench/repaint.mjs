// `npm run bench` (last step), `npm run bench:repaint`: keystroke → preview repaint in the real
// editor. Runs the end-to-end test "Preview keeps up with typing" in code-server (2,000
// generated slots, the preview beside the editor): its launcher presses keys in the editor and
// times each from the key press to the next frame the preview paints with the slot's new title
// (test/e2e/runCodeServer.ts, typingRepaint). Prints the median and 95th percentile and writes
// bench/results/repaint.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-results', 'repaint.json');
rmSync(OUT, { force: true });
const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2eRun.mjs'), '--no-build', '--grep', 'keeps up with typing'], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
});
let times, toWebview;
try {
  ({ times, toWebview = [] } = JSON.parse(readFileSync(OUT, 'utf8')));
} catch {
  console.error(`keystroke → preview repaint: no times (the end-to-end run exited ${run.status})`);
  process.exit(1);
}
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const at = (q) => quantile(times, q);
const result = {
  date: new Date().toISOString(),
  slots: 2000,
  editor: 'code-server',
  keystrokes: times.length,
  median: at(0.5),
  p95: at(0.95),
  /** From the key press to the preview receiving its update (editor, server, extension host): the rest is the webview's render and paint. */
  toWebviewMedian: toWebview.length ? quantile(toWebview, 0.5) : undefined,
  times,
  toWebview,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
};
console.log(
  `\nKeystroke → preview repaint in code-server, 2,000 slots: ${result.median} / ${result.p95} ms (median / 95th percentile of ${times.length}; the update reaches the preview after ${result.toWebviewMedian} ms, median); load average ${result.loadAverage.join(' ')}`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'repaint.json'), JSON.stringify(result, null, 2) + '\n');
