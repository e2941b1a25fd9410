import { ALL_ROLES, hasPermission, passwordProblem, Role } from '@app/auth';
import { listRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';
import { requestDtoProperties, type DtoProperty } from './support/dto-metadata';
import { buildExample, resolve, schemaProblems, type OpenApiDocument, type Schema } from './support/openapi-examples';

/** Constraints that make a property a string, an integer, a boolean or a decimal string. */
const STRING_RULES = ['isString', 'matches', 'minLength', 'maxLength', 'isUuid', 'isIso8601', 'isBase64', 'isEmail'];
const DECIMAL_RULES = ['isMoney', 'isArea', 'isRatio', 'isDecimalString'];

/** Codes that mean "the request itself is malformed": an example must never get them. */
const VALIDATION_CODES = new Set(['VALIDATION_FAILED', 'UNKNOWN_FIELD', 'INVALID_BODY', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE']);

interface ErrorBody {
  code?: string;
  message?: string;
  field?: string;
  errors?: Array<{ code: string; field?: string; message: string }>;
}

/** Refusals that come from the state of a fresh platform, not from the example: each says why it is one. */
const BUSINESS_REFUSALS: Record<string, (body: ErrorBody) => boolean> = {
  // Nothing has been collected yet, so nothing can be remitted.
  'POST /api/treasury-remittances': (b) => b.code === 'REMITTANCE_EXCEEDS_REVENUE',
  // The example's parcel id points at no parcel; every other rule of the terms and schedule passed.
  'POST /api/announcements/{id}/lots': (b) => b.code === 'LOT_INVALID' && (b.errors ?? []).every((e) => e.field === 'parcelIds' && / does not exist$/.test(e.message)),
  // The example's class names the demo's bidder1, an account this test database does not hold.
  'POST /api/practice-lots': (b) => b.code === 'INVALID_PRACTICE_BIDDER' && / is not an active bidder account$/.test(b.message ?? ''),
};

/** Path parameters: well-formed, pointing at nothing (a business refusal such as 404 is expected). */
const PATH_PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', date: '2031-01-04', key: 'listing.minListingDays', code: 'ABCD2345EFGH', number: '1', version: '1' };

describe('the OpenAPI document tells the truth', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let dtoProperties: DtoProperty[];
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    // Request DTOs only (the environment's validated settings are not part of the API).
    dtoProperties = requestDtoProperties().filter((p) => p.dto.endsWith('Dto'));
  });
  afterAll(() => t.close());

  const schemaOf = (p: DtoProperty): Schema | undefined => {
    const owner = doc.components.schemas[p.dto];
    const prop = owner?.properties?.[p.property];
    return prop ? resolve(doc, prop) : undefined;
  };

  it('documents every validated field, optional exactly when the validators let it be missing', () => {
    expect(dtoProperties.length).toBeGreaterThan(200);
    const problems: string[] = [];
    for (const p of dtoProperties) {
      const where = `${p.dto}.${p.property}`;
      if (!p.documented) {
        problems.push(`${where}: validated but not documented (@ApiProperty missing)`);
        continue;
      }
      const optional = p.constraints.has('isOptional');
      const conditional = p.constraints.has('conditionalValidation');
      const documentedRequired = p.documented.required !== false;
      if (optional && documentedRequired) problems.push(`${where}: @IsOptional but documented as required`);
      if (!optional && !conditional && !documentedRequired) problems.push(`${where}: required by the validators but documented as optional`);
      if (conditional && documentedRequired) problems.push(`${where}: required only in some cases (@ValidateIf): document it optional and say when`);
      if (conditional && !/with |when |required /i.test(p.documented.description ?? '')) problems.push(`${where}: says not when it is required`);
    }
    expect(problems).toEqual([]);
  });

  it('types every field as the validators check it: integers, booleans, strings, decimal strings with their pattern', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const p of dtoProperties) {
      const schema = schemaOf(p);
      if (!schema) continue; // query DTOs are flattened into parameters
      checked++;
      const element = schema.type === 'array' && schema.items ? resolve(doc, schema.items) : schema;
      const where = `${p.dto}.${p.property}`;
      if (p.each && schema.type !== 'array') problems.push(`${where}: validated as a list but documented as ${schema.type}`);
      const expected = p.constraints.has('isInt')
        ? 'integer'
        : p.constraints.has('isBoolean')
          ? 'boolean'
          : DECIMAL_RULES.some((r) => p.constraints.has(r)) || STRING_RULES.some((r) => p.constraints.has(r))
            ? 'string'
            : undefined;
      if (expected && element.type !== expected) problems.push(`${where}: validated as ${expected} but documented as ${element.type ?? 'untyped'}`);
      if (DECIMAL_RULES.some((r) => p.constraints.has(r)) && !element.pattern) problems.push(`${where}: a decimal string documented without its pattern`);
    }
    expect(checked).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  });

  it('gives examples that satisfy their own schema', () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [property, prop] of Object.entries(schema.properties ?? {})) {
        const example = prop.example ?? resolve(doc, prop).example;
        if (example !== undefined) problems.push(...schemaProblems(doc, prop, example, `${name}.${property}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('states the password rule wherever a new password is chosen, with an example that passes it', () => {
    const fields = dtoProperties.filter((p) => /password/i.test(p.property) && p.dto !== 'LoginDto' && p.property !== 'currentPassword');
    expect(fields.map((p) => `${p.dto}.${p.property}`).sort()).toEqual(['ChangePasswordDto.newPassword', 'CreateUserDto.password', 'RegisterBidderDto.password']);
    for (const p of fields) {
      const schema = schemaOf(p)!;
      expect({ field: `${p.dto}.${p.property}`, description: schema.description }).toEqual({
        field: `${p.dto}.${p.property}`,
        description: expect.stringMatching(/12[–-]200 characters.*at least two of: lowercase letters, uppercase letters, digits, symbols/),
      });
      expect({ field: `${p.dto}.${p.property}`, problem: passwordProblem(String(schema.example)) }).toEqual({ field: `${p.dto}.${p.property}`, problem: undefined });
    }
  });

  it('every request body built from the documented examples is accepted by the running API (business refusals aside)', async () => {
    const tokens = new Map<Role, string>();
    for (const role of ALL_ROLES) tokens.set(role, await t.tokenFor([role]));
    const access = new Map(listRoutes(t.app).map((r) => [`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`, r.access]));
    const problems: string[] = [];
    const answers: string[] = [];
    let sent = 0;
    const created: Record<string, string> = {};
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const content = op.requestBody?.content['application/json'];
        if (!content) continue;
        const route = `${method.toUpperCase()} ${path}`;
        const missing: string[] = [];
        const example = content.example ?? buildExample(doc, content.schema, '', missing);
        for (const field of missing) problems.push(`${route}: required field ${field} has no example`);
        problems.push(...schemaProblems(doc, content.schema, example, '').map((p) => `${route}: ${p}`));

        const rule = access.get(route);
        const role = rule?.kind === 'permission' ? ALL_ROLES.find((r) => rule.permissions.some((perm) => hasPermission([r], perm))) : rule?.kind === 'authenticated' ? Role.Bidder : undefined;
        // An id created by an earlier example (a parcel, an announcement, a user) goes further than one pointing at nothing.
        const collection = Object.keys(created).find((c) => path.startsWith(`${c}/{id}`));
        const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' && collection ? created[collection]! : (PATH_PARAMS[name] ?? 'x')));
        const req = t.http()[method as 'post' | 'put' | 'patch'](concrete).set('accept-language', 'en');
        if (role) req.set('authorization', `Bearer ${tokens.get(role)}`);
        const res = await req.send(example as object);
        sent++;
        if (res.status === 201 && method === 'post' && typeof res.body?.id === 'string' && !path.includes('{')) created[path] = res.body.id as string;
        answers.push(`${route}${collection ? ' (created id)' : ''} → ${res.status} ${res.body.code ?? ''}`);
        const body = res.body as ErrorBody;
        if (BUSINESS_REFUSALS[route]?.(body)) continue;
        if (res.status === 400 && (VALIDATION_CODES.has(body.code ?? '') || body.field !== undefined || body.errors?.some((e) => e.field !== undefined))) {
          problems.push(`${route}: ${res.status} ${body.code} ${body.field ?? ''}: ${body.message}`);
        }
        // Refused for want of access means the test picked the wrong caller, not a business answer.
        if (['UNAUTHENTICATED', 'FORBIDDEN', 'TOKEN_EXPIRED'].includes(body.code ?? '') || res.status >= 500) problems.push(`${route}: ${res.status} ${body.code}`);
      }
    }
    expect(sent).toBeGreaterThan(30);
    expect({ problems, answers }).toEqual({ problems: [], answers });
  });
});
