/**
 * The language server in a web worker (vscode.dev, github.dev, any VS Code for the Web): the
 * same server as main.ts, talking to the client through the worker's messages.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { connectionOptions, startServer } from './server';
import { QueueWatch } from './queue';

// The worker's global scope: it posts and receives messages like a Worker does.
const port = self as unknown as Worker;
const queue = new QueueWatch();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), connectionOptions(queue));
self.addEventListener('error', (event) =>
  connection.console.error(`unexpected error: ${event.error instanceof Error ? (event.error.stack ?? event.message) : event.message}`),
);
self.addEventListener('unhandledrejection', (event) => connection.console.error(`unexpected rejection: ${String(event.reason)}`));
startServer(connection, { queue });
