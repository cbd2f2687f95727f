/**
 * `fileproc <command>`: argument parsing only; every command delegates to a library module.
 * The only place (with the other CLI files) that reads argv and env.
 */
import { conformanceCommand } from './conformance-command.ts';
import { proxyCommand } from './proxy-command.ts';
import { serveCommand } from './serve-command.ts';
import { validateCommand } from './validate-command.ts';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  serve: { run: serveCommand, summary: 'run the stateful mock on node:http (see `fileproc serve --help`)' },
  conformance: { run: conformanceCommand, summary: 'check an implementation against the documented behaviour (see `fileproc conformance --help`)' },
  proxy: { run: proxyCommand, summary: 'forward to an implementation and check every answer (see `fileproc proxy --help`)' },
  validate: { run: validateCommand, summary: 'decode an XML body and validate it against a spec schema' },
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
  return command.run(rest);
}
