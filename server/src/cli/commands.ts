/** The CLI commands besides `check`; each lives in its own file and is listed here. */
import { exportCommand } from './export';
export interface Command {
  name: string;
  usage: string;
  run(args: string[]): number;
}

export const COMMANDS: Command[] = [exportCommand];
