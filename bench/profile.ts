/**
 * In-process timing of the core's phases alone (no LSP): `node out/bench/profile.js [slots] [edits]`.
 * For finding what an edit costs, with or without `node --cpu-prof`; the real benchmark is run.ts.
 */
import { generateProgramme } from './generate';
import { analyze, DocumentState, misreadTexts } from '../server/src/core/service/analysis';
import { validate } from '../server/src/core/schema/schema';
import { buildModel } from '../server/src/core/model/model';
import { RULES } from '../server/src/core/rules';
import { buildSchedule } from '../server/src/core/schedule/schedule';
import { encodeScheduleDelta, ScheduleView } from '../server/src/protocol';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

const slots = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 40);
const text = generateProgramme({ slots });
const state = new DocumentState();
const { parser } = state;
const t = performance.now();
const cpu = process.cpuUsage();
const first = analyze(text, state);
const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
console.log(
  `open ${slots} slots (${(text.length / 1e6).toFixed(2)} MB): ${(performance.now() - t).toFixed(1)} ms (CPU ${cpuMs.toFixed(0)} ms), ${first.problems.length} problems, whole=${first.syntax.whole}`,
);
const counts = new Map<string, number>();
for (const p of first.problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
console.log(`heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
console.log([...counts].map(([c, n]) => `${c}:${n}`).join(' '));
// Where the edits type: a slot title halfway down (default), or `EDIT=people`: a person's name halfway down the people.
const people = text.indexOf('\npeople:');
const at =
  process.env.EDIT === 'people'
    ? text.indexOf('    name: ', people + Math.floor((text.indexOf('\ntracks:') - people) / 2)) + 13
    : text.indexOf('  - title: ', Math.floor(text.length / 2)) + 14;
// The phases are timed on an edit of their own, one character further (the same title or
// name), between two analyses: timed on the text analyze just saw, they would find everything
// kept.
const other = at + 1;
const withY = (t: string): string => t.slice(0, other) + 'y' + t.slice(other);
const phases = new Map<string, number[]>();
const time = <T>(name: string, f: () => T): T => {
  const s = performance.now();
  const r = f();
  let list = phases.get(name);
  if (!list) phases.set(name, (list = []));
  list.push(performance.now() - s);
  return r;
};
const uri = 'file:///profile.programme.yaml';
// PROFILE=file.cpuprofile: a CPU profile of the edits only (analyze after each edit; with
// PROFILE_SCHEDULE=1, analyze and the schedule's build and delta).
const session = process.env.PROFILE ? new Session() : undefined;
if (session) {
  let last = buildSchedule(first, { uri, version: 0, cache: state.schedule });
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  for (let i = 0; i < runs; i++) {
    const analysis = analyze(i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text, state);
    if (!process.env.PROFILE_SCHEDULE) continue;
    const next = buildSchedule(analysis, { uri, version: -(i + 1), cache: state.schedule });
    JSON.stringify(encodeScheduleDelta(next, last));
    last = next;
  }
  session.post('Profiler.stop', (_e, r) => writeFileSync(process.env.PROFILE!, JSON.stringify(r.profile)));
}
let view: ScheduleView = buildSchedule(first, { uri, version: 0, cache: state.schedule });
for (let i = 0; i < runs; i++) {
  const edited = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
  const analysis = time('analyze', () => analyze(edited, state));
  const next = time('schedule (built again)', () => buildSchedule(analysis, { uri, version: i + 1, cache: state.schedule }));
  const delta = time('schedule delta (JSON)', () => JSON.stringify(encodeScheduleDelta(next, view)));
  if (i === 0) console.log(`schedule: ${(JSON.stringify(next).length / 1e6).toFixed(2)} MB whole, ${(delta.length / 1e6).toFixed(3)} MB as a delta`);
  view = next;
  const phased = withY(edited);
  const syntax = time('parse', () => parser.parse(phased));
  const schema = time('validate', () => validate(syntax.root, phased, state.schema));
  const model = time('model', () => buildModel(syntax.root, schema.invalid, state.model));
  const s = performance.now();
  for (const rule of RULES) time(`rule ${rule.name}`, () => rule({ model, memo: state.rules, report: () => undefined }));
  time('misreadTexts', () => misreadTexts(phased, model, state.misread));
  const after = performance.now() - s + phases.get('model')![phases.get('model')!.length - 1];
  let list = phases.get('model + rules + misreadTexts');
  if (!list) phases.set('model + rules + misreadTexts', (list = []));
  list.push(after);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of phases) console.log(`${name.padEnd(28)} median ${median(xs).toFixed(2)} ms`);
