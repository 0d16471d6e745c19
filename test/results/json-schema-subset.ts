/**
 * A test-only JSON Schema (2020-12) checker for the keywords
 * schema/results.schema.json uses, and no more. It refuses a schema with any
 * other keyword, so the schema can never claim a constraint that nothing
 * here enforces. Not a general validator: no remote `$ref`, no combinators.
 */

type Schema = boolean | { [keyword: string]: unknown };

const ENFORCED = new Set([
  'type', 'const', 'enum', 'required', 'properties', 'additionalProperties', 'propertyNames', 'items', 'minimum', 'exclusiveMinimum', 'maximum', 'minItems', 'minLength', 'pattern', '$ref', 'anyOf', 'oneOf',
]);
// Annotations carry no constraint in 2020-12 (`format` included, by default).
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'format']);

/**
 * Every violation of `schema` by `value`, as `path: message`; empty when valid.
 *
 * @throws Error for a keyword outside the supported subset, or a `$ref` that
 *   is not `#/$defs/<name>` or does not resolve.
 */
export function validate(schema: Schema, value: unknown, root: Schema = schema, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value is allowed here`];
  for (const keyword of Object.keys(schema)) {
    if (!ENFORCED.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`json-schema-subset: unsupported keyword "${keyword}" at ${path}`);
  }
  const errors: string[] = [];
  if (typeof schema.$ref === 'string') errors.push(...validate(resolve(root, schema.$ref), value, root, path));
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    if (!types.some((type) => hasType(value, type))) errors.push(`${path}: expected ${types.join(' or ')}, got ${describe(value)}`);
  }
  if ('const' in schema && !deepEqual(value, schema.const)) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(value, option))) {
    errors.push(`${path}: expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number' && typeof value === 'number' && value <= schema.exclusiveMinimum) {
    errors.push(`${path}: ${value} <= exclusive minimum ${schema.exclusiveMinimum}`);
  }
  if (typeof schema.maximum === 'number' && typeof value === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && typeof value === 'string' && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option) => validate(option as Schema, value, root, path).length === 0)) {
    errors.push(`${path}: matches none of anyOf`);
  }
  if (Array.isArray(schema.oneOf)) {
    const matches = schema.oneOf.filter((option) => validate(option as Schema, value, root, path).length === 0).length;
    if (matches !== 1) errors.push(`${path}: matches ${matches} of oneOf, expected exactly 1`);
  }
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items !== undefined) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, root, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${path}: missing required "${key}"`);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (schema.propertyNames !== undefined) for (const key of Object.keys(value)) errors.push(...validate(schema.propertyNames as Schema, key, root, `${path}.${key}`));
    for (const [key, child] of Object.entries(value)) {
      const sub = properties[key] ?? (schema.additionalProperties as Schema | undefined);
      if (sub !== undefined) errors.push(...validate(sub, child, root, `${path}.${key}`));
    }
  }
  return errors;
}

function resolve(root: Schema, ref: string): Schema {
  const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const defs = typeof root === 'object' ? (root.$defs as Record<string, Schema> | undefined) : undefined;
  const target = match ? defs?.[match[1] as string] : undefined;
  if (target === undefined) throw new Error(`json-schema-subset: cannot resolve $ref "${ref}"`);
  return target;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`json-schema-subset: unknown type "${type}"`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
