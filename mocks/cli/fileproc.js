#!/usr/bin/env node
// The `fileproc` command: loads the CLI (a cached bundle of the TypeScript sources, or the sources
// through tsx; see bundle-cache.js) and hands over.
import { loadMain } from './bundle-cache.js';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
