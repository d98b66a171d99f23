/**
 * A tiny, strict XML 1.0 reader for checking the JUnit output: it walks the text character
 * by character and throws on anything a conforming parser would reject (unbalanced tags,
 * bare `<` or `&`, unknown entities, duplicate attributes, characters XML cannot hold).
 * Returns the element tree with entities decoded, so tests can compare values.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(
      `XML error at ${i}: ${msg} near ${JSON.stringify(xml.slice(Math.max(0, i - 20), i + 20))}`,
    );
  };
  for (const ch of xml) {
    if (!isXmlChar(ch.codePointAt(0)!)) fail(`character U+${ch.codePointAt(0)!.toString(16)} is not allowed`);
  }
  const skipSpace = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
  };
  const name = (): string => {
    const start = i;
    if (!isNameStart(xml[i] ?? '')) fail('expected a name');
    while (i < xml.length && isNameChar(xml[i]!)) i++;
    return xml.slice(start, i);
  };
  const entity = (): string => {
    const end = xml.indexOf(';', i);
    if (end === -1 || end - i > 10) fail('unterminated entity');
    const body = xml.slice(i + 1, end);
    i = end + 1;
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[body] !== undefined) return named[body]!;
    let cp = NaN;
    if (body.startsWith('#x')) cp = parseInt(body.slice(2), 16);
    else if (body.startsWith('#')) cp = parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || !isXmlChar(cp)) fail(`bad entity &${body};`);
    return String.fromCodePoint(cp);
  };
  const attrValue = (): string => {
    const q = xml[i];
    if (q !== '"' && q !== "'") fail('attribute value must be quoted');
    i++;
    let out = '';
    while (xml[i] !== q) {
      if (i >= xml.length) fail('unterminated attribute');
      const c = xml[i]!;
      if (c === '<') fail('"<" in an attribute value');
      if (c === '&') out += entity();
      else {
        // Literal whitespace in attributes is normalised to a space by conforming parsers.
        out += c === '\n' || c === '\t' || c === '\r' ? ' ' : c;
        i++;
      }
    }
    i++;
    return out;
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected "<"');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = name();
      if (Object.prototype.hasOwnProperty.call(el.attrs, attr)) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (xml[i] !== '=') fail('expected "="');
      i++;
      skipSpace();
      el.attrs[attr] = attrValue();
    }
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${el.name}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected ">"');
        i++;
        return el;
      }
      if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        if (end === -1) fail('unterminated CDATA');
        el.text += xml.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      if (xml[i] === '<') {
        el.children.push(element());
        continue;
      }
      if (xml[i] === '&') {
        el.text += entity();
        continue;
      }
      if (xml.startsWith(']]>', i)) fail('"]]>" in text');
      el.text += xml[i];
      i++;
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration');
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}
