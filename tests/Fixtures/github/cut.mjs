// Cuts an OpenAPI description down to a set of operations and the transitive closure of the components they $ref.
// Usage: node cut.mjs <source.json> <operationIds.txt> <out.json> <source label>
// Keeps every path/method whose operationId is listed (with its path-level parameters), the tags they use, and every
// component reached from them through internal "#/components/..." references. Prints the operationIds not found.
import { readFileSync, writeFileSync } from 'node:fs';

const [source, idsFile, out, label] = process.argv.slice(2);
if (!out || !label) {
  console.error('usage: node cut.mjs <source.json> <operationIds.txt> <out.json> <source label>');
  process.exit(2);
}

const description = JSON.parse(readFileSync(source, 'utf8'));
const wanted = new Set(readFileSync(idsFile, 'utf8').split(/\s+/).filter(Boolean));
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const paths = {};
const found = new Set();
for (const [path, item] of Object.entries(description.paths ?? {})) {
  const kept = {};
  for (const method of methods) {
    const operation = item[method];
    if (operation && wanted.has(operation.operationId)) {
      kept[method] = operation;
      found.add(operation.operationId);
    }
  }
  if (Object.keys(kept).length === 0) continue;
  // Path-level fields (parameters, summary, servers …) apply to every kept method.
  for (const [key, value] of Object.entries(item)) {
    if (!methods.includes(key)) kept[key] = value;
  }
  paths[path] = kept;
}

// Walks a value and adds every internal component reference to the closure, following each one once.
const components = {};
const seen = new Set();
function visit(value) {
  if (Array.isArray(value)) { value.forEach(visit); return; }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') follow(child);
    else visit(child);
  }
}
function follow(ref) {
  if (!ref.startsWith('#/components/')) {
    throw new Error(`unsupported reference ${ref}: only internal #/components/ references are followed`);
  }
  if (seen.has(ref)) return;
  seen.add(ref);
  const [kind, ...rest] = ref.slice('#/components/'.length).split('/');
  const name = rest.join('/').replace(/~1/g, '/').replace(/~0/g, '~');
  const target = description.components?.[kind]?.[name];
  if (target === undefined) throw new Error(`dangling reference ${ref}`);
  (components[kind] ??= {})[name] = target;
  visit(target);
}
visit(paths);

// Stable order: component kinds and names sorted, as the source's own order is not a contract.
const sortedComponents = {};
for (const kind of Object.keys(components).sort()) {
  sortedComponents[kind] = Object.fromEntries(Object.keys(components[kind]).sort().map(n => [n, components[kind][n]]));
}
if (description.components?.securitySchemes) {
  sortedComponents.securitySchemes ??= description.components.securitySchemes;
}

const usedTags = new Set(Object.values(paths).flatMap(item => methods.flatMap(m => item[m]?.tags ?? [])));
const result = {
  openapi: description.openapi,
  info: {
    ...description.info,
    description: `${found.size} operations cut from ${label} by tests/Fixtures/github/cut.mjs ` +
      `(the operationIds of spec/actions.yaml, with the $ref closure of their components). ` +
      `Original description: ${description.info?.description ?? ''}`.trim(),
  },
  'x-actionsgen-source': label,
  ...(description.servers ? { servers: description.servers } : {}),
  ...(description.security ? { security: description.security } : {}),
  ...(description.tags ? { tags: description.tags.filter(t => usedTags.has(t.name)) } : {}),
  ...(description.externalDocs ? { externalDocs: description.externalDocs } : {}),
  paths,
  components: sortedComponents,
};
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');

const missing = [...wanted].filter(id => !found.has(id)).sort();
const count = Object.values(sortedComponents).reduce((n, c) => n + Object.keys(c).length, 0);
console.log(`${out}: ${found.size} of ${wanted.size} operations, ${Object.keys(paths).length} paths, ${count} components`);
for (const id of missing) console.log(`  missing: ${id}`);
