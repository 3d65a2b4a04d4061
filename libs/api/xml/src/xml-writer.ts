/**
 * A tiny XML writer for the documents Plaza publishes (RSS, Atom, Open311). Text never goes into
 * CDATA: everything is escaped, so a `]]>` in a citizen's description is harmless, and characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;
export type XmlText = string | number | boolean | null | undefined;

// Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

/** Escapes element content. `\r` is written as a reference so that parsers do not normalise it away. */
export function escapeXmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/** Escapes an attribute value (double-quoted); whitespace other than spaces survives attribute normalisation. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;');
}

/** Builds one document, indented by two spaces. Elements hold either text or child elements, never both. */
export class XmlWriter {
  private readonly lines: string[] = [XML_DECLARATION];
  private readonly open: string[] = [];

  /** Opens an element that will hold child elements. */
  start(name: string, attributes: XmlAttributes = {}): this {
    this.lines.push(`${this.indent()}<${checkName(name)}${formatAttributes(attributes)}>`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    this.lines.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** An element with text content; `null`/`undefined` (and empty text) give an empty element. */
  leaf(name: string, text: XmlText, attributes: XmlAttributes = {}): this {
    const tag = `${checkName(name)}${formatAttributes(attributes)}`;
    const content = text === null || text === undefined ? '' : escapeXmlText(String(text));
    this.lines.push(
      content === '' ? `${this.indent()}<${tag}/>` : `${this.indent()}<${tag}>${content}</${name}>`,
    );
    return this;
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.join('>, <')}> left open`);
    return `${this.lines.join('\n')}\n`;
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not an XML name: ${name}`);
  return name;
}

function formatAttributes(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${checkName(name)}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}
