/**
 * The connection's message queue, watched: messages arrive in a queue and are dispatched one
 * per turn of the event loop. A costly analysis started while edits and requests wait in that
 * queue makes each of them wait behind it, and analyses a version the queued edits already
 * superseded. `drained()` waits (a turn at a time, as the connection itself dispatches) until a
 * turn goes by with nothing dispatched: every message that had arrived has been handled.
 */
import { MessageStrategy, RAL } from 'vscode-languageserver';

export class QueueWatch {
  private dispatched = 0;

  /** Pass to `createConnection` (ConnectionOptions.messageStrategy). */
  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      this.dispatched++;
      return next(message);
    },
  };

  /** Resolves once the queue is empty (after at most `turns` turns). */
  async drained(turns = 100_000): Promise<void> {
    for (let i = 0; i < turns; i++) {
      const before = this.dispatched;
      await new Promise<void>((resolve) => RAL().timer.setImmediate(resolve));
      if (this.dispatched === before) return;
    }
  }
}
