import ts from 'typescript';

/** One module specifier a file depends on, static, dynamic, `require` or `import('…')` type. */
export interface ImportFact {
  specifier: string;
  line: number;
}

/** One use of a global the purity rules care about, e.g. `Date.now`, `new Date()`, `setTimeout`. */
export interface ReferenceFact {
  name: string;
  line: number;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** `globalThis.crypto.randomUUID` → `crypto.randomUUID`; `undefined` unless a plain identifier chain. */
function memberPath(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const head = memberPath(node.expression);
  if (head === undefined) return undefined;
  return GLOBAL_OBJECTS.has(head) ? node.name.text : `${head}.${node.name.text}`;
}

const K = ts.SyntaxKind;
/** Nodes whose `name`/`propertyName` identifier declares or labels something rather than reading it. */
const NAMING_KINDS = new Set<ts.SyntaxKind>([K.VariableDeclaration, K.Parameter, K.FunctionDeclaration, K.FunctionExpression,
  K.ClassDeclaration, K.ClassExpression, K.InterfaceDeclaration, K.TypeAliasDeclaration, K.EnumDeclaration, K.EnumMember,
  K.MethodDeclaration, K.PropertyDeclaration, K.GetAccessor, K.SetAccessor, K.BindingElement, K.ImportClause, K.NamespaceImport,
  K.TypeParameter, K.ModuleDeclaration, K.PropertyAssignment, K.PropertySignature, K.MethodSignature, K.ImportSpecifier,
  K.ExportSpecifier, K.LabeledStatement, K.PropertyAccessExpression]);
const TYPE_KINDS = new Set<ts.SyntaxKind>([K.TypeReference, K.QualifiedName, K.TypeQuery, K.ExpressionWithTypeArguments]);

/** A bare identifier that reads a value (not a declaration, member or type name). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent as ts.Node & { name?: ts.Node; propertyName?: ts.Node };
  if (ts.isShorthandPropertyAssignment(parent)) return true; // `{ setTimeout }` reads the global
  if (TYPE_KINDS.has(parent.kind)) return false;
  return !(NAMING_KINDS.has(parent.kind) && (parent.name === node || parent.propertyName === node));
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Every module specifier, static or dynamic, `require`, `import x = require` and `import('…')`
 * types, via TypeScript's import pre-processor (fast: no full parse; skips comments and strings).
 */
export function scanImports(text: string): ImportFact[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName, pos }) => ({ specifier: fileName, line: lineAt(text, pos) }));
}

/** Parses TypeScript/JavaScript text (never executes it) and lists the globals it touches. */
export function scanReferences(fileName: string, text: string): ReferenceFact[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const references: ReferenceFact[] = [];
  const add = (name: string, node: ts.Node) => references.push({ name, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && memberPath(node.expression) === 'Date' && (node.arguments?.length ?? 0) === 0) add('new Date()', node);
    else if (ts.isCallExpression(node) && memberPath(node.expression) === 'Date') add('Date()', node);
    if (ts.isPropertyAccessExpression(node) && !ts.isPropertyAccessExpression(node.parent)) {
      const path = memberPath(node);
      if (path !== undefined) add(path, node);
    } else if (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent) && isValueReference(node)) {
      add(node.text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return references;
}
