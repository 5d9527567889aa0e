/** Reading programme files and configuration for the CLI. */
import * as fs from 'fs';
import * as path from 'path';
import { SeverityMap, CODES } from '../core';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export class UsageError extends Error {}

/** A file's text: UTF-8 (a leading byte-order mark is dropped, as editors do), else an error. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`${file}: cannot read: ${why}`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new UsageError(`${file}: not UTF-8 (it starts with a UTF-16 byte-order mark)`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    throw new UsageError(`${file}: not valid UTF-8 at byte ${firstBadByte(bytes)}`);
  }
}

function firstBadByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0, hi = bytes.length;
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
  const file = configFile ?? path.join(path.dirname(programmeFile), '.programme.json');
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
    if (!SEVERITIES.includes(value as string)) throw new UsageError(`${file}: diagnostics.severity.${code}: \`${String(value)}\` is not one of ${SEVERITIES.join(', ')}`);
  }
  return { severity: severity as SeverityMap };
}
