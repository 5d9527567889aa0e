import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// `--stdio` or `--node-ipc` on the command line chooses the transport.
startServer(createConnection(ProposedFeatures.all));
