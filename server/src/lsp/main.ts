import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { connectionOptions, startServer } from './server';
import { QueueWatch } from './queue';
import * as path from 'path';
import { workerSolver } from '../solver/highsWorker';

// `--stdio` or `--node-ipc` on the command line chooses the transport.
const queue = new QueueWatch();
const connection = createConnection(ProposedFeatures.all, connectionOptions(queue));
process.on('uncaughtException', (error) => connection.console.error(`unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unexpected rejection: ${String(reason)}`));
// The solver runs in a worker thread beside this bundle (dist/highsWorker.js).
startServer(connection, { solver: workerSolver(path.join(__dirname, 'highsWorker.js')), queue });
