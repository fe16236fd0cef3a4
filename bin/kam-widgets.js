#!/usr/bin/env node
// The kam-widgets command line (see src/cli/main.ts): validate a feed, print its JSON Schema.
import { readFile } from 'node:fs/promises';
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readFile: (path) => readFile(path, 'utf8'),
});
