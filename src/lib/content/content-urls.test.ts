import { describe, expect, test } from 'vitest';
import { classifyUrl, isInternalSrcset } from './content-urls.ts';

describe('classifyUrl', () => {
  test.each([
    ['/kpis/nps/', { kind: 'internal' }],
    ['diagram.png', { kind: 'internal' }],
    ['#why', { kind: 'internal' }],
    ['?q=1', { kind: 'internal' }],
    ['/%5Cevil.example/x', { kind: 'internal' }],
    ['%2F%2Fevil.example', { kind: 'internal' }],
    ['https://example.com', { kind: 'external', href: 'https://example.com' }],
    ['mailto:okr@example.com', { kind: 'external', href: 'mailto:okr@example.com' }],
    ['//evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['///evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['/\\evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['\\\\evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['\\/evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['/\t/evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    [' //evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['\u0001//evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['https:evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['http:/evil.example/x', { kind: 'external', href: 'http://evil.example/x' }],
    ['HTTPS://evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['ht\ntps://evil.example/x', { kind: 'external', href: 'https://evil.example/x' }],
    ['https://portal.invalid/x', { kind: 'external', href: 'https://portal.invalid/x' }],
    ['java\tscript:alert(1)', { kind: 'unsafe' }],
    ['\u0000javascript:alert(1)', { kind: 'unsafe' }],
    ['JaVaScRiPt:alert(1)', { kind: 'unsafe' }],
    ['data:image/png;base64,AAAA', { kind: 'unsafe' }],
    ['//', { kind: 'unsafe' }],
  ] as const)('%j is %j', (url, expected) => {
    expect(classifyUrl(url)).toEqual(expected);
  });
});

describe('isInternalSrcset', () => {
  test.each([
    ['a.png 1x, b.png 2x', true],
    ['a.png 640w,/b.png 1280w', true],
    ['a.png 1x, //evil.example/b.png 2x', false],
    ['a.png,//evil.example/b.png', false],
    ['/\\evil.example/b.png', false],
  ] as const)('%j is %s', (srcset, expected) => {
    expect(isInternalSrcset(srcset)).toBe(expected);
  });
});
