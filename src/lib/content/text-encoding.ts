/**
 * Content text is UTF-8. Decodes a file's bytes strictly, or says why it is not content text
 * (UTF-16 or UTF-32, invalid UTF-8 at a byte offset, NUL bytes), so that nothing of a binary file ever
 * reaches a parser or a message. A UTF-8 byte-order mark is accepted and dropped.
 */

export interface DecodeProblem {
  code: 'utf-16' | 'utf-32' | 'invalid-utf8' | 'binary-file';
  message: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** How many leading bytes the UTF-16-without-BOM guess looks at. */
const SNIFF_BYTES = 512;

/**
 * Decodes a content file's bytes as UTF-8, or returns the problem (never the bytes).
 * @example decodeContentText(new TextEncoder().encode('---\ntitle: x\n---\n')) // { text: '---\ntitle: x\n---\n' }
 * @example decodeContentText(Uint8Array.of(0xff, 0xfe, 0x2d, 0x00)).problem?.code // 'utf-16'
 */
export function decodeContentText(bytes: Uint8Array): { text: string; problem?: undefined } | { text?: undefined; problem: DecodeProblem } {
  // Before UTF-16: a UTF-32 little-endian BOM starts with the UTF-16 one.
  const utf32 = utf32Kind(bytes);
  if (utf32) return { problem: { code: 'utf-32', message: `is UTF-32 (${utf32}); save it as UTF-8` } };
  const utf16 = utf16Kind(bytes);
  if (utf16) return { problem: { code: 'utf-16', message: `is UTF-16 (${utf16}); save it as UTF-8` } };
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    // fatal: invalid bytes are an error, never silently replaced by U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = invalidUtf8Offset(body) + (hasBom ? 3 : 0);
    const line = countLines(bytes, offset);
    const byte = bytes[offset] ?? 0;
    return {
      problem: {
        code: 'invalid-utf8',
        message: `is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} at byte offset ${offset}, line ${line}); save it as UTF-8`,
      },
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const offset = new TextEncoder().encode(text.slice(0, nul)).length + (hasBom ? 3 : 0);
    return { problem: { code: 'binary-file', message: `contains a NUL byte at byte offset ${offset}, so it is not a text file` } };
  }
  return { text };
}

/**
 * 'little-endian' or 'big-endian' for a UTF-32 BOM, or for text whose characters are four
 * bytes of which three are NUL (ASCII in UTF-32), which would otherwise be called binary.
 */
function utf32Kind(bytes: Uint8Array): string | undefined {
  const at = (index: number, ...values: number[]): boolean => values.every((value, offset) => bytes[index + offset] === value);
  if (at(0, 0xff, 0xfe, 0, 0)) return 'little-endian, with a byte-order mark';
  if (at(0, 0, 0, 0xfe, 0xff)) return 'big-endian, with a byte-order mark';
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~3;
  if (length < 8) return undefined;
  let little = 0;
  let big = 0;
  for (let index = 0; index < length; index += 4) {
    if (bytes[index] !== 0 && at(index + 1, 0, 0, 0)) little++;
    if (at(index, 0, 0, 0) && bytes[index + 3] !== 0) big++;
  }
  const characters = length / 4;
  if (little === characters) return 'little-endian, without a byte-order mark';
  if (big === characters) return 'big-endian, without a byte-order mark';
  return undefined;
}

/** 'little-endian' or 'big-endian' for a UTF-16 BOM, or for text whose every other byte is NUL. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte-order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte-order mark';
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  // ASCII text in UTF-16 has a NUL in every other byte; say so rather than "NUL at offset 1".
  const pairs = length / 2;
  if (oddNuls >= pairs * 0.75 && evenNuls === 0) return 'little-endian, without a byte-order mark';
  if (evenNuls >= pairs * 0.75 && oddNuls === 0) return 'big-endian, without a byte-order mark';
  return undefined;
}

/**
 * The offset of the first byte that is not part of a valid UTF-8 character: the longest
 * prefix that a streaming strict decoder accepts is found by bisection (a prefix that fails
 * stays failed when it grows), then moved back to the start of its incomplete character.
 */
function invalidUtf8Offset(bytes: Uint8Array): number {
  const acceptsPrefix = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (acceptsPrefix(middle, true)) good = middle;
    else bad = middle;
  }
  // bytes[0, good) streams without error; its end may still sit inside a character.
  for (let start = good; start >= Math.max(0, good - 3); start--) {
    if (acceptsPrefix(start, false)) return start;
  }
  return good;
}

function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}
