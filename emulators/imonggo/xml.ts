import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlValue = string | number | boolean | null | XmlValue[] | { [key: string]: XmlValue };

/**
 * Fields Imonggo stores as decimals. Rails writes a whole decimal as "20.0" in XML, so the
 * emulator does too; a client that reads "20" only is caught here.
 */
const decimalFields = new Set([
  'cost',
  'retail_price',
  'quantity',
  'amount',
  'subtotal',
  'tender',
  'value',
  'rate',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** The singular element name Rails uses for the children of an array element. */
export function singular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (/(ch|sh|x|s)es$/.test(plural)) return plural.slice(0, -2);
  return plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

/**
 * A whole XML document. `typed` adds Rails' `type="integer|boolean|float"` attributes, which the
 * real API only writes in `<hash>` answers (counts, tokens, tax settings).
 */
export function xmlDocument(root: string, value: XmlValue, options: { typed?: boolean } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, '', options.typed ?? false)}\n`;
}

/** A list answer: Rails dasherises the root of a multi-word list but not its children. */
export function xmlList(plural: string, items: XmlValue[]): string {
  const root = plural.replace(/_/g, '-');
  if (items.length === 0) return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}/>\n`;

  const child = singular(plural);
  const body = items.map((item) => element(child, item, '  ', false)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} type="array">\n${body}\n</${root}>\n`;
}

function element(name: string, value: XmlValue, indent: string, typed: boolean): string {
  if (value === null) return `${indent}<${name} nil="true"></${name}>`;

  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<${name} type="array"/>`;
    const child = singular(name);
    const items = value.map((item) => element(child, item, `${indent}  `, typed)).join('\n');
    return `${indent}<${name} type="array">\n${items}\n${indent}</${name}>`;
  }

  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([key, field]) =>
      element(key, field, `${indent}  `, typed),
    );
    return `${indent}<${name}>\n${fields.join('\n')}\n${indent}</${name}>`;
  }

  const type = typed ? typeAttribute(value) : '';
  return `${indent}<${name}${type}>${escapeXml(scalarText(name, value))}</${name}>`;
}

function typeAttribute(value: string | number | boolean): string {
  if (typeof value === 'boolean') return ' type="boolean"';
  if (typeof value === 'number')
    return Number.isInteger(value) ? ' type="integer"' : ' type="float"';
  return '';
}

function scalarText(name: string, value: string | number | boolean): string {
  if (typeof value === 'number' && decimalFields.has(name) && Number.isInteger(value)) {
    return value.toFixed(1);
  }
  return String(value);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Reads an XML request body the way Rails' XML params parser does: `type="array"` elements become
 * lists, `nil="true"` becomes null only when the element is empty (integrations send
 * `<customer_id nil="true">77</customer_id>` and mean 77), and every other scalar stays text.
 * Undefined when the body is not well-formed XML.
 */
export function parseXml(text: string): { root: string; value: XmlValue } | undefined {
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
  if (typeof node !== 'object') return '';
  if (Array.isArray(node)) return node.map(toValue);

  const record = node as Record<string, unknown>;
  const children = Object.keys(record).filter((key) => !key.startsWith('@_') && key !== '#text');
  const rawText = record['#text'];
  const text = typeof rawText === 'string' ? rawText : '';

  if (record['@_type'] === 'array') {
    return children.flatMap((key) => {
      const child = record[key];
      return Array.isArray(child) ? child.map(toValue) : [toValue(child)];
    });
  }

  if (children.length === 0) {
    return record['@_nil'] === 'true' && text === '' ? null : text;
  }

  const value: Record<string, XmlValue> = {};
  for (const key of children) value[key] = toValue(record[key]);
  return value;
}
