/**
 * The schema → XML model rules on small inline documents: element-name overrides, allOf merging,
 * discriminators with and without mapping, recursion, and the constructs the codec refuses.
 */
import { describe, expect, it } from 'vitest';
import { createCodec, type OpenApiDocument } from './codec.ts';
import { createValidator } from './validate.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const doc = (schemas: Record<string, unknown>): OpenApiDocument => ({ components: { schemas } });

describe('SchemaModel', () => {
  it('names repeated elements by items.xml.name, else property xml.name, else the property', () => {
    const codec = createCodec(doc({
      Root: { type: 'object', xml: { name: 'R' }, properties: {
        Files: { type: 'array', items: { type: 'string', xml: { name: 'File' } } },
        Note: { type: 'string', xml: { name: 'Remark' } },
        Count: { type: 'integer' },
      } },
    }));
    const value = { Files: ['a', 'b'], Note: 'n', Count: 2 };
    expect(codec.encode(value, 'Root')).toBe('<R><File>a</File><File>b</File><Remark>n</Remark><Count>2</Count></R>');
    expect(codec.decode('<R><Remark>n</Remark><File>a</File><Count>2</Count><File>b</File></R>', 'Root')).toEqual(value);
  });

  it('merges allOf members in order, own properties last, required united', () => {
    const document = doc({
      Base: { type: 'object', required: ['A'], properties: { A: { type: 'string' }, B: { type: 'boolean' } } },
      Full: { xml: { name: 'Full' }, allOf: [ref('Base'), { type: 'object', required: ['C'], properties: { C: { type: 'integer' } } }], properties: { D: { type: 'string' } } },
    });
    const codec = createCodec(document);
    expect(codec.model.node('Full')).toMatchObject({ kind: 'object', fields: [{ prop: 'A', required: true }, { prop: 'B' }, { prop: 'C', required: true }, { prop: 'D', required: false }] });
    expect(codec.encode({ D: 'd', C: 1, B: true, A: 'a' }, 'Full')).toBe('<Full><A>a</A><B>true</B><C>1</C><D>d</D></Full>');
    expect(createValidator(document, codec).parseBody('<Full><A>a</A></Full>', 'Full')).toMatchObject({ ok: false, message: 'Full.C: is required' });
  });

  it('dispatches a discriminator without mapping by each branch\'s const/enum, and validates it', () => {
    const document = doc({
      Shape: { xml: { name: 'Shape' }, oneOf: [ref('Circle'), ref('Box')], discriminator: { propertyName: 'Kind' } },
      Circle: { type: 'object', required: ['Kind', 'R'], properties: { Kind: { const: 'circle' }, R: { type: 'integer' } } },
      Box: { type: 'object', required: ['Kind', 'W'], properties: { Kind: { type: 'string', enum: ['box', 'square'] }, W: { type: 'integer' } } },
    });
    const codec = createCodec(document);
    const validator = createValidator(document, codec);
    expect(codec.decode('<Shape><R>3</R><Kind>circle</Kind></Shape>', 'Shape')).toEqual({ Kind: 'circle', R: 3 });
    expect(codec.encode({ Kind: 'square', W: 2 }, 'Shape')).toBe('<Shape><Kind>square</Kind><W>2</W></Shape>');
    expect(validator.parseBody('<Shape><Kind>box</Kind><W>x</W></Shape>', 'Shape')).toMatchObject({ ok: false, message: 'Shape.W: must be an integer' });
    expect(validator.parseBody('<Shape><Kind>cone</Kind></Shape>', 'Shape')).toMatchObject({ ok: false, message: 'Shape.Kind: must be one of circle, box, square' });
  });

  it('folds a mapping into branches whose tag has no const/enum, so Ajv can dispatch', () => {
    const document = doc({
      Msg: { xml: { name: 'Msg' }, oneOf: [ref('Ping'), ref('Pong')], discriminator: { propertyName: 'Type', mapping: { ping: '#/components/schemas/Ping', pong: '#/components/schemas/Pong' } } },
      Ping: { type: 'object', properties: { Type: { type: 'string' }, At: { type: 'integer' } } },
      Pong: { type: 'object', properties: { Type: { type: 'string' }, Ok: { type: 'boolean' } } },
    });
    const validator = createValidator(document, createCodec(document));
    expect(validator.parseBody('<Msg><Type>pong</Type><Ok>true</Ok></Msg>', 'Msg')).toEqual({ ok: true, value: { Type: 'pong', Ok: true } });
    expect(validator.parseBody('<Msg><Type>ping</Type><At>soon</At></Msg>', 'Msg')).toMatchObject({ ok: false, message: 'Msg.At: must be an integer' });
    expect(validator.parseBody('<Msg><At>1</At></Msg>', 'Msg')).toMatchObject({ ok: false, message: 'Msg.Type: is required' });
  });

  it('handles recursive schemas in both directions', () => {
    const codec = createCodec(doc({
      Tree: { type: 'object', xml: { name: 'Node' }, properties: { Name: { type: 'string' }, Node: { type: 'array', items: ref('Tree') } } },
    }));
    const value = { Name: 'root', Node: [{ Name: 'a', Node: [{ Name: 'a1' }] }, { Name: 'b' }] };
    const xml = codec.encode(value, 'Tree');
    expect(xml).toBe('<Node><Name>root</Name><Node><Name>a</Name><Node><Name>a1</Name></Node></Node><Node><Name>b</Name></Node></Node>');
    expect(codec.decode(xml, 'Tree')).toEqual(value);
  });

  it('refuses constructs it cannot map, with a [fileproc] message', () => {
    const wrapped = createCodec(doc({ L: { type: 'object', properties: { Items: { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'I' } } } } } }));
    expect(() => wrapped.encode({ Items: ['x'] }, 'L')).toThrow(/\[fileproc\] Items: xml.wrapped arrays are not supported/);
    expect(() => wrapped.decode('<L/>', 'L'), 'a failed build must not be cached half-done').toThrow(/xml.wrapped/);
    const external = createCodec(doc({ E: { type: 'object', properties: { X: { $ref: 'other.yaml#/X' } } } }));
    expect(() => external.decode('<E/>', 'E')).toThrow(/\[fileproc\] unsupported \$ref "other.yaml#\/X"/);
    const noMapping = createCodec(doc({ U: { oneOf: [{ type: 'object', properties: { T: { type: 'string' } } }], discriminator: { propertyName: 'T' } } }));
    expect(() => noMapping.decode('<U/>', 'U')).toThrow(/\[fileproc\] U: discriminator "T" needs a mapping/);
  });
});
