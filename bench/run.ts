/**
 * `npm run bench`: latency of the language server as an editor sees it (over stdio), against
 * the floor (the `yaml` parser plus Ajv alone, in process) and against Red Hat's YAML language
 * server given the same schema and files. Prints one table and writes bench/results/latest.json.
 *
 * Then the command line on big files (1, 5 and 10 MB): `check` and each export, time and peak
 * memory, against a `yaml` parse of the same text in a process of its own.
 *
 * Options (environment): BENCH_SIZES=200,2000 to choose the sizes (0: none), BENCH_QUICK=1 for fewer runs,
 * BENCH_PROFILE=DIR for a CPU profile of our server, BENCH_PEER=0 to leave out yaml-language-server,
 * BENCH_HOSTILE=0 to leave out the hostile files (each opened in one server: time to its
 * diagnostics, then to the example's opened after it),
 * BENCH_CLI_MB=1,5 for the command line's sizes (0: none), BENCH_STORM=0 to leave out the edit storm
 * (400 seeded edits growing a document that is parsed whole to 2.7 MB, with requests in between:
 * how long each request waits, and how long the last version's diagnostics take after it).
 *
 * Per size, besides the latencies: edit → schedule (a keystroke, then `programme/schedule` for
 * its version asked as the preview asks, with the version it holds, the delta applied), the
 * server's resident memory after the first open and after all the edits (at least 30 versions),
 * and the first open of a fresh server over the floor, and over the floor's own first run in a
 * fresh process (what `yaml` and Ajv cost before V8 has optimised them). The bundle sizes, web
 * ones included.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync, readFileSync } from 'fs';
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseDocument } from 'yaml';
import Ajv from 'ajv';
import { generateProgramme } from './generate';
import { BenchClient } from './client';
import { runStorm } from '../test/support/storm';
import { applyScheduleDelta, isScheduleDelta, ScheduleDeltaResult, ScheduleView } from '../server/src/protocol';
import { SERVER_CASES } from '../test/fixtures/hostile/inputs';
import { EXAMPLE_TEXT } from '../test/support/fixtures';
import { SERVER_LAUNCH } from '../server/src/launch';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');
const PEER = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA = path.join(ROOT, 'schemas/programme.schema.json');
const SIZES = (process.env.BENCH_SIZES ?? '200,2000,20000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);
const QUICK = !!process.env.BENCH_QUICK;

interface Stat {
  median: number;
  p95: number;
  n: number;
}

/** How many runs per size, and how long a series may take before it stops early (ms). */
function plan(slots: number): { opens: number; edits: number; requests: number; floor: number; peerEdits: number; budget: number } {
  const q = QUICK ? 0.3 : 1;
  const n = (x: number): number => Math.max(2, Math.round(x * q));
  if (slots <= 500) return { opens: n(10), edits: n(60), requests: n(60), floor: n(20), peerEdits: n(10), budget: 20_000 };
  if (slots <= 5000) return { opens: n(5), edits: n(40), requests: n(40), floor: n(10), peerEdits: n(6), budget: 30_000 };
  return { opens: n(3), edits: n(20), requests: n(30), floor: n(4), peerEdits: 2, budget: 60_000 };
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: round(at(0.5)), p95: round(at(0.95)), n: s.length };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

/**
 * Keystrokes are sent this far apart (a fast typist, ten keys a second): the server checks the
 * first change after a pause at once, and in a burst waits as long as its last check took.
 */
const TYPING_INTERVAL_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `f` up to `n` times (at least twice) within `budget` ms; returns the durations. */
async function series(n: number, budget: number, f: (i: number) => Promise<number> | number): Promise<number[]> {
  const out: number[] = [];
  const until = Date.now() + budget;
  for (let i = 0; i < n; i++) {
    out.push(await f(i));
    if (Date.now() > until && out.length >= 2) break;
  }
  return out;
}

/**
 * One keystroke of the typing pattern (type `x`, then delete it), timed from the change to
 * the next publish of diagnostics. `versioned`: wait for the publish of this very version
 * (our server sends versions; yaml-language-server does not).
 */
