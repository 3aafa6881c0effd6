/**
 * W3C PROV-JSON (https://www.w3.org/submissions/prov-json/) of attribution chains, following the
 * mapping in docs/model.md: each Telling and each Article is an entity, each teller an agent;
 * a telling wasAttributedTo its agent and wasDerivedFrom the telling it was quoted from (typed
 * prov:Quotation when the words were quoted); the article is a collection with its own
 * (hop 0) tellings as members, attributed to its publisher.
 *
 * PROV-JSON is one object of sections, so each section is one pass over the graph, page by page.
 * Relation ids are derived from the telling or article they start at, which has at most one
 * relation of each kind, so they are unique without remembering what was written.
 */
import type { Plain } from '../db/convert.js';
import { agentClass } from './agent-kind.js';
import { JsonSection, member } from './json.js';
import type { GraphReader } from './reader.js';
import type { TellingRow } from './rows.js';

/** Namespace of the graph's own identifiers and attributes. */
export const PROV_PREFIXES = {
  cg: 'urn:claim-graph:',
  schema: 'https://schema.org/',
} as const;

/**
 * A qualified name `cg:<key>`. Keys hold `#`, `@` and spaces, which a PROV-N local name cannot,
 * so anything outside [A-Za-z0-9_.:-] is percent-encoded (PROV-N allows %XX in local names).
 */
export function provId(key: string): string {
  return `cg:${[...key].map((c) => (/[A-Za-z0-9_.:-]/.test(c) ? c : percent(c))).join('')}`;
}

function percent(c: string): string {
  return [...new TextEncoder().encode(c)]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** A PROV-JSON typed literal for a qualified name (prov:type values are qualified names). */
const qname = (name: string) => ({ $: name, type: 'xsd:QName' });

/**
 * Whether the hop from telling `t` to the one it came from repeats the words (prov:Quotation):
 * the claim carries a verbatim quote, or the teller is recorded as quoting. Otherwise it is
 * plain derivation: hearsay and paraphrase (docs/model.md).
 */
export function isQuotation(t: TellingRow): boolean {
  return (t.claim?.quote ?? null) !== null || t.props.role === 'quoted';
}

function tellingEntity(t: TellingRow): Record<string, Plain | object> {
  const p = t.props;
  const attributes: Record<string, Plain | object> = {
    'prov:type': qname('cg:Telling'),
    'prov:label': `${String(p.role ?? 'telling')} (hop ${String(p.hop ?? '?')})`,
    'cg:key': t.key,
  };
  if (t.claim) {
    attributes['cg:claim'] = t.claim.key;
    if (t.claim.text !== null) attributes['prov:value'] = t.claim.text;
  }
  for (const name of [
    'hop',
    'role',
    'anonymous',
    'isOrigin',
    'timeText',
    'timeStart',
    'timeEnd',
    'evidenceText',
  ]) {
    const value = p[name];
    if (value !== null && value !== undefined) attributes[`cg:${name}`] = value;
  }
  return attributes;
}

export async function* provJson(reader: GraphReader): AsyncGenerator<string> {
  yield `{${member('prefix', PROV_PREFIXES)}`;

  const entities = new JsonSection(',"entity":{', '}');
  for await (const page of reader.tellings()) {
    yield entities.add(page.map((t) => member(provId(t.key), tellingEntity(t))));
  }
  for await (const page of reader.articles()) {
    yield entities.add(
      page.map((a) =>
        member(provId(a.key), {
          'prov:type': [qname('prov:Collection'), qname('schema:CreativeWork')],
          'prov:label': a.title ?? a.key,
          'cg:key': a.key,
          ...(a.url !== null && { 'schema:url': a.url }),
          ...(a.publishedAt !== null && { 'schema:datePublished': a.publishedAt }),
        }),
      ),
    );
  }
  yield entities.end();

  const agents = new JsonSection(',"agent":{', '}');
  for await (const page of reader.agents()) {
    yield agents.add(
      page.map((a) =>
        member(provId(a.key), {
          'prov:type': qname(`prov:${agentClass(a.type, a.kind)}`),
          'prov:label': a.name ?? a.key,
          'cg:key': a.key,
          ...(a.kind !== null && { 'cg:kind': a.kind }),
        }),
      ),
    );
  }
  yield agents.end();

  const attributions = new JsonSection(',"wasAttributedTo":{', '}');
  for await (const page of reader.tellings()) {
    yield attributions.add(
      page
        .filter((t) => t.agentKey !== null)
        .map((t) =>
          member(`_:attributed-${provId(t.key).slice(3)}`, {
            'prov:entity': provId(t.key),
            'prov:agent': provId(t.agentKey!),
          }),
        ),
    );
  }
  for await (const page of reader.articles()) {
    yield attributions.add(
      page
        .filter((a) => a.publisherKey !== null)
        .map((a) =>
          member(`_:published-${provId(a.key).slice(3)}`, {
            'prov:entity': provId(a.key),
            'prov:agent': provId(a.publisherKey!),
          }),
        ),
    );
  }
  yield attributions.end();

  const derivations = new JsonSection(',"wasDerivedFrom":{', '}');
  for await (const page of reader.tellings()) {
    yield derivations.add(
      page
        .filter((t) => t.quotedFromKey !== null)
        .map((t) =>
          member(`_:derived-${provId(t.key).slice(3)}`, {
            'prov:generatedEntity': provId(t.key),
            'prov:usedEntity': provId(t.quotedFromKey!),
            ...(isQuotation(t) && { 'prov:type': qname('prov:Quotation') }),
          }),
        ),
    );
  }
  yield derivations.end();

  const members = new JsonSection(',"hadMember":{', '}');
  for await (const page of reader.tellings()) {
    yield members.add(
      page
        .filter((t) => t.articleKey !== null)
        .map((t) =>
          member(`_:member-${provId(t.key).slice(3)}`, {
            'prov:collection': provId(t.articleKey!),
            'prov:entity': provId(t.key),
          }),
        ),
    );
  }
  yield members.end();
  yield '}\n';
}
