/** Reading programme files and configuration for the CLI; colour for its output. */
import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { SeverityMap, CODES } from '../core';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export class UsageError extends Error {}

/** The argument that names standard input. */
export const STDIN = '-';

/** How a file is named in messages: `<stdin>` for `-`. */
export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/**
 * The files that FILE arguments name, in order: `-` as is, a folder's programme files
 * (`*.programme.yaml`, `programme.yaml`, recursively, without dot-folders and node_modules),
 * a glob's matches (expanded here, so quoted globs work in every shell), else the name as is
 * (a missing file is reported when it is read).
 */
export function expandInputs(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      if (files.includes(STDIN)) throw new UsageError('`-` (standard input) can be named only once');
      files.push(arg);
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = globSync(['**/*.programme.{yaml,yml}', '**/programme.{yaml,yml}'], { cwd: arg, ignore: ['**/node_modules/**'], dot: false })
        .sort()
        .map((f) => path.join(arg, f));
      if (!found.length) throw new UsageError(`${arg}: no programme file (*.programme.yaml, programme.yaml) in this folder`);
      files.push(...found);
    } else if (!stat && isDynamicPattern(arg)) {
      const found = globSync(arg.replace(/\\/g, '/'), { ignore: ['**/node_modules/**'] }).sort();
      if (!found.length) throw new UsageError(`${arg}: no file matches`);
      files.push(...found);
    } else {
      files.push(arg);
    }
  }
  return files;
}

/** A file's text: UTF-8 (a leading byte-order mark is dropped, as editors do), else an error. `-` is standard input. */
export function readText(file: string, limit?: { megabytes: number; what: string }): string {
  let bytes: Buffer;
  try {
    // A file over the limit is refused before it is read.
    if (limit && file !== STDIN) tooLarge(file, fs.statSync(file).size, limit);
    bytes = fs.readFileSync(file === STDIN ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${displayName(file)}: cannot read: ${why}`);
  }
  if (limit) tooLarge(file, bytes.length, limit);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`${displayName(file)}: not UTF-8 (it starts with a UTF-16 byte-order mark)`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    throw new UsageError(`${displayName(file)}: not valid UTF-8 at byte ${firstBadByte(bytes)}`);
  }
}

function tooLarge(file: string, bytes: number, limit: { megabytes: number; what: string }): void {
  if (bytes <= limit.megabytes * 1024 * 1024) return;
  throw new UsageError(`${displayName(file)}: too large: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the limit of ${limit.megabytes} MB for ${limit.what}`);
}

function firstBadByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0,
    hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export interface CliConfig {
  severity: SeverityMap;
}

/**
 * The severity map: from `--config FILE` if given, else from `.programme.json` in the
 * programme's folder, else the defaults. Same shape as the editor setting:
 * `{ "diagnostics": { "severity": { "unused-person": "off" } } }`.
 */
export function loadConfig(configFile: string | undefined, programmeFile: string): CliConfig {
  const file = configFile ?? path.join(programmeFile === STDIN ? '.' : path.dirname(programmeFile), '.programme.json');
  if (!configFile && !fs.existsSync(file)) return { severity: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const severity = (raw as { diagnostics?: { severity?: unknown } })?.diagnostics?.severity ?? {};
  if (typeof severity !== 'object' || severity === null || Array.isArray(severity)) throw new UsageError(`${file}: diagnostics.severity must be an object`);
  for (const [code, value] of Object.entries(severity)) {
    if (!Object.hasOwn(CODES, code)) throw new UsageError(`${file}: diagnostics.severity: unknown code \`${code}\``);
    if (!SEVERITIES.includes(value as string))
      throw new UsageError(`${file}: diagnostics.severity.${code}: \`${String(value)}\` is not one of ${SEVERITIES.join(', ')}`);
  }
  return { severity: severity as SeverityMap };
}

/** Characters a terminal acts on or reorders: C0 controls but tab, DEL, C1 controls, bidi controls, line and paragraph separators, lone surrogates. */
const UNSAFE_ON_TERMINAL =
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from a programme file or its name, safe to print: every character a terminal would act
 * on (ESC sequences that recolour or erase, a line break that forges a line, a carriage return,
 * bidi controls that reorder) is shown as an escape, `\x1B`, `\u202E`.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_ON_TERMINAL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export type Paint = (style: 'red' | 'yellow' | 'cyan' | 'dim' | 'bold', text: string) => string;

const SGR = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };

/**
 * Colour for a stream: on a terminal that has colours, none when NO_COLOR is set
 * (https://no-color.org), TERM is dumb or the output is a pipe or a file.
 */
export function paintFor(stream: NodeJS.WriteStream): Paint {
  const on = !process.env.NO_COLOR && stream.isTTY === true && stream.hasColors?.() === true;
  return on ? (style, text) => `\x1b[${SGR[style][0]}m${text}\x1b[${SGR[style][1]}m` : (_style, text) => text;
}

export interface WriteOptions {
  /** The files the output is made from: it must not replace any of them. */
  inputs: string[];
  /** Write to what a symbolic link at the target points to (by default such a target is refused). */
  followSymlink?: boolean;
}

/**
 * Writes a command's output file, the one way every command writes. It refuses to replace an
 * input (the same path, or the same file through a symbolic or hard link), refuses a symbolic
 * link at the target unless `followSymlink`, and writes a temporary file in the target's
 * folder, then renames it over the target: readers see the old file or the whole new one,
 * never a truncated one.
 */
export function writeOutput(target: string, text: string, options: WriteOptions): void {
  const { file, stat } = checkOutput(target, options);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    if (stat) fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : (error as Error).message;
    throw new UsageError(`${target}: cannot write: ${why}`);
  }
}

/**
 * Whether `writeOutput` may write `target` (a usage error if not), and the file it would
 * write: commands call it before their work too, so a refused output costs nothing.
 */
export function checkOutput(target: string, options: WriteOptions): { file: string; stat?: fs.Stats } {
  let link: fs.Stats | undefined;
  try {
    link = fs.lstatSync(target);
  } catch {
    link = undefined;
  }
  let file = target;
  if (link?.isSymbolicLink()) {
    if (!options.followSymlink)
      throw new UsageError(`${target}: is a symbolic link: not written through it (--follow-symlink writes to the file it points to)`);
    try {
      file = fs.realpathSync(target);
    } catch {
      throw new UsageError(`${target}: is a symbolic link to nothing: not written`);
    }
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new UsageError(`${target}: is a directory`);
  for (const input of options.inputs) {
    if (input === STDIN) continue;
    if (sameFile(file, stat, input)) throw new UsageError(`${target}: is the input ${input}: refusing to overwrite it`);
  }
  return { file, stat };
}

/** Whether `file` (with its stat, if it exists) is `input`: by path, by real path, or by device and inode. */
function sameFile(file: string, stat: fs.Stats | undefined, input: string): boolean {
  if (path.resolve(file) === path.resolve(input)) return true;
  let inputStat: fs.Stats;
  try {
    inputStat = fs.statSync(input);
  } catch {
    return false;
  }
  if (stat) return stat.dev === inputStat.dev && stat.ino === inputStat.ino;
  // A target that does not exist yet can still be the input's path through a linked folder.
  try {
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file)) === fs.realpathSync(input);
  } catch {
    return false;
  }
}
