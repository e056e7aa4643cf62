import { describe, expect, it } from 'vitest';
import { canonicalJson, digestOf } from './canonical.ts';

describe('canonical JSON for the audit chain', () => {
  it('does not depend on key order, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, z: undefined })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
  });
  it('writes dates as ISO instants and has no digest for nothing', () => {
    expect(canonicalJson(new Date('2025-11-11T01:02:03.004Z'))).toBe('"2025-11-11T01:02:03.004Z"');
    expect(digestOf(undefined)).toBeNull();
  });
});
