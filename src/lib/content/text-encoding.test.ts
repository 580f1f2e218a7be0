import { describe, expect, test } from 'vitest';
import { decodeContentText } from './text-encoding.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeContentText', () => {
  test.each([
    ['plain UTF-8', bytes('title: Grow'), 'title: Grow'],
    ['a UTF-8 byte-order mark, dropped', bytes([0xef, 0xbb, 0xbf], 'a'), 'a'],
    ['multi-byte characters', bytes('café 🎯'), 'café 🎯'],
    ['an empty file', bytes(), ''],
  ])('decodes %s', (_, input, text) => {
    expect(decodeContentText(input)).toEqual({ text });
  });

  test.each([
    ['a lone continuation byte', bytes('ab', [0x80], 'c'), 'is not valid UTF-8 (byte 0x80 at byte offset 2, line 1); save it as UTF-8'],
    ['a Latin-1 é on line 2', bytes('a\ncaf', [0xe9], '\n'), 'is not valid UTF-8 (byte 0xe9 at byte offset 5, line 2); save it as UTF-8'],
    ['a truncated character at the end', bytes('ok', [0xe2, 0x82]), 'is not valid UTF-8 (byte 0xe2 at byte offset 2, line 1); save it as UTF-8'],
    ['a truncated character before ASCII', bytes('x', [0xf0, 0x9f], 'y'), 'is not valid UTF-8 (byte 0xf0 at byte offset 1, line 1); save it as UTF-8'],
    ['an overlong encoding', bytes([0xc0, 0xaf]), 'is not valid UTF-8 (byte 0xc0 at byte offset 0, line 1); save it as UTF-8'],
    ['an encoded surrogate', bytes('a', [0xed, 0xa0, 0x80]), 'is not valid UTF-8 (byte 0xed at byte offset 1, line 1); save it as UTF-8'],
    ['invalid bytes after a BOM (offsets count the BOM)', bytes([0xef, 0xbb, 0xbf], 'a', [0xff]), 'is not valid UTF-8 (byte 0xff at byte offset 4, line 1); save it as UTF-8'],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe], [0x61, 0]), 'is UTF-16 (little-endian, with a byte-order mark); save it as UTF-8'],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff], [0, 0x61]), 'is UTF-16 (big-endian, with a byte-order mark); save it as UTF-8'],
    ['UTF-16LE without a BOM', Buffer.from('title: Grow\n', 'utf16le'), 'is UTF-16 (little-endian, without a byte-order mark); save it as UTF-8'],
    ['UTF-16BE without a BOM', Buffer.from('title: Grow\n', 'utf16le').swap16(), 'is UTF-16 (big-endian, without a byte-order mark); save it as UTF-8'],
    ['UTF-32LE with a BOM (which starts like the UTF-16LE one)', bytes([0xff, 0xfe, 0, 0], [0x61, 0, 0, 0]), 'is UTF-32 (little-endian, with a byte-order mark); save it as UTF-8'],
    ['UTF-32BE with a BOM', bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x61]), 'is UTF-32 (big-endian, with a byte-order mark); save it as UTF-8'],
    ['UTF-32LE without a BOM', bytes(...[...'title: Grow\n'].map((c) => [c.charCodeAt(0), 0, 0, 0])), 'is UTF-32 (little-endian, without a byte-order mark); save it as UTF-8'],
    ['UTF-32BE without a BOM', bytes(...[...'title: Grow\n'].map((c) => [0, 0, 0, c.charCodeAt(0)])), 'is UTF-32 (big-endian, without a byte-order mark); save it as UTF-8'],
    ['a NUL byte', bytes('é', [0], 'x'), 'contains a NUL byte at byte offset 2, so it is not a text file'],
  ])('rejects %s', (_, input, message) => {
    expect(decodeContentText(input).problem?.message).toBe(message);
  });
});
