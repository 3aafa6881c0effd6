/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML, because every string
 * shown comes from ingested articles.
 */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** Static, trusted SVG markup (the legend's shapes), parsed into a node. */
export function svg(markup: string): Node {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.firstChild ?? document.createTextNode('');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element for the charts; like `h`, text goes in as text nodes only. */
export function s(
  tag: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (Child | Child[])[]
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element as SVGElement;
}
