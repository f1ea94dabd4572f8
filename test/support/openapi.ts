import { TENANT_CODE_PATTERN } from '@inovasi/core';
/**
 * Reads the API's own OpenAPI document so that suites cover every route, including routes added
 * later, without a hand-kept list.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: string[];
  /** Each path parameter's documented example: a valid value when the test has none of its own. */
  readonly pathExamples: Record<string, string>;
  readonly queryParams: { name: string; schema: JsonSchema }[];
  readonly bodySchema?: JsonSchema | undefined;
  readonly documentedStatuses: number[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        responses?: Record<string, unknown>;
      }
    >
  >;
}

export function operationsOf(document: OpenApiDocument, base = '/api/v1'): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.slice(base.length),
      pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      pathExamples: Object.fromEntries(
        (operation.parameters ?? [])
          .filter((p) => p.in === 'path' && p.schema.example !== undefined)
          .map((p) => [p.name, String(p.schema.example)]),
      ),
      queryParams: (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema })),
      bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      documentedStatuses: Object.keys(operation.responses ?? {}).map(Number),
    })),
  );
}

const SAMPLE_STRINGS: Record<string, string> = {
  email: 'contoh.pengguna@demo.local',
  date: '2025-03-01',
  'date-time': '2025-03-01T08:00:00.000Z',
};

/** A minimal valid instance of a schema: what a well-behaved client would send. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export function sampleOf(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf)
    return sampleOf(schema.anyOf.find((option) => option.type !== 'null') ?? schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => schema.required?.includes(name))
          .map(([name, property]) => [name, sampleOf(property)]),
      );
    case 'array':
      return schema.items ? [sampleOf(schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format && SAMPLE_STRINGS[schema.format]) return SAMPLE_STRINGS[schema.format];
      if (schema.pattern === TENANT_CODE_PATTERN.source) return '35.20';
      if (schema.pattern === '^[0-9A-Za-z_-]{1,64}$') return 'contoh-id';
      const text = 'Contoh isian';
      return text.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? text.length);
    }
    default:
      return {};
  }
}

/** Lone UTF-16 surrogates (which fuzzing produces) cannot be percent-encoded; a client sends U+FFFD. */
const wellFormed = (value: string): string =>
  value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The operation's path with the given values, falling back to each parameter's documented example. */
export const fillPath = (operation: Operation, values: Record<string, string>): string =>
  operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(wellFormed(values[name] ?? operation.pathExamples[name] ?? 'unknown')),
  );
