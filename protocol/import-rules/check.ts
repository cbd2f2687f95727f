import { isTestPath, type ImportRule, type RuleContext } from './rules.ts';
import { scanImports, scanReferences, type ImportFact, type ReferenceFact } from './scan.ts';

/** A source file: repository-relative path with `/`, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One broken rule at one place. */
export interface Violation {
  rule: string;
  file: string;
  line: number;
  detail: string;
  advice: string;
}

/** Resolves `./x` / `../x` against the importing file; `undefined` for package specifiers. */
export function resolveRelative(fromPath: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const parts = fromPath.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const matchesReference = (name: string, forbidden: string) => name === forbidden || name.startsWith(`${forbidden}.`);

/** What the rules look at in one file. */
interface SourceFacts {
  imports: ImportFact[];
  references: ReferenceFact[];
}

function violationsOf(rule: ImportRule, file: SourceFile, facts: SourceFacts, context: RuleContext): Violation[] {
  const found: Violation[] = [];
  const add = (line: number, detail: string) => found.push({ rule: rule.id, file: file.path, line, detail, advice: rule.advice });
  for (const { specifier, line } of facts.imports) {
    if (rule.forbidsSpecifier?.(specifier, context)) add(line, `imports "${specifier}"`);
    const target = resolveRelative(file.path, specifier);
    if (target !== undefined && rule.forbidsTarget?.(target, context)) add(line, `imports "${specifier}" (${target})`);
  }
  for (const { name, line } of facts.references) {
    const forbidden = rule.forbidsReferences?.find((candidate) => matchesReference(name, candidate));
    if (forbidden) add(line, `uses ${forbidden}`);
  }
  return found;
}

/** Checks every file against every rule that applies to it; pure (the caller reads the files). */
export function checkImportRules(files: readonly SourceFile[], rules: readonly ImportRule[], context: RuleContext): Violation[] {
  return files.flatMap((file) => {
    const applicable = rules.filter((rule) => rule.appliesTo(file.path) && (rule.includeTests || !isTestPath(file.path)));
    if (applicable.length === 0) return [];
    // The full parse is only paid for files a reference rule (purity) applies to.
    const needsReferences = applicable.some((rule) => rule.forbidsReferences?.length);
    const facts = { imports: scanImports(file.text), references: needsReferences ? scanReferences(file.path, file.text) : [] };
    return applicable.flatMap((rule) => violationsOf(rule, file, facts, context));
  });
}

/** One line per violation, e.g. `[fileproc] import rule engine-pure: mocks/engine/x.ts:3 uses Date.now — …`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `[fileproc] import rule ${v.rule}: ${v.file}:${v.line} ${v.detail} — ${v.advice}`).join('\n');
}
