/**
 * The part of an LSP CancellationToken the core looks at, so that long loops can stop early
 * without the core importing the LSP connection library.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false };
