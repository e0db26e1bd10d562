import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeXml, XML_DECLARATION } from './encode.js';
import {
  decodeXml,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
  MAX_XML_RUN,
  parseXmlDocument,
  XmlDocumentReader,
  XmlLimitError,
  XmlSyntaxError,
} from './parse.js';
import { x } from './schema.js';

const Order = x.root('Order', {
  Name: x.text(),
  Zip: x.text(),
  Address: x.object({ City: x.text(), StateCode: x.text() }),
  TelephoneNumberList: x.list('TelephoneNumber', x.text()),
  Errors: x.repeated(x.object({ Code: x.text(), Description: x.text() })),
});

describe('XML decoding', () => {
  it('keeps every value a string, so leading zeros survive', () => {
    const doc = parseXmlDocument(
      '<Order><Zip>01234</Zip><TelephoneNumberList><TelephoneNumber>0919555000</TelephoneNumber></TelephoneNumberList></Order>',
    );
    const order = decodeXml(Order, doc);
    assert.equal(order?.Zip, '01234');
    assert.deepEqual(order?.TelephoneNumberList, ['0919555000']);
  });

  it('merges repeated wrappers, as the Node client sends one wrapper per array item', () => {
    const doc = parseXmlDocument(
      '<Order><TelephoneNumberList><TelephoneNumber>1</TelephoneNumber></TelephoneNumberList>' +
        '<TelephoneNumberList><TelephoneNumber>2</TelephoneNumber><TelephoneNumber>3</TelephoneNumber></TelephoneNumberList></Order>',
    );
    assert.deepEqual(decodeXml(Order, doc)?.TelephoneNumberList, ['1', '2', '3']);
  });

  it('tells an absent list (undefined) from an empty one ([])', () => {
    assert.equal(decodeXml(Order, parseXmlDocument('<Order/>'))?.TelephoneNumberList, undefined);
    assert.deepEqual(
      decodeXml(Order, parseXmlDocument('<Order><TelephoneNumberList/></Order>'))?.TelephoneNumberList,
      [],
    );
  });

  it('ignores unknown elements, matches names in any case, tolerates no declaration and whitespace', () => {
    const doc = parseXmlDocument(
      '  <order>\n <name> Bob </name><Unknown><Deep>1</Deep></Unknown><ADDRESS><city>Cary</city></ADDRESS></order>\n',
    );
    const order = decodeXml(Order, doc);
    assert.equal(order?.Name, 'Bob');
    assert.equal(order?.Address?.City, 'Cary');
  });

  it('decodes unwrapped repeated siblings', () => {
    const doc = parseXmlDocument(
      '<Order><Errors><Code>1</Code></Errors><Errors><Code>2</Code></Errors></Order>',
    );
    assert.deepEqual(
      decodeXml(Order, doc)?.Errors?.map((e) => e.Code),
      ['1', '2'],
    );
  });

  it('answers undefined for another root element', () => {
    assert.equal(decodeXml(Order, parseXmlDocument('<Site><Name>x</Name></Site>')), undefined);
  });

  it('decodes predefined and numeric character references', () => {
    assert.equal(
      decodeXml(Order, parseXmlDocument('<Order><Name>A &amp; B &lt;3 &#65;</Name></Order>'))?.Name,
      'A & B <3 A',
    );
  });

  const hostile: [string, string][] = [
    ['a DOCTYPE', '<!DOCTYPE Order [<!ENTITY x "boom">]><Order><Name>&x;</Name></Order>'],
    ['an external entity', '<!DOCTYPE Order SYSTEM "file:///etc/passwd"><Order/>'],
    [
      'billion laughs',
      '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Order><Name>&b;</Name></Order>',
    ],
    ['unclosed tags', '<Order><Name>x</Order>'],
    ['plain text', 'hello world'],
    ['two roots', '<Order/><Order/>'],
    ['too deep nesting', '<a>'.repeat(MAX_XML_DEPTH + 5) + '</a>'.repeat(MAX_XML_DEPTH + 5)],
    ['an HTML entity (only the five XML ones exist)', '<Order><Name>&nbsp;</Name></Order>'],
    ['text after the root', '<Order/>trailing'],
  ];
  it('takes names such as __proto__ as ordinary unknown elements: ignored, nothing polluted', () => {
    const doc = parseXmlDocument(
      '<Order><__proto__><Name>evil</Name></__proto__><constructor>x</constructor><Name>ok</Name></Order>',
    );
    assert.equal(decodeXml(Order, doc)?.Name, 'ok');
    assert.equal(({} as Record<string, unknown>).Name, undefined);
  });

  it('normalises line ends (CR LF and CR become LF), as XML 1.0 does', () => {
    const doc = parseXmlDocument('<Order>\r\n<Name>a\r\nb\rc</Name>\r</Order>\r');
    assert.equal(decodeXml(Order, doc)?.Name, 'a\nb\nc');
  });

  it('reads a body split anywhere, even between CR and LF or inside a tag, as one piece', () => {
    const body = '<Order>\r\n<Name>A &amp; B\r\n</Name><Zip>01234</Zip></Order>';
    for (let cut = 1; cut < body.length; cut++) {
      const reader = new XmlDocumentReader();
      reader.write(body.slice(0, cut));
      reader.write(body.slice(cut));
      const doc = reader.end();
      assert.ok(doc);
      assert.deepEqual(
        { ...decodeXml(Order, doc), Errors: [] },
        { ...decodeXml(Order, parseXmlDocument(body)), Errors: [] },
        `cut at ${cut}`,
      );
    }
  });

  it('refuses a text or tag run longer than the limit, and more elements than the limit', () => {
    assert.throws(
      () => parseXmlDocument(`<Order><Name>${'x'.repeat(MAX_XML_RUN + 1)}</Name></Order>`),
      XmlLimitError,
    );
    assert.throws(() => parseXmlDocument(`<Order a="${'x'.repeat(MAX_XML_RUN)}"/>`), XmlLimitError);
    assert.throws(() => parseXmlDocument(`<Order>${'<a/>'.repeat(MAX_XML_ELEMENTS)}</Order>`), XmlLimitError);
    assert.ok(parseXmlDocument(`<Order><Name>${'x'.repeat(MAX_XML_RUN - 100)}</Name></Order>`));
  });

  for (const [name, body] of hostile) {
    it(`refuses ${name}`, () => {
      assert.throws(() => parseXmlDocument(body), XmlSyntaxError);
    });
  }
});

