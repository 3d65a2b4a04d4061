import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXmlAttribute, escapeXmlText, XmlWriter } from './xml-writer';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

describe('XmlWriter', () => {
  it('escapes markup so text can never close an element or a CDATA section', () => {
    const hostile = 'a < b && c > d ]]> <script>alert("x")</script> \'q\'';
    const xml = new XmlWriter().start('root', { note: hostile }).leaf('text', hostile).end().toString();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<script>');
    const parsed = parser.parse(xml);
    expect(parsed.root.text).toBe(hostile);
    expect(parsed.root['@note']).toBe(hostile);
  });

  it('drops characters XML 1.0 cannot carry and keeps tabs, newlines and carriage returns', () => {
    const text =
      'bell\u0007 nul\u0000 esc\u001b vt\u000b ff\u000c lone\uD800 surrogate \uFFFE\uFFFF tab\t line\nreturn\r emoji 🚧 ñ';
    const xml = new XmlWriter().start('root', { a: text }).leaf('t', text).end().toString();
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    const parsed = parser.parse(xml);
    expect(parsed.root.t).toBe('bell nul esc vt ff lone surrogate  tab\t line\nreturn\r emoji 🚧 ñ');
    expect(parsed.root['@a']).toBe('bell nul esc vt ff lone surrogate  tab\t line\nreturn\r emoji 🚧 ñ');
  });

  it('writes the declaration, empty elements for null, and refuses unbalanced or invalid names', () => {
    const xml = new XmlWriter().start('a').leaf('b', null).leaf('c', false).leaf('d', 0).end().toString();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<a>')).toBe(true);
    expect(xml).toContain('<b/>');
    expect(xml).toContain('<c>false</c>');
    expect(xml).toContain('<d>0</d>');
    expect(() => new XmlWriter().start('a').toString()).toThrow(/left open/);
    expect(() => new XmlWriter().end()).toThrow();
    expect(() => new XmlWriter().leaf('1bad', 'x')).toThrow(/Not an XML name/);
    expect(() => new XmlWriter().leaf('a', 'x', { 'bad name': 'x' })).toThrow(/Not an XML name/);
  });

  it('escapes the five predefined entities in attributes', () => {
    expect(escapeXmlAttribute(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
    expect(escapeXmlText(`<&>"'`)).toBe(`&lt;&amp;&gt;"'`);
  });
});
