import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type SchemaOrReference = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type ReferenceObject = Extract<SchemaOrReference, { $ref: string }>;
type SchemaObject = Exclude<SchemaOrReference, ReferenceObject>;

interface ValidationMeta {
  name?: string;
  type: string;
  propertyName: string;
  each?: boolean;
  constraints?: unknown[];
}

interface DecimalRule {
  scale?: number;
  allowNegative?: boolean;
  min?: string;
  max?: string;
}

/**
 * The request schemas of the OpenAPI document say what the validators check, from the validators
 * themselves (class-validator's metadata), so the two cannot drift apart: the pattern of every
 * `@Matches` and of every money, area, ratio and decimal field, integer types, bounds, lengths,
 * item counts, enums and formats. What only a person can say — examples, descriptions, which
 * fields are required — stays on the DTO's @ApiProperty, and test/api/openapi-truth.e2e-spec.ts
 * checks that it agrees with the validators.
 */
export function describeValidationRules(document: OpenAPIObject): OpenAPIObject {
  const classes = validatedClassesByName();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const ctor = classes.get(name);
    if (!ctor || isReference(schema)) continue;
    const metas = getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false) as unknown as ValidationMeta[];
    for (const [property, prop] of Object.entries(schema.properties ?? {})) {
      if (isReference(prop)) continue;
      const rules = metas.filter((m) => m.propertyName === property);
      const isArray = prop.type === 'array';
      const target: SchemaObject = isArray && prop.items && !isReference(prop.items) ? prop.items : prop;
      for (const rule of rules) applyRule(rule.each || !isArray ? target : prop, rule, isArray);
    }
  }
  return document;
}

function applyRule(schema: SchemaObject, rule: ValidationMeta, isArrayProperty: boolean): void {
  const name = rule.name ?? rule.type;
  const [first, second] = rule.constraints ?? [];
  switch (name) {
    case 'matches':
      // A case-insensitive regex has no OpenAPI spelling: leave the pattern out rather than state a stricter one.
      if (first instanceof RegExp && !first.flags.includes('i')) schema.pattern = first.source;
      else if (typeof first === 'string' && second === undefined) schema.pattern = first;
      break;
    case 'isMoney':
    case 'isArea':
    case 'isRatio':
    case 'isDecimalString':
      describeDecimal(schema, (first ?? {}) as DecimalRule);
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'min':
      if (typeof first === 'number') schema.minimum = first;
      break;
    case 'max':
      if (typeof first === 'number') schema.maximum = first;
      break;
    case 'minLength':
      if (typeof first === 'number') schema.minLength = first;
      break;
    case 'maxLength':
      if (typeof first === 'number') schema.maxLength = first;
      break;
    case 'length':
      if (typeof first === 'number') schema.minLength = first;
      if (typeof second === 'number') schema.maxLength = second;
      break;
    case 'arrayMinSize':
      if (typeof first === 'number' && isArrayProperty) schema.minItems = first;
      break;
    case 'arrayMaxSize':
      if (typeof first === 'number' && isArrayProperty) schema.maxItems = first;
      break;
    case 'isIn':
      if (Array.isArray(first) && !schema.enum) schema.enum = [...(first as unknown[])];
      break;
    case 'isUuid':
      schema.format = 'uuid';
      break;
    case 'isIso8601':
    case 'isDateString':
      schema.format = 'date-time';
      break;
    case 'isBase64':
      schema.format = 'byte';
      break;
    case 'isEmail':
      schema.format = 'email';
      break;
  }
}

/** Decimal strings ("12500000.00"): a string with its pattern, never a JSON number. */
function describeDecimal(schema: SchemaObject, rule: DecimalRule): void {
  const scale = rule.scale ?? 2;
  const places = scale > 0 ? `(\\.\\d{1,${scale}})?` : '';
  schema.type = 'string';
  schema.pattern = `^${rule.allowNegative ? '-?' : ''}(0|[1-9]\\d*)${places}$`;
  const bounds = [rule.min !== undefined ? `≥ ${rule.min}` : undefined, rule.max !== undefined ? `≤ ${rule.max}` : undefined].filter(Boolean).join(', ');
  const note = `Decimal string with at most ${scale} decimal place(s)${bounds ? `, ${bounds}` : ''}; never a JSON number.`;
  if (!schema.description?.includes('Decimal string')) schema.description = schema.description ? `${schema.description}. ${note}` : note;
}

function validatedClassesByName(): Map<string, new () => unknown> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> };
  const byName = new Map<string, new () => unknown>();
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target === 'function' && !byName.has(target.name)) byName.set(target.name, target as new () => unknown);
  }
  return byName;
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}
