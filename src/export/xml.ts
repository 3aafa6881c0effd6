/** XML text for GraphML: escaping, and ids every XML tool accepts. */

// Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR; U+FFFE/FFFF; lone
// surrogates). Article text scraped from the web does contain them, and one of them makes the
// whole file unreadable, so they become U+FFFD.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A bare CR would be normalised to LF by every parser; the reference keeps it.
  '\r': '&#13;',
};

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * GraphML declares node, edge and key ids as xs:NMTOKEN, which rules out the `#` and `@` of
 * claim and telling keys. Characters outside [A-Za-z0-9.:-] become `_<hex>_` (the underscore
 * included), so the mapping is one-to-one and a key stays readable: `mini-1#x@2` becomes
 * `mini-1_23_x_40_2`. The exact key is also written as the node's `key` attribute.
 */
export function nmtoken(value: string): string {
  return value.replace(/[^A-Za-z0-9.:-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}
