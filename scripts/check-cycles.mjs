// Fails when files under src/ import each other in a cycle (part of `npm run check`).
//   node scripts/check-cycles.mjs
// Every relative import counts: static, type-only (a type cycle still ties two files' designs
// together) and dynamic `import()` (lazy loading does not make a cycle a layering). Each cycle
// is printed as one path through its strongly connected component, e.g.
//   src/a.ts -> src/b.ts -> src/a.ts
// A page of our own instead of madge/dpdm: the TypeScript parser is already installed, and the
// graph needs nothing but relative specifiers resolved the way tsconfig's Node16 resolution does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** The relative module specifiers a file imports, statically or with import(). */
function specifiers(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((s) => s.startsWith('.'));
}

/** './x.js' from a file, as Node16 resolution maps it onto a .ts or .tsx source. */
function resolveSpecifier(from, specifier, known) {
  const target = resolve(dirname(from), specifier);
  const stem = target.replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(target, 'index.ts')])
    if (known.has(candidate)) return candidate;
  return undefined;
}

const files = sourceFiles(join(root, 'src'));
const known = new Set(files);
const edges = new Map(
  files.map((file) => [
    file,
    [
      ...new Set(
        specifiers(file)
          .map((s) => resolveSpecifier(file, s, known))
          .filter((t) => t !== undefined),
      ),
    ],
  ]),
);

/** Tarjan's strongly connected components with more than one file (or a self-import). */
function cyclicComponents() {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const connect = (file) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), index.get(target)));
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) components.push(component);
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return components;
}

/** One shortest cycle through the first file of a component (breadth-first inside it). */
function cycleThrough(component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const target of edges.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = file; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

const components = cyclicComponents();
for (const component of components) {
  const path = cycleThrough(component).map((f) => relative(root, f));
  const more = component.length > path.length - 1 ? ` (${component.length} files in the knot)` : '';
  console.error(`import cycle: ${path.join(' -> ')}${more}`);
}
if (components.length > 0) {
  console.error(`${components.length} import cycle(s) in src/; see scripts/check-cycles.mjs`);
  process.exitCode = 1;
}
