import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CONNECTION_STRATEGY, startServer } from './server';
import * as path from 'path';
import { workerSolver } from '../solver/highsWorker';

// `--stdio` or `--node-ipc` on the command line chooses the transport.
const connection = createConnection(ProposedFeatures.all, { connectionStrategy: CONNECTION_STRATEGY });
process.on('uncaughtException', (error) => connection.console.error(`unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unexpected rejection: ${String(reason)}`));
// The solver runs in a worker thread beside this bundle (dist/highsWorker.js).
startServer(connection, { solver: workerSolver(path.join(__dirname, 'highsWorker.js')) });
