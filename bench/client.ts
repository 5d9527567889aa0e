/**
 * The benchmark's LSP client: the tests' client (test/support/lspClient.ts), plus the server's
 * resident memory.
 */
import { readFileSync } from 'fs';
import { LspClient } from '../test/support/lspClient';

export class BenchClient extends LspClient {
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }
}
