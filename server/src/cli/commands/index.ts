/** The CLI commands besides `check`; each lives in its own file and is listed here. */
import { exportCommand } from './export';
import { importCommand } from './import';
import { renderCommand } from './render';
export interface Command {
  name: string;
  usage: string;
  run(args: string[]): number;
}

export const COMMANDS: Command[] = [exportCommand, importCommand, renderCommand];
