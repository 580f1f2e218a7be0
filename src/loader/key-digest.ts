/**
 * The digest of page-key material (src/lib/model/page-keys.ts): the manifest of Astro's
 * incremental build keeps the digest, not the material, and keys share digests of big parts
 * (a period's objectives, a snapshot's). One function, so that every key hashes alike.
 */
import { createHash } from 'node:crypto';

/**
 * sha256 of the material, base64url.
 * @example keyDigest('{"page":"period"}').length // 43
 */
export function keyDigest(material: string | Uint8Array): string {
  return createHash('sha256').update(material).digest('base64url');
}
