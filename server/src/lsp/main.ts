import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { highsSolver } from '../solver/highs';

// `--stdio` or `--node-ipc` on the command line chooses the transport.
const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unexpected rejection: ${String(reason)}`));
startServer(connection, { solver: highsSolver });
