#!/usr/bin/env node
'use strict';
// The `programme` command: a thin launcher for the bundled CLI (built by `npm run build`).
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('programme: dist/cli.js is missing: run `npm run build` first\n');
  process.exit(2);
}
require(cli).cli(process.argv.slice(2));
