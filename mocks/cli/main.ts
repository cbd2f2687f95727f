/**
 * `fileproc <command>`: argument parsing only; every command delegates to a library module.
 * The only place (with the other CLI files) that reads argv and env.
 */

type Command = (args: string[]) => Promise<number>;

// Each command is imported only when run: `serve` must answer fast, and the conformance suite's
// arbitraries (fast-check, built at import) would add ~100 ms to its start. In the CLI bundle
// (mocks/cli/bundle-cache.js) an import() initialises the command's modules only when called.
const commands: Record<string, { load: () => Promise<Command>; summary: string }> = {
  serve: { load: async () => (await import('./serve-command.ts')).serveCommand, summary: 'run the stateful mock on node:http (see `fileproc serve --help`)' },
  conformance: { load: async () => (await import('./conformance-command.ts')).conformanceCommand, summary: 'check an implementation against the documented behaviour (see `fileproc conformance --help`)' },
  proxy: { load: async () => (await import('./proxy-command.ts')).proxyCommand, summary: 'forward to an implementation and check every answer (see `fileproc proxy --help`)' },
  validate: { load: async () => (await import('./validate-command.ts')).validateCommand, summary: 'decode an XML body and validate it against a spec schema' },
};

function usage(): string {
  const rows = Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return ['Usage: fileproc <command> [options]', '', 'Commands:', ...rows, '', 'Run `fileproc <command> --help` for options.'].join('\n');
}

/** Runs the CLI and returns the process exit code (0 ok, 1 check failed, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`[fileproc] unknown command "${name}".\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  return run(rest);
}
