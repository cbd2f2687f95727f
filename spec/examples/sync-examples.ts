/**
 * `npx tsx spec/examples/sync-examples.ts [--check]`: writes the Example Objects derived from the
 * valid bodies listed in manifest.yaml; with --check writes nothing and exits 1 on any drift.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exampleObjects, specPath } from './manifest.ts';

const check = process.argv.includes('--check');
const drift: string[] = [];
for (const [relative, content] of exampleObjects()) {
  const path = specPath(relative);
  if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
  if (check) drift.push(relative);
  else writeFileSync(path, content);
}
if (drift.length > 0) {
  console.error(`[fileproc] Example Objects out of date with spec/examples/: ${drift.join(', ')}. Run \`npx tsx spec/examples/sync-examples.ts\`.`);
  process.exit(1);
}
console.log(check ? '[fileproc] Example Objects match spec/examples/.' : '[fileproc] Example Objects written.');
