import { GraphQLError, Kind } from 'graphql';
import { IsoDateOrDateTime } from '../domain/document.js';
import { builder } from './builder.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIso(value: unknown, dateOnly: boolean): string {
  const ok =
    typeof value === 'string' &&
    IsoDateOrDateTime.safeParse(value).success &&
    (!dateOnly || DATE.test(value));
  if (!ok) {
    throw new TypeError(
      dateOnly
        ? 'Date must be an ISO-8601 date (YYYY-MM-DD)'
        : 'DateTime must be an ISO-8601 date or date-time',
    );
  }
  return value as string;
}

builder.scalarType('Date', {
  description: 'An ISO-8601 calendar date, e.g. 2026-01-05 (RFC 3339 full-date).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (v) => String(v),
  parseValue: (v) => parseIso(v, true),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : null, true),
});

builder.scalarType('DateTime', {
  description:
    'An ISO-8601 date or date-time with offset, e.g. 2026-01-05 or 2026-01-05T10:00:00Z (RFC 3339 ' +
    'full-date or date-time: a day is kept as a day when that is all the source tells).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (v) => String(v),
  parseValue: (v) => parseIso(v, false),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : null, false),
});

builder.scalarType('JSON', {
  description: 'Any JSON value (used for whole article documents, validated by the domain schema).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc8259',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: () => {
    throw new GraphQLError('JSON values must be passed as variables', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
