/**
 * The published CLI: `npm pack` makes a tarball that `npm install -g` turns into a working
 * `programme` command, outside this repository, with no dependency installed beside it
 * (the bundle in dist/ carries them).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { ROOT } from '../support/exchange';

const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function size(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

suite('npm pack, then npm install -g of the tarball', function () {
  this.timeout(180_000);
  let scratch: string;
  let programme: string;

  suiteSetup(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js')), 'run `npm run build` first');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-pack-'));
    // --ignore-scripts: pack the dist/ this test run was built with instead of rebuilding it.
    const out = execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' });
    const tarball = path.join(scratch, (JSON.parse(out) as { filename: string }[])[0].filename);
    const prefix = path.join(scratch, 'prefix');
    execFileSync(NPM, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: scratch, encoding: 'utf8' });
    programme = path.join(prefix, 'bin', 'programme');
  });

  suiteTeardown(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('the package holds its bundle and installs no dependency', () => {
    const installed = path.join(path.dirname(path.dirname(programme)), 'lib', 'node_modules', 'conference-programme');
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'cli.js')));
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'webview.js')));
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'nothing is installed beside the bundle');
    // The bundles, and HiGHS's WebAssembly binary (3.5 MB) for `programme plan`.
    assert.ok(size(installed) < 12_000_000, `installed size ${size(installed)} bytes`);
  });

  test('programme --version, check of the example, and the example on standard input', () => {
    const version = spawnSync(programme, ['--version'], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(version.status, 0, version.stderr);
    assert.match(version.stdout, /^programme \d+\.\d+\.\d+ /);
    const file = path.join(scratch, 'lpc.programme.yaml');
    fs.copyFileSync(EXAMPLE, file);
    const check = spawnSync(programme, ['check', 'lpc.programme.yaml'], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stderr);
    assert.match(check.stdout, /^lpc\.programme\.yaml:10:13: information timezone-alias: /m);
    const piped = spawnSync('sh', ['-c', `cat lpc.programme.yaml | "${programme}" check -`], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(piped.status, 0, piped.stderr);
    assert.strictEqual(piped.stdout, check.stdout.split('lpc.programme.yaml').join('<stdin>'));
    const broken = spawnSync('sh', ['-c', `printf 'programme: 1\\nevent: [\\n' | "${programme}" check -`], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(broken.status, 1);
    assert.match(broken.stdout, /^<stdin>:\d+:\d+: error yaml-syntax: /m);
  });

  test('programme render works from the installed package (it reads the renderer beside the CLI)', () => {
    const page = spawnSync(programme, ['render', EXAMPLE], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(page.status, 0, page.stderr);
    assert.match(page.stdout, /<script type="application\/json" id="programme-data">/);
  });

  test('programme plan works from the installed package (it loads the solver beside the CLI)', () => {
    const file = path.join(scratch, 'committee.programme.yaml');
    fs.copyFileSync(path.join(ROOT, 'examples/committee.programme.yaml'), file);
    const plan = spawnSync(programme, ['plan', 'committee.programme.yaml'], { cwd: scratch, encoding: 'utf8' });
    assert.strictEqual(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /0 clashes: the least possible/);
  });
});