async function keystroke(client: BenchClient, uri: string, at: { line: number; character: number }, i: number, versioned: boolean): Promise<number> {
  const change =
    i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
  await sleep(TYPING_INTERVAL_MS);
  const before = client.publishCount(uri);
  const t = performance.now();
  const version = await client.change(uri, [change]);
  await client.waitPublish(uri, before, versioned ? version : undefined);
  return performance.now() - t;
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0,
    last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

/** Where the benchmark types: a slot title, a speakers list, a person id, near the middle. */
function targets(text: string): { title: number; speaker: number } {
  const mid = Math.floor(text.length / 2);
  const title = text.indexOf('      - title: ', mid) + '      - title: '.length + 3;
  const speaker = text.indexOf('        speakers: [', mid) + '        speakers: ['.length + 3;
  return { title, speaker };
}

/**
 * The floor's first run in a fresh process (the schema compiled before the clock starts): what
 * `yaml` and Ajv cost before V8 has optimised them, next to our own first open.
 */
function measureColdFloor(dir: string, file: string): number {
  const script = path.join(dir, 'cold-floor.js');
  writeFileSync(
    script,
    `const { parseDocument } = require(${JSON.stringify(require.resolve('yaml'))});
const Ajv = require(${JSON.stringify(require.resolve('ajv'))}).default;
const fs = require('fs');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(${JSON.stringify(SCHEMA)}, 'utf8')));
const text = fs.readFileSync(process.argv[2], 'utf8');
const t = performance.now();
validate(parseDocument(text).toJS());
process.stdout.write(String(performance.now() - t));`,
  );
  const r = spawnSync(process.execPath, [script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return round(Number(r.stdout));
}

async function measureFloor(text: string, runs: number, budget: number): Promise<Stat> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const times = await series(runs, budget, () => {
    const t = performance.now();
    const doc = parseDocument(text);
    validate(doc.toJS());
    return performance.now() - t;
  });
  return stat(times);
}

interface Ours {
  openFirst: number;
  open: Stat;
  edit: Stat;
  completion?: Stat;
  hover?: Stat;
  schedule?: Stat;
  /** A keystroke, then `programme/schedule` for its version, as the preview asks (a delta against the view it holds, applied). */
  editSchedule?: Stat;
  rssMb?: number;
  /** Resident memory after the edits (`versions` of them): what editing keeps. */
  rssAfterEditsMb?: number;
  versions?: number;
  diagnostics: number;
  notes: string[];
}

async function measureOurs(file: string, text: string, slots: number): Promise<Ours> {
  const p = plan(slots);
  const notes: string[] = [];
  // BENCH_PROFILE=DIR writes a CPU profile of our server there (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const client = new BenchClient({ script: SERVER, launch: SERVER_LAUNCH, nodeArgs: profile });
  try {
    await client.initialize(null);
    const uri = pathToFileURL(file).href;
    const openOnce = async (): Promise<number> => {
      const before = client.publishCount(uri);
      const t = performance.now();
      await client.open(uri, text);
      await client.waitPublish(uri, before, 1);
      return performance.now() - t;
    };
    const openFirst = await openOnce();
    const rssMb = client.rssMb();
    const opens = [openFirst];
    for (let i = 1; i < p.opens; i++) {
      // Closing clears the diagnostics (a publish without version): wait for it first.
      const before = client.publishCount(uri);
      await client.close(uri);
      await client.waitPublish(uri, before);
      opens.push(await openOnce());
    }
    const diagnostics = client.last(uri)?.diagnostics.length ?? 0;
    const { title, speaker } = targets(text);
    const at = position(text, title);
    const edits = await series(p.edits, p.budget, (i) => keystroke(client, uri, at, i, true));
    const request = async (method: string, params: unknown): Promise<Stat> =>
      stat(
        await series(p.requests, p.budget, async () => {
          const t = performance.now();
          await client.request(method, params);
          return performance.now() - t;
        }),
      );
    const where = { textDocument: { uri }, position: position(text, speaker) };
    const caps = client.capabilities;
    const completion = caps.completionProvider ? await request('textDocument/completion', where) : undefined;
    if (!completion) notes.push('no completion provider');
    const hover = caps.hoverProvider ? await request('textDocument/hover', where) : undefined;
    if (!hover) notes.push('no hover provider');
    let schedule: Stat | undefined;
    let editSchedule: Stat | undefined;
    let versions = edits.length;
    try {
      await client.request('programme/schedule', { uri });
      schedule = await request('programme/schedule', { uri });
      let held = (await client.request<ScheduleView | null>('programme/schedule', { uri }))!;
      const times = await series(Math.max(p.edits, 30 - versions), p.budget, async (i) => {
        const change =
          i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
        await sleep(TYPING_INTERVAL_MS);
        const t = performance.now();
        const version = await client.change(uri, [change]);
        const answer = await client.request<ScheduleDeltaResult>('programme/schedule', { uri, have: held.version });
        const view = isScheduleDelta(answer) ? applyScheduleDelta(answer, held) : answer;
        const ms = performance.now() - t;
        if (view?.version !== version) throw new Error(`the schedule of version ${view?.version} came for version ${version}`);
        held = view;
        return ms;
      });
      editSchedule = stat(times);
      versions += times.length;
    } catch (error) {
      notes.push(`programme/schedule skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
    const rssAfterEditsMb = client.rssMb();
    return {
      openFirst: round(openFirst),
      open: stat(opens),
      edit: stat(edits),
      completion,
      hover,
      schedule,
      editSchedule,
      rssMb: rssMb && round(rssMb),
      rssAfterEditsMb: rssAfterEditsMb && round(rssAfterEditsMb),
      versions,
      diagnostics,
      notes,
    };
  } finally {
    await client.shutdown();
  }
}

interface Peer {
  open: number;
  edit: Stat;
  rssMb?: number;
  diagnostics: number;
}

async function measurePeer(dir: string, file: string, text: string, slots: number): Promise<Peer> {
  const p = plan(slots);
  const schemaUri = pathToFileURL(SCHEMA).href;
  const yaml = { schemas: { [schemaUri]: '*.programme.yaml' }, validate: true, hover: true, completion: true, format: { enable: false } };
  const client = new BenchClient({ script: PEER, languageId: 'yaml' });
  client.configuration = (section: string) => (section === 'yaml' ? yaml : section === 'http' ? {} : null);
  try {
    await client.initialize(pathToFileURL(dir).href);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
    const uri = pathToFileURL(file).href;
    const t0 = performance.now();
    await client.open(uri, text);
    await client.waitPublish(uri, 0);
    const open = performance.now() - t0;
    const rssMb = client.rssMb();
    const diagnostics = client.last(uri)?.diagnostics.length ?? 0;
    const at = position(text, targets(text).title);
    const edits = await series(p.peerEdits, p.budget, (i) => keystroke(client, uri, at, i, false));
    return { open: round(open), edit: stat(edits), rssMb: rssMb && round(rssMb), diagnostics };
  } finally {
    await client.shutdown();
  }
}

/** Checks once that the peer really validates with our schema: an unknown key must be reported. */
async function peerValidates(dir: string): Promise<boolean> {
  const file = path.join(dir, 'sanity.programme.yaml');
  const text = generateProgramme({ slots: 10 }).replace('programme: 1', 'programme: 1\nnot-a-key: 1');
  writeFileSync(file, text);
  const schemaUri = pathToFileURL(SCHEMA).href;
  const yaml = { schemas: { [schemaUri]: '*.programme.yaml' }, validate: true };
  const client = new BenchClient({ script: PEER, languageId: 'yaml' });
  client.configuration = (section: string) => (section === 'yaml' ? yaml : null);
  try {
    await client.initialize(pathToFileURL(dir).href);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    await client.waitPublish(uri, 0, undefined, 60_000);
    return (client.last(uri)?.diagnostics ?? []).some((d) => /not-a-key|not allowed/i.test(String(d.message)));
  } finally {
    await client.shutdown();
  }
}

const CLI = path.join(ROOT, 'bin/programme.js');
const CLI_SIZES = (process.env.BENCH_CLI_MB ?? '1,5,10')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);

/** Reports the process's peak memory on its way out (loaded with `node -r`). */
const PEAK_REPORTER = `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, '\\nbench-peak-rss-kb=' + u.maxRSS + ' cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`;

/** Wall time, CPU time (what a loaded machine changes least) and peak resident memory. */
interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
  status: number | null;
}

/** Runs node with `args` once: wall time and peak resident memory. */
function runNode(dir: string, args: string[]): Run {
  const reporter = path.join(dir, 'peak.js');
  writeFileSync(reporter, PEAK_REPORTER);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', reporter, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  const m = /bench-peak-rss-kb=(\d+) cpu-us=(\d+)/.exec(r.stderr ?? '');
  return { ms: round(ms), cpuMs: round(Number(m?.[2] ?? NaN) / 1000), peakMb: round(Number(m?.[1] ?? NaN) / 1024), status: r.status };
}

interface CliRow {
  megabytes: number;
  slots: number;
  parse: Run;
  check: Run;
  exports: Record<string, Run>;
  checkOverParse: number;
  exportOverCheck: Record<string, number>;
}

/** `check` and the exports of generated programmes of about `sizes` megabytes, each in a fresh process. */
function measureCli(dir: string): CliRow[] {
  const rows: CliRow[] = [];
  const perSlot = generateProgramme({ slots: 1000 }).length / 1000;
  const parseScript = path.join(dir, 'parse.js');
  writeFileSync(parseScript, `require(${JSON.stringify(require.resolve('yaml'))}).parseDocument(require('fs').readFileSync(process.argv[2], 'utf8'));`);
  for (const mb of CLI_SIZES) {
    const slots = Math.max(10, Math.floor((mb * 1e6) / perSlot));
    const text = generateProgramme({ slots });
    const file = path.join(dir, `cli-${mb}.programme.yaml`);
    writeFileSync(file, text);
    process.stderr.write(`command line, ${(text.length / 1e6).toFixed(2)} MB: parse, check`);
    const parse = runNode(dir, [parseScript, file]);
    const check = runNode(dir, [CLI, 'check', '--format', 'json', file]);
    const exports: Record<string, Run> = {};
    for (const to of ['ics', 'schedule-json', 'schedule-xml']) {
      process.stderr.write(`, ${to}`);
      exports[to] = runNode(dir, [CLI, 'export', file, '--to', to, '--force', '-o', path.join(dir, `out-${mb}.${to}`)]);
    }
    process.stderr.write('\n');
    const exportOverCheck: Record<string, number> = {};
    for (const [to, r] of Object.entries(exports)) exportOverCheck[to] = ratio(r.cpuMs, check.cpuMs);
    rows.push({ megabytes: round(text.length / 1e6), slots, parse, check, exports, checkOverParse: ratio(check.cpuMs, parse.cpuMs), exportOverCheck });
  }
  return rows;
}

interface StormRow {
  edits: number;
  megabytes: number;
  sent: number;
  answered: number;
  wait: Stat;
  maxWaitMs: number;
  over2s: number;
  lastDiagnosticsMs: number;
}

async function measureStorm(): Promise<StormRow> {
  const client = new BenchClient({ script: SERVER, launch: SERVER_LAUNCH });
  try {
    await client.initialize(null);
    const uri = 'file:///bench/storm.programme.yaml';
    const storm = await runStorm(client, uri, generateProgramme({ slots: 50 }), { edits: 400, seed: 18 });
    const t = performance.now();
    await client.waitDiagnostics(uri, storm.version, 600_000);
    const ms = storm.waits.map((w) => w.ms);
    return {
      edits: 400,
      megabytes: round(storm.text.length / 1e6),
      sent: storm.sent,
      answered: storm.waits.length,
      wait: stat(ms),
      maxWaitMs: Math.max(...ms),
      over2s: ms.filter((x) => x > 2000).length,
      lastDiagnosticsMs: round(performance.now() - t),
    };
  } finally {
    await client.shutdown();
  }
}

interface HostileRow {
  name: string;
  ms: number;
  nextMs: number;
}

/** Each hostile file opened in one server: ms to its diagnostics, then to the example's opened after it. */
async function measureHostile(): Promise<HostileRow[]> {
  const client = new BenchClient({ script: SERVER, launch: SERVER_LAUNCH });
  const rows: HostileRow[] = [];
  try {
    await client.initialize(null);
    let n = 0;
    const open = async (text: string): Promise<number> => {
      const uri = `file:///bench/hostile-${++n}.programme.yaml`;
      const t = performance.now();
      await client.open(uri, text);
      await client.waitDiagnostics(uri, 1, 120_000);
      const ms = round(performance.now() - t);
      await client.close(uri);
      return ms;
    };
    for (const c of SERVER_CASES) {
      const text = c.text();
      rows.push({ name: c.name, ms: await open(text), nextMs: await open(EXAMPLE_TEXT) });
    }
  } finally {
    await client.shutdown();
  }
  return rows;
}

function fmt(s: Stat | undefined): string {
  return s ? `${s.median} / ${s.p95}` : 'n/a';
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'programme-bench-'));
  const rows: Record<string, unknown>[] = [];
  // What the table below reads of a row (written above).
  type BenchRow = {
    slots: number;
    megabytes: number;
    floor: Stat;
    coldFloor: number;
    ours: Record<string, Stat> & { openFirst: number; rssMb?: number; rssAfterEditsMb?: number; versions?: number; notes: string[] };
    peer: { open: string; edit: Stat; rssMb?: number };
    ratios: Record<string, number>;
  };
  let cli: CliRow[] = [];
  let storm: StormRow | undefined;
  let hostile: HostileRow[] = [];
  try {
    const peerOk = process.env.BENCH_PEER === '0' || (await peerValidates(dir));
    if (!peerOk) console.warn('warning: yaml-language-server did not report a schema error in the sanity check');
    for (const slots of SIZES) {
      const text = generateProgramme({ slots });
      const file = path.join(dir, `generated-${slots}.programme.yaml`);
      writeFileSync(file, text);
      const p = plan(slots);
      process.stderr.write(`${slots} slots (${(text.length / 1e6).toFixed(2)} MB): floor`);
      const floor = await measureFloor(text, p.floor, p.budget);
      const coldFloor = measureColdFloor(dir, file);
      process.stderr.write(', ours');
      const ours = await measureOurs(file, text, slots);
      const withPeer = process.env.BENCH_PEER !== '0';
      if (withPeer) process.stderr.write(', yaml-language-server');
      const peer = withPeer ? await measurePeer(dir, file, text, slots) : { open: NaN, edit: { median: NaN, p95: NaN, n: 0 }, diagnostics: 0 };
      process.stderr.write('\n');
      rows.push({
        slots,
        megabytes: Math.round(text.length / 1e5) / 10,
        floor,
        coldFloor,
        ours,
        peer,
        ratios: {
          editOverFloor: ratio(ours.edit.median, floor.median),
          openOverFloor: ratio(ours.open.median, floor.median),
          firstOpenOverFloor: ratio(ours.openFirst, floor.median),
          coldFloorOverFloor: ratio(coldFloor, floor.median),
          firstOpenOverColdFloor: ratio(ours.openFirst, coldFloor),
          editOverPeer: ratio(ours.edit.median, peer.edit.median),
        },
      });
    }
    if (process.env.BENCH_HOSTILE !== '0') {
      process.stderr.write('hostile files\n');
      hostile = await measureHostile();
    }
    cli = measureCli(dir);
    if (process.env.BENCH_STORM !== '0') {
      process.stderr.write('edit storm\n');
      storm = await measureStorm();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Every bundle, the web ones (dist/web/: the `browser` entry's client and its worker's server,
  // which the build keeps free of Node built-ins) as web/client.js and web/server.js.
  const bundles: Record<string, number> = {};
  for (const folder of ['', 'web']) {
    const dist = path.join(ROOT, 'dist', folder);
    let names: string[] = [];
    try {
      names = readdirSync(dist)
        .filter((n) => n.endsWith('.js'))
        .sort();
    } catch {
      names = []; // no web build
    }
    for (const name of names) bundles[folder ? `${folder}/${name}` : name] = Math.round(statSync(path.join(dist, name)).size / 1024);
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => round(x)),
  };
  const result = {
    date: new Date().toISOString(),
    machine,
    unit: 'ms (median / 95th percentile)',
    typingIntervalMs: TYPING_INTERVAL_MS,
    rows,
    cli,
    storm,
    hostile,
    bundlesKb: bundles,
    seconds: Math.round((Date.now() - started) / 1000),
  };

  const lines: string[] = [];
  lines.push(
    `| slots (MB) | floor: parse+Ajv | open (first) | edit → diagnostics | completion | hover | schedule | edit → schedule | RSS MB (open / after edits) | yaml-ls open | yaml-ls edit | yaml-ls RSS | edit/floor | open/floor | first open/floor | floor's first run/floor | first open/floor's first run | edit/yaml-ls |`,
  );
  lines.push(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const r of rows as BenchRow[]) {
    lines.push(
      `| ${r.slots} (${r.megabytes}) | ${fmt(r.floor)} | ${fmt(r.ours.open)} (${r.ours.openFirst}) | ${fmt(r.ours.edit)} | ${fmt(r.ours.completion)} | ${fmt(r.ours.hover)} | ${fmt(r.ours.schedule)} | ${fmt(r.ours.editSchedule)} | ${r.ours.rssMb ?? '?'} / ${r.ours.rssAfterEditsMb ?? '?'} (${r.ours.versions} versions) | ${r.peer.open} | ${fmt(r.peer.edit)} | ${r.peer.rssMb ?? '?'} | ${r.ratios.editOverFloor} | ${r.ratios.openOverFloor} | ${r.ratios.firstOpenOverFloor} | ${r.ratios.coldFloorOverFloor} (${r.coldFloor}) | ${r.ratios.firstOpenOverColdFloor} | ${r.ratios.editOverPeer} |`,
    );
  }
  console.log(
    `Conference Programme benchmark, ${result.date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; times in ms, median / 95th percentile`,
  );
  console.log(lines.join('\n'));
  console.log(
    `bundles (KB): ${Object.entries(bundles)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; load average ${machine.loadAverage.join(' ')}; ${result.seconds} s`,
  );
  for (const r of rows as BenchRow[]) for (const n of r.ours.notes) console.log(`note (${r.slots} slots): ${n}`);
  if (cli.length) {
    const t = (r: Run): string => `${r.ms} / ${r.cpuMs} ms, ${r.peakMb} MB${r.status === 0 || r.status === 1 ? '' : ` (exit ${r.status})`}`;
    console.log('\nCommand line, each in a fresh process (wall / CPU time, peak memory; ratios of CPU times):');
    console.log(
      '| MB (slots) | `yaml` parse | check | export ics | export schedule-json | export schedule-xml | check/parse | ics/check | json/check | xml/check |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of cli) {
      console.log(
        `| ${r.megabytes} (${r.slots}) | ${t(r.parse)} | ${t(r.check)} | ${t(r.exports.ics)} | ${t(r.exports['schedule-json'])} | ${t(r.exports['schedule-xml'])} | ${r.checkOverParse} | ${r.exportOverCheck.ics} | ${r.exportOverCheck['schedule-json']} | ${r.exportOverCheck['schedule-xml']} |`,
      );
    }
  }
  if (hostile.length) {
    console.log("\nHostile files, one after another in one server (ms to the diagnostics; then to the example's, opened next):");
    console.log('| file | its diagnostics | the next file |\n|---|---|---|');
    for (const h of hostile) console.log(`| ${h.name} | ${h.ms} | ${h.nextMs} |`);
  }
  if (storm) {
    console.log(
      `\nEdit storm: ${storm.edits} edits to ${storm.megabytes} MB (parsed whole), ${storm.answered} of ${storm.sent} requests answered; wait ${fmt(storm.wait)} ms, longest ${storm.maxWaitMs} ms, ${storm.over2s} over 2 s; the last version's diagnostics ${storm.lastDiagnosticsMs} ms after the storm`,
    );
  }
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(result, null, 2) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
