/**
 * `programme plan FILE [--write] [--replan] [--format text|json] [--time-limit SECONDS]`:
 * places every track that has no session and no scheduled slot into one of the file's
 * `blocks`, with the least clashes (HiGHS proves the optimum); prints the placement and every
 * clash left. `--write` writes the placed tracks' sessions (and rooms) into the file, keeping
 * everything else as it is, through a temporary file renamed over it.
 * Exit 0 when every track is placed; 1 when some cannot be (or the file has errors); 2 on bad usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import { displayName, readText, UsageError } from '../io';
import { analyze, applyEdits, planProgramme, type PlanResult } from '../../core';
import { highsSolver } from '../../solver/highs';

interface PlanOptions {
  write: boolean;
  replan: boolean;
  format: 'text' | 'json';
  timeLimit: string;
}

export function planCommand(): Command {
  return new Command('plan')
    .description(
      "place the tracks that have no session into the file's blocks with the least clashes between the people they need (leads, key attendees); print the placement and the clashes left",
    )
    .argument('<FILE>', 'programme file')
    .option('--write', 'write the placement into the file (sessions, and rooms where missing)', false)
    .option('--replan', 'tracks already in a block may move too: the least clashes, then the fewest moves', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--time-limit <seconds>', 'stop the search after this long with the best placement found', '300')
    .action(async (file: string, options: PlanOptions) => {
      process.exitCode = await runPlan(file, options);
    });
}

async function runPlan(file: string, options: PlanOptions): Promise<number> {
  const limit = Number(options.timeLimit);
  if (!(limit > 0)) throw new UsageError(`plan: --time-limit \`${options.timeLimit}\` is not a positive number of seconds`);
  if (file === '-' && options.write) throw new UsageError('plan: --write needs a file, not standard input');
  const text = readText(file);
  const analysis = analyze(text);
  const started = Date.now();
  const result = await planProgramme(analysis, highsSolver, { replan: options.replan, timeLimitSeconds: limit });
  const seconds = (Date.now() - started) / 1000;
  const name = displayName(file);
  if (result.blockers.length) {
    for (const b of result.blockers) process.stderr.write(`${name}: ${b}\n`);
    process.stderr.write(`programme: ${name} has errors: not planned (\`programme check ${name}\` shows where)\n`);
    return 1;
  }
  let written = false;
  if (options.write && !result.unplaced.length && result.edits.length) {
    writeInPlace(file, applyEdits(text, result.edits));
    written = true;
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ file: name, ...summary(result), seconds, written }, null, 2)}\n`);
  } else {
    process.stdout.write(formatPlan(result, seconds, written, options));
  }
  if (result.unplaced.length) {
    process.stderr.write(
      `programme: ${result.unplaced.length} track${result.unplaced.length === 1 ? '' : 's'} cannot be placed: ${result.unplaced.map((u) => u.track).join(', ')}${options.write ? '; nothing written' : ''}\n`,
    );
    return 1;
  }
  return 0;
}

function summary(result: PlanResult): object {
  return {
    optimal: result.optimal,
    clashCount: result.clashes.length,
    moves: result.moves,
    placements: result.placements.map((p) => ({
      track: p.track,
      block: p.block.index,
      room: p.block.room,
      when: p.block.when,
      change: p.change,
      ...(p.from ? { from: { block: p.from.index, room: p.from.room, when: p.from.when } } : {}),
    })),
    clashes: result.clashes.map((c) => ({ person: c.person, name: c.name, tracks: c.tracks, when: c.when })),
    unplaced: result.unplaced,
    freeBlocks: result.freeBlocks.map((b) => ({ block: b.index, room: b.room, when: b.when })),
    stats: result.stats,
  };
}

function formatPlan(result: PlanResult, seconds: number, written: boolean, options: PlanOptions): string {
  const lines: string[] = [];
  const changed = result.placements.filter((p) => p.change !== 'kept');
  if (!result.placements.length) lines.push('No track is in a block.');
  else lines.push('Placement:');
  for (const p of result.placements) {
    const mark = p.change === 'new' ? 'placed' : p.change === 'moved' ? `moved from ${p.from!.room} ${p.from!.when}` : 'stays';
    lines.push(`  ${p.block.when}  ${p.block.room}  ${p.track}  (${mark})`);
  }
  for (const u of result.unplaced) lines.push(`  cannot place ${u.track}: ${u.reason}`);
  if (result.freeBlocks.length) lines.push(`Free blocks: ${result.freeBlocks.map((b) => `${b.room} ${b.when}`).join('; ')}`);
  lines.push(
    result.clashes.length
      ? `Clashes (${result.clashes.length}):`
      : 'No clash: nobody a track needs (leads, key attendees) is needed elsewhere at the same time.',
  );
  for (const c of result.clashes) lines.push(`  ${c.person}${c.name ? ` (${c.name})` : ''}: ${c.tracks[0]} and ${c.tracks[1]}, ${c.when}`);
  const proof = result.optimal ? 'the least possible' : 'the best found within the time limit, not proven the least';
  const what = options.replan
    ? `${result.clashes.length} clash${result.clashes.length === 1 ? '' : 'es'} and ${result.moves} move${result.moves === 1 ? '' : 's'}`
    : `${result.clashes.length} clash${result.clashes.length === 1 ? '' : 'es'}`;
  lines.push(`${what}: ${proof} (${seconds.toFixed(1)} s).`);
  if (written) lines.push(`Wrote ${changed.length} track${changed.length === 1 ? '' : 's'} into the file.`);
  else if (!options.write && changed.length) lines.push('Run with --write to write it into the file.');
  return `${lines.join('\n')}\n`;
}

/**
 * Replaces the file's text through a temporary file in the same folder, renamed over it. A
 * symbolic link is resolved first, so the link stays a link and its target gets the new text.
 */
function writeInPlace(file: string, text: string): void {
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const mode = fs.statSync(target).mode & 0o7777;
    fs.writeFileSync(temp, text, { flag: 'wx', mode });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
}
