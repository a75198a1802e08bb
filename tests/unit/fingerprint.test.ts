import { describe, expect, it } from 'vitest';
import { shortFingerprint, sourceFingerprint } from '../../src/lib/fingerprint.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sourceFingerprint', () => {
  it('is the SHA-256 of the bytes, the same for the same bytes', () => {
    expect(sourceFingerprint(bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sourceFingerprint(bytes('version: "1.0"\n'))).toBe(sourceFingerprint(bytes('version: "1.0"\n')));
  });

  it('changes with any change of the source, even one that does not show', () => {
    const base = sourceFingerprint(bytes('Step one.\n'));
    expect(sourceFingerprint(bytes('Step one.\r\n'))).not.toBe(base);
    expect(sourceFingerprint(bytes('Step one. \n'))).not.toBe(base);
    expect(sourceFingerprint(bytes('\uFEFFStep one.\n'))).not.toBe(base);
  });

  it('is shown shortened to 12 hex characters', () => {
    expect(shortFingerprint(sourceFingerprint(bytes('x')))).toMatch(/^[0-9a-f]{12}$/);
  });
});

