#!/usr/bin/env node
// Entry point of the `fengxiang` command: runs the compiled CLI (see `npm run build`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
