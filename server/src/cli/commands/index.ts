/**
 * The CLI's commands, one module each. A module exports a function that makes its commander
 * `Command` (name, arguments, options, help text, action) and is listed here; main.ts adds
 * them to the program. An action sets `process.exitCode` and throws `UsageError` (io.ts) for
 * bad usage or unreadable input.
 */
import type { Command } from 'commander';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { formatCommand } from './format';
import { importCommand } from './import';
import { planCommand } from './plan';
import { renderCommand } from './render';

export const COMMANDS: (() => Command)[] = [checkCommand, formatCommand, exportCommand, importCommand, planCommand, renderCommand];
