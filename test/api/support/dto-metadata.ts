import { getMetadataStorage } from 'class-validator';

/** One validated property of a request DTO, as class-validator and @nestjs/swagger describe it. */
export interface DtoProperty {
  dto: string;
  property: string;
  /** Names of its class-validator constraints (`isString`, `isMoney`, `isOptional` …). */
  constraints: Set<string>;
  /** Validated element by element (`{ each: true }`) or declared an array. */
  each: boolean;
  /** The @ApiProperty options, undefined when the property is not documented at all. */
  documented?: { required?: boolean; type?: unknown; isArray?: boolean; example?: unknown; enum?: unknown; description?: string };
}

interface Meta {
  name?: string;
  type: string;
  propertyName: string;
  each?: boolean;
  target: unknown;
}

/** Every class with class-validator rules and, for each validated property, what both libraries say. */
export function requestDtoProperties(): DtoProperty[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Meta[]> };
  const out: DtoProperty[] = [];
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function') continue;
    const ctor = target as new () => unknown;
    const metas = getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false) as unknown as Meta[];
    const byProperty = new Map<string, Meta[]>();
    for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    for (const [property, list] of byProperty) {
      const documented = Reflect.getMetadata('swagger/apiModelProperties', ctor.prototype as object, property) as DtoProperty['documented'];
      out.push({
        dto: ctor.name,
        property,
        constraints: new Set(list.map((m) => (m.type === 'customValidation' || m.type === 'conditionalValidation' ? (m.name ?? m.type) : m.type))),
        each: list.some((m) => m.each === true || m.type === 'isArray' || m.name === 'isArray'),
        documented,
      });
    }
  }
  return out;
}
