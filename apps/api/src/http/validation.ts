import { ValidationPipe, BadRequestException, type ValidationError } from '@nestjs/common';

interface FieldProblem {
  code: string;
  message: string;
  field: string;
}

function collect(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED',
      message: constraint === 'whitelistValidation' ? `${field} is not an accepted field` : message.replace(error.property, field),
      field,
    }));
    return [...own, ...collect(error.children ?? [], field)];
  });
}

/**
 * The global pipe: unknown fields are refused, payloads become DTO instances, and a failure answers
 * 400 `{code, message, field, errors[]}` naming the first bad field and listing all of them.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = collect(errors);
      const first = problems[0] ?? { code: 'VALIDATION_FAILED', message: 'The request is invalid', field: undefined };
      return new BadRequestException({
        code: first.code,
        message: problems.map((p) => p.message).join('; '),
        field: first.field,
        errors: problems,
      });
    },
  });
}
