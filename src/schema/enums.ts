/**
 * Every GraphQL enum of the API, derived from the domain's own value lists (never copied), with
 * one casing convention: values in SCREAMING_SNAKE_CASE, as the GraphQL specification
 * recommends. Each GraphQL value stands for the domain value stored in the graph
 * (`ACCORDING_TO` is `according_to`, `ORIGIN_RELIABILITY` is `origin-reliability`), so resolvers
 * and inputs keep working with domain values and only the wire format changes.
 */
import { builder } from './builder.js';
import {
  AGENT_LABELS,
  ActorKind,
  CLAIM_ORDERS,
  ClaimKind,
  ClaimStatus,
  EventKind,
  PlaceKind,
  RelationType,
  ReliabilityGrade as ReliabilityGradeValues,
  SourceKind,
  TELLING_ROLES,
} from '../domain/model.js';
import { FACTOR_NAMES } from '../domain/grading.js';
import { INPUT_FORMATS } from '../extract/input.js';
import { WORDING_OPS } from '../domain/wording-diff.js';
import { TimeRelation } from '../domain/document.js';
import { DateMatch, TimeBasis, TimePrecision } from '../domain/time.js';

/** The GraphQL name of a domain value: `according_to` -> `ACCORDING_TO`, `Actor` -> `ACTOR`. */
export function enumValueName(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** An enum type whose GraphQL values name the given domain values, one for one. */
function domainEnum<const V extends string>(
  name: string,
  values: readonly V[],
  description: string,
  valueDescriptions: Partial<Record<V, string>> = {},
) {
  const entries = values.map((value) => {
    const about = valueDescriptions[value];
    return [enumValueName(value), { value, ...(about ? { description: about } : {}) }] as const;
  });
  if (new Set(entries.map(([n]) => n)).size !== entries.length) {
    throw new Error(`enum ${name}: two values share a GraphQL name`);
  }
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(entries) as Record<string, { value: V; description?: string }>,
  });
}

export const ClaimKindEnum = domainEnum('ClaimKind', ClaimKind.options, 'What kind of statement a claim is.');

export const ClaimStatusEnum = domainEnum(
  'ClaimStatus',
  ClaimStatus.options,
  'Where a claim stands in review.',
  {
    accepted: 'Reviewed and part of the graph: listed and graded.',
    draft: 'Proposed by the extractor, awaiting review: out of grading and default lists.',
    rejected: 'Reviewed and rejected: kept for the record, never listed by default.',
  },
);

export const RelationTypeEnum = domainEnum(
  'ClaimRelationType',
  RelationType.options,
  'How two claims relate.',
  {
    SUPPORTS: 'The one claim supports the other.',
    CONTRADICTS: 'The claims contradict each other.',
    SAME_STATEMENT: 'Two wordings (or tellings) of one statement.',
  },
);

export const HopRoleEnum = domainEnum(
  'HopRole',
  TELLING_ROLES,
  'How a teller passed a claim on at one link of its chain. PUBLISHED is the article itself (hop 0).',
);

export const ActorKindEnum = domainEnum('ActorKind', ActorKind.options, 'What kind of actor.');
export const SourceKindEnum = domainEnum('SourceKind', SourceKind.options, 'What kind of source.', {
  outlet: 'A newspaper, broadcaster or site publishing under its own name.',
  wire: 'A news agency whose copy other outlets re-report.',
  anonymous: 'An unnamed person or group ("a Syrian official").',
  leak: 'Unattributed leaked material.',
  official_body: 'A government office or ministry speaking institutionally.',
  document: 'A paper, statement text or transcript.',
});
export const PlaceKindEnum = domainEnum('PlaceKind', PlaceKind.options, 'What kind of place.');
export const EventKindEnum = domainEnum('EventKind', EventKind.options, 'What kind of event.');

export const AgentTypeEnum = domainEnum('AgentType', AGENT_LABELS, 'Actor or source.');

export const GradeFactorNameEnum = domainEnum(
  'GradeFactorName',
  FACTOR_NAMES,
  'A reason a grade went up or down (docs/grading.md explains each).',
);

export const ReliabilityGradeEnum = builder.enumType('ReliabilityGrade', {
  description:
    'Admiralty (NATO) source reliability: A completely reliable, B usually reliable, C fairly reliable, ' +
    'D not usually reliable, E unreliable, F reliability cannot be judged.',
  values: ReliabilityGradeValues.options,
});

export const ClaimOrderEnum = domainEnum(
  'ClaimOrder',
  CLAIM_ORDERS,
  'How the claims list is sorted (ties by key).',
);

export const DirectionEnum = builder.enumType('RelationDirection', {
  values: ['OUTGOING', 'INCOMING'] as const,
});

export const WordingOpEnum = domainEnum(
  'WordingOp',
  WORDING_OPS,
  'A run of words kept, inserted or deleted.',
);

export const ArticleFormatEnum = domainEnum(
  'ArticleFormat',
  INPUT_FORMATS,
  'How the submitted article is written; boilerplate and markup are stripped.',
);

export const TimeBasisEnum = domainEnum(
  'TimeBasis',
  TimeBasis.options,
  'How a time is known (docs/grading.md, "Dates").',
  {
    stated: 'The article\'s words give the date ("On January 5, 2026", "in July 2025").',
    relative:
      'The article places it against another event or its own publication ("days later", "previously"); ' +
      '`relativeTo` and `relation` say which, and the range follows from the anchor.',
    publication:
      "It is the article's publication itself (the outlet's own words are said by publishing them).",
    fallback:
      "Nothing in the text dates it: unknown. Only the article's date is known, and date filters never treat it as that day.",
  },
);

export const TimePrecisionEnum = domainEnum(
  'TimePrecision',
  TimePrecision.options,
  'How exactly a time is known.',
  {
    day: 'One day.',
    month: 'One calendar month.',
    year: 'One calendar year.',
    range: 'A range of days that is not a calendar unit ("mid-September", "days later").',
    open: 'Bounded on one side only ("previously": no earliest day).',
    unknown: 'No bound at all.',
  },
);

export const TimeRelationEnum = domainEnum(
  'TimeRelation',
  TimeRelation.options,
  'Which side of its anchor a relative time lies.',
);

export const DateMatchEnum = domainEnum(
  'DateMatch',
  DateMatch.options,
  'How a date range filter matches an approximate time.',
  {
    overlaps: 'It may fall in the range: its known days share at least one day with the range (the default).',
    within: 'It certainly falls in the range: every day it may fall on lies inside the range.',
  },
);
