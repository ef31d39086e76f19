import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlValue = string | number | boolean | null | XmlValue[] | { [key: string]: XmlValue };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Scalars stay text, so a SKU such as "007" keeps its leading zeros; the schemas convert.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * Decodes an Imonggo XML document into plain values: `type="array"` elements become arrays (an
 * empty list arrives self-closed, as ""), `nil="true"` on an empty element becomes null, and the
 * Rails type attributes of `<hash>` answers (`integer`, `float`, `decimal`, `boolean`) are applied.
 * Undefined when the text is not well-formed XML (an HTML page, a cut-off answer).
 */
export function decodeXml(text: string): { root: string; value: XmlValue } | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;

  const document = parser.parse(text) as Record<string, unknown>;
  const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('!'));
  if (root === undefined) return undefined;

  return { root, value: toValue(document[root]) };
}

function toValue(node: unknown): XmlValue {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(toValue);
  if (typeof node !== 'object') return null;

  const element = node as Record<string, unknown>;
  const children = Object.keys(element).filter((key) => !key.startsWith('@_') && key !== '#text');
  const rawText = element['#text'];
  const text = typeof rawText === 'string' ? rawText : '';

  if (element['@_type'] === 'array') {
    return children.flatMap((key) => {
      const child = element[key];
      return Array.isArray(child) ? child.map(toValue) : [toValue(child)];
    });
  }

  if (children.length > 0) {
    const value: Record<string, XmlValue> = {};
    for (const key of children) value[key] = toValue(element[key]);
    return value;
  }

  if (element['@_nil'] === 'true' && text === '') return null;
  return typed(text, element['@_type']);
}

function typed(text: string, type: unknown): XmlValue {
  if (type === 'integer' || type === 'float' || type === 'decimal') {
    const value = Number(text);
    return text !== '' && Number.isFinite(value) ? value : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

/** Writes a request body with the singular resource as its root element. */
export function encodeXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;
}

function element(name: string, value: XmlValue): string {
  if (value === null) return `<${name} nil="true"></${name}>`;

  if (Array.isArray(value)) {
    const child = singular(name);
    return `<${name} type="array">${value.map((item) => element(child, item)).join('')}</${name}>`;
  }

  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([key, field]) => element(key, field));
    return `<${name}>${fields.join('')}</${name}>`;
  }

  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function singular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (/(ch|sh|x|s)es$/.test(plural)) return plural.slice(0, -2);
  return plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
