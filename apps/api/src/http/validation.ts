import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainError, fillTemplate, VALIDATION_MESSAGES_ZH, ERROR_MESSAGES_ZH, type Language } from '@app/common';

/** At most this many problems are listed in one error response; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;

/** One failed constraint of one field, with what it takes to say it in either language. */
export interface FieldProblem {
  code: 'VALIDATION_FAILED' | 'UNKNOWN_FIELD';
  field: string;
  /** class-validator's constraint name (`maxLength`, `isMoney`, `whitelistValidation` …). */
  constraint: string;
  /** class-validator's English message, the field named with its full path. */
  message: string;
  /** Parameters of the Chinese message: the constraint's arguments, accepted values, the documented example. */
  params: Record<string, unknown>;
}

/** A request that failed validation: every problem found (the error filter lists the first ones). */
export class RequestValidationError extends BadRequestException {
  constructor(readonly problems: readonly FieldProblem[]) {
    super({ code: problems[0]?.code ?? 'VALIDATION_FAILED', message: problems.map((p) => p.message).join('; ') });
  }
}

/** The message of one problem in the caller's language. */
export function problemMessage(problem: FieldProblem, language: Language): string {
  if (language === 'en') return problem.message;
  const params = { ...problem.params, field: problem.field };
  const template = VALIDATION_MESSAGES_ZH[problem.constraint] ?? ERROR_MESSAGES_ZH[problem.code];
  return (template && fillTemplate(template, params)) ?? fillTemplate(ERROR_MESSAGES_ZH['VALIDATION_FAILED']!, params) ?? problem.message;
}

/** The English messages of the first problems, with the count of the rest. */
export function summarize(messages: readonly string[], total: number, language: Language): string {
  const more = total - messages.length;
  if (language === 'en') return `${messages.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  return `${messages.join('；')}${more > 0 ? `；另有 ${more} 项问题` : ''}`;
}

function collect(errors: ValidationError[], prefix = '', out: FieldProblem[] = []): FieldProblem[] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({
        code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED',
        field,
        constraint,
        message: constraint === 'whitelistValidation' ? `${field} is not an accepted field` : message.replace(error.property, field),
        params: constraintParams(error, constraint),
      });
    }
    collect(error.children ?? [], field, out);
  }
  return out;
}

/** What the Chinese message needs from the constraint's metadata and the field's documented example. */
function constraintParams(error: ValidationError, constraint: string): Record<string, unknown> {
  const target = error.target as object | undefined;
  if (!target || constraint === 'whitelistValidation') return {};
  const ctor = target.constructor;
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(ctor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  const args: unknown[] = meta?.constraints ?? [];
  const params: Record<string, unknown> = {};
  args.forEach((arg, i) => {
    if (typeof arg === 'number' || typeof arg === 'string') params[String(i)] = arg;
  });
  if (Array.isArray(args[0])) params['values'] = (args[0] as unknown[]).map(String).join('、');
  else if (args[0] && typeof args[0] === 'object' && constraint === 'isEnum') params['values'] = Object.values(args[0] as object).map(String).join('、');
  const documented = Reflect.getMetadata('swagger/apiModelProperties', ctor.prototype as object, error.property) as { example?: unknown } | undefined;
  if (typeof documented?.example === 'string' || typeof documented?.example === 'number') params['example'] = documented.example;
  if (constraint === 'isMoney' || constraint === 'isArea' || constraint === 'isRatio' || constraint === 'isDecimalString') {
    Object.assign(params, decimalParams(constraint, args[0] as DecimalRule | undefined));
  }
  return params;
}

interface DecimalRule {
  scale?: number;
  example?: string;
  min?: string;
  max?: string;
  allowNegative?: boolean;
}

function decimalParams(constraint: string, rule: DecimalRule | undefined): Record<string, unknown> {
  const kind = { isMoney: '金额', isArea: '面积', isRatio: '比例', isDecimalString: '数值' }[constraint];
  const bounds = [rule?.min !== undefined ? `不小于 ${rule.min}` : rule?.allowNegative ? '' : '不能为负数', rule?.max !== undefined ? `不大于 ${rule.max}` : '']
    .filter(Boolean)
    .join('，');
  const scale = rule?.scale ?? 2;
  return { kind, scale, range: bounds ? `，${bounds}` : '', example: rule?.example ?? (scale === 0 ? '1' : `1.${'0'.repeat(scale)}`) };
}

/**
 * The global pipe: a body must be a JSON object (an array or a bare value is refused before any
 * field is looked at), unknown fields are refused, payloads become DTO instances, and a failure
 * answers 400 `{code, message, field, errors[]}` naming the first bad field and listing the first
 * {@link MAX_LISTED_ERRORS} problems (the error filter writes them in the caller's language).
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) && value !== undefined) {
      if (!isJsonObject(value)) {
        throw new DomainError('INVALID_BODY', `The request body must be a JSON object, not ${Array.isArray(value) ? 'an array' : typeof value}`);
      }
      // A list longer than its DTO allows is refused as a whole, before any of its elements is validated.
      const oversized = oversizedLists(value as Record<string, unknown>, metadata.metatype);
      if (oversized.length > 0) throw new RequestValidationError(oversized);
    }
    return super.transform(value, metadata);
  }
}

function oversizedLists(body: Record<string, unknown>, dto: NonNullable<ArgumentMetadata['metatype']>): FieldProblem[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((m) => m.name === 'arrayMaxSize' && typeof m.constraints?.[0] === 'number')
    .flatMap((m) => {
      const list = body[m.propertyName];
      const max = m.constraints[0] as number;
      if (!Array.isArray(list) || list.length <= max) return [];
      return [{ code: 'VALIDATION_FAILED' as const, field: m.propertyName, constraint: 'arrayMaxSize', message: `${m.propertyName} must contain no more than ${max} elements`, params: { 0: max } }];
    });
}

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target is kept to find each constraint's arguments; nothing of it reaches the response.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new RequestValidationError(collect(errors)),
  });
}
