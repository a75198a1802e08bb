import { createHash } from 'node:crypto';

/** How many hex characters of a fingerprint a printed sheet shows: enough to tell versions apart at a glance. */
export const SHORT_FINGERPRINT_LENGTH = 12;

/**
 * The fingerprint of a source file: the SHA-256 of its bytes, in hex. It
 * changes whenever the file changes, even by one space, and only then, so a
 * signed sheet names exactly the text that was signed.
 */
export function sourceFingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The leading characters of a fingerprint, as printed on the sign-off sheet and in the handbook. */
export function shortFingerprint(fingerprint: string, length = SHORT_FINGERPRINT_LENGTH): string {
  return fingerprint.slice(0, length);
}
