/**
 * The import rules of ARCHITECTURE.md as data: add a row to enforce a new rule. Paths are
 * repository-relative with `/`; `includeTests` extends a rule to tests and test fixtures.
 */
export interface ImportRule {
  id: string;
  /** Why the rule exists and what to do instead; printed with every violation. */
  advice: string;
  appliesTo: (path: string) => boolean;
  includeTests?: boolean;
  /** Specifiers (as written) the files may not import. */
  forbidsSpecifier?: (specifier: string, context: RuleContext) => boolean;
  /** Repository paths (resolved relative imports) the files may not import. */
  forbidsTarget?: (target: string, context: RuleContext) => boolean;
  /** Globals the files may not touch; `Date.now` also catches `globalThis.Date.now(…)`. */
  forbidsReferences?: readonly string[];
}

/** What rules may ask about the world, injected so the checker stays pure. */
export interface RuleContext {
  /** Node built-in module names without `node:` (from `node:module` builtinModules). */
  builtins: ReadonlySet<string>;
  /** Whether a repository-relative file exists. */
  exists: (path: string) => boolean;
}

const under = (...prefixes: string[]) => (path: string) => prefixes.some((prefix) => path.startsWith(prefix));
const not = (test: (path: string) => boolean) => (path: string) => !test(path);
const isNodeBuiltin = (specifier: string, { builtins }: RuleContext) =>
  specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(specifier.split('/')[0] as string);
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Names a test file or test fixture (exempt from rules unless `includeTests`). */
export const isTestPath = (path: string): boolean =>
  /\.test\.[cm]?[jt]sx?$/.test(path) || /(^|\/)(test-fixtures|test-support|__fixtures__)(\/|\.[cm]?[jt]s$)/.test(path) || /(^|\/)[^/]*test-support\.[cm]?[jt]s$/.test(path);

/** The rules of ARCHITECTURE.md § "Import rules". */
export const IMPORT_RULES: readonly ImportRule[] = [
  {
    id: 'protocol-browser-safe',
    advice: 'protocol/ runs in browsers and Node: use Web APIs (fetch, crypto.subtle, TextEncoder) or a browser-safe library',
    appliesTo: under('protocol/'),
    forbidsSpecifier: isNodeBuiltin,
  },
  {
    id: 'engine-no-node',
    advice: 'mocks/engine is pure and runs in browsers: inject what it needs from mocks/adapters',
    appliesTo: under('mocks/engine/'),
    forbidsSpecifier: isNodeBuiltin,
  },
  {
    id: 'engine-pure',
    advice: 'mocks/engine is pure: take time, timers and randomness from the injected clock and random source',
    appliesTo: under('mocks/engine/'),
    forbidsReferences: ['Date.now', 'new Date()', 'Date()', 'Math.random', 'setTimeout', 'setInterval', 'setImmediate',
      'performance.now', 'crypto.getRandomValues', 'crypto.randomUUID'],
  },
  {
    id: 'transport-in-adapters',
    advice: 'only mocks/adapters/* talk to msw or node:http; everything else goes through the fetch handler (bench/ measures raw node:http on purpose; conformance/*.node.ts are the suite\'s Host-honouring transport and callback receiver)',
    appliesTo: (path) => not(under('mocks/adapters/', 'bench/'))(path) && !/^conformance\/[^/]+\.node\.ts$/.test(path),
    forbidsSpecifier: (specifier) => ['msw', 'node:http', 'http'].includes(packageName(specifier)),
  },
  {
    id: 'conformance-independent',
    advice: 'conformance/ must judge the mock exactly as it judges a vendor: talk HTTP (or a fetch function), import nothing from mocks/ (only conformance/self-test/ may)',
    appliesTo: (path) => path.startsWith('conformance/') && !path.startsWith('conformance/self-test/'),
    includeTests: true,
    forbidsTarget: (target) => target.startsWith('mocks/'),
  },
  {
    id: 'generated-exists',
    advice: 'generated/ holds only what `npm run generate` writes: run it, or import a file it produces',
    appliesTo: () => true,
    includeTests: true,
    forbidsTarget: (target, { exists }) => target.startsWith('generated/') && !generatedCandidates(target).some(exists),
  },
];

/** Files a relative import of `target` may resolve to (NodeNext + allowImportingTsExtensions). */
export function generatedCandidates(target: string): string[] {
  const stem = target.replace(/\.(d\.ts|[cm]?[jt]s)$/, '');
  return [target, `${stem}.ts`, `${stem}.d.ts`, `${stem}.js`, `${target}.json`, `${target}/index.ts`];
}
