/** The parts of an OpenAPI 3 document these checks read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  default?: unknown;
  description?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  /** true or a schema: the object may hold keys besides `properties`. */
  additionalProperties?: boolean | Schema;
}

export interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  parameters?: Array<{ name: string; in: string; schema?: Schema; example?: unknown }>;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]!);
  return schema;
}

/**
 * The example a client would build from the document: every required property (its example, else
 * its first enum value, else a nested object or a one-item array built the same way) and every
 * optional property that has an example. `missing` lists required properties nothing can be built for.
 */
export function buildExample(doc: OpenApiDocument, schema: Schema, path: string, missing: string[]): unknown {
  if (schema.example !== undefined) return schema.example;
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (s.type === 'array' && s.items) {
    const item = buildExample(doc, s.items, `${path}[0]`, missing);
    return item === undefined ? undefined : [item];
  }
  if (s.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(s.properties)) {
      const required = s.required?.includes(name) ?? false;
      if (!required && (prop.example ?? resolve(doc, prop).example) === undefined) continue;
      const value = buildExample(doc, prop, path ? `${path}.${name}` : name, required ? missing : []);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  missing.push(path);
  return undefined;
}

/**
 * Where `value` breaks `schema` (types, required properties, enums, patterns, lengths, bounds, formats).
 * null passes where the schema (or its reference wrapper) is nullable; a `oneOf` passes when a branch
 * does; an object's keys outside `properties` are problems unless `additionalProperties` allows them.
 */
export function schemaProblems(doc: OpenApiDocument, schema: Schema, value: unknown, path: string): string[] {
  const s = resolve(doc, schema);
  const at = path || '(body)';
  if (value === null && (schema.nullable === true || s.nullable === true)) return [];
  if (s.oneOf) {
    const branches = s.oneOf.map((branch) => schemaProblems(doc, branch, value, path));
    return branches.some((b) => b.length === 0) ? [] : [`${at}: ${JSON.stringify(value)} matches none of oneOf (${branches.map((b) => b[0]).join('; ')})`];
  }
  const problems: string[] = [];
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return [...problems, `${at}: ${JSON.stringify(value)} is not a string`];
      if (s.pattern && !new RegExp(s.pattern).test(value)) problems.push(`${at}: "${value}" does not match ${s.pattern}`);
      if (s.minLength !== undefined && value.length < s.minLength) problems.push(`${at}: shorter than ${s.minLength}`);
      if (s.maxLength !== undefined && value.length > s.maxLength) problems.push(`${at}: longer than ${s.maxLength}`);
      if (s.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) problems.push(`${at}: "${value}" is not a uuid`);
      if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push(`${at}: "${value}" is not a date (YYYY-MM-DD)`);
      if (s.format === 'date-time' && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value)))) problems.push(`${at}: "${value}" is not a date-time with an offset`);
      if (s.format === 'byte' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) problems.push(`${at}: not base64`);
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value))) return [...problems, `${at}: ${JSON.stringify(value)} is not ${type === 'integer' ? 'an integer' : 'a number'}`];
      if (s.minimum !== undefined && value < s.minimum) problems.push(`${at}: below ${s.minimum}`);
      if (s.maximum !== undefined && value > s.maximum) problems.push(`${at}: above ${s.maximum}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: ${JSON.stringify(value)} is not a boolean`);
      break;
    case 'array':
      if (!Array.isArray(value)) return [...problems, `${at}: ${JSON.stringify(value)} is not an array`];
      if (s.minItems !== undefined && value.length < s.minItems) problems.push(`${at}: fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && value.length > s.maxItems) problems.push(`${at}: more than ${s.maxItems} items`);
      if (s.items) value.forEach((item, i) => problems.push(...schemaProblems(doc, s.items!, item, `${at}[${i}]`)));
      break;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...problems, `${at}: ${JSON.stringify(value)} is not an object`];
      for (const name of s.required ?? []) if (!(name in value)) problems.push(`${path ? `${path}.` : ''}${name}: required but missing`);
      for (const [name, v] of Object.entries(value)) {
        const prop = s.properties?.[name];
        if (!prop) {
          if (typeof s.additionalProperties === 'object') problems.push(...schemaProblems(doc, s.additionalProperties, v, path ? `${path}.${name}` : name));
          else if (s.properties && s.additionalProperties !== true) problems.push(`${path ? `${path}.` : ''}${name}: not a property of the schema`);
          continue;
        }
        problems.push(...schemaProblems(doc, prop, v, path ? `${path}.${name}` : name));
      }
      break;
  }
  return problems;
}