describe('XML encoding', () => {
  it('writes children in declared order whatever the object order, with the JAXB declaration', () => {
    const xml = encodeXml(Order, { Address: { StateCode: 'NC', City: 'Raleigh' }, Name: 'n' });
    assert.equal(
      xml,
      `${XML_DECLARATION}<Order><Name>n</Name><Address><City>Raleigh</City><StateCode>NC</StateCode></Address></Order>`,
    );
  });

  it('writes empty lists as an empty wrapper, omits undefined, writes null and "" as empty elements', () => {
    const xml = encodeXml(Order, { Name: null, Zip: '', TelephoneNumberList: [] });
    assert.ok(xml.endsWith('<Order><Name/><Zip/><TelephoneNumberList/></Order>'));
  });

  it('escapes text and writes booleans, numbers and dates as the clients expect', () => {
    const Root = x.root('R', { A: x.text(), B: x.text(), C: x.text(), D: x.text() });
    const xml = encodeXml(Root, { A: '<&>"', B: true, C: 42, D: new Date('2014-07-11T17:13:57.788Z') });
    assert.ok(
      xml.endsWith('<R><A>&lt;&amp;&gt;&quot;</A><B>true</B><C>42</C><D>2014-07-11T17:13:57.788Z</D></R>'),
    );
  });

  it('writes fixed attributes and unwrapped repeats', () => {
    const Root = x.root('L', { Item: x.repeated(x.object({ V: x.text() }, { 'xsi:type': 'Item' })) });
    assert.ok(
      encodeXml(Root, { Item: [{ V: 1 }, { V: 2 }] }).endsWith(
        '<L><Item xsi:type="Item"><V>1</V></Item><Item xsi:type="Item"><V>2</V></Item></L>',
      ),
    );
  });

  it('round-trips: what is encoded decodes to the same values', () => {
    const value = {
      Name: 'x & y',
      Zip: '00501',
      Address: { City: 'Holtsville', StateCode: 'NY' },
      TelephoneNumberList: ['6315550100'],
    };
    const decoded = decodeXml(Order, parseXmlDocument(encodeXml(Order, value)));
    assert.equal(decoded?.Name, value.Name);
    assert.equal(decoded?.Zip, value.Zip);
    assert.deepEqual(decoded?.Address, value.Address);
    assert.deepEqual(decoded?.TelephoneNumberList, value.TelephoneNumberList);
  });
});
