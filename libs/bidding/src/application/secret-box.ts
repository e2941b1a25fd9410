import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';

/**
 * AES-256-GCM for the values trading keeps unreadable until their opening: sealed tender bids, one
 * sealed price at the cap, and the lottery seed. The additional data binds each box to its purpose,
 * lot and bidder, so a box copied to another row does not open. Stored as `iv.tag.ciphertext` (base64).
 */
const VERSION = 'land-trading-sealed-v1';

function aad(context: string): Buffer {
  return Buffer.from(`${VERSION}|${context}`, 'utf8');
}

export function sealSecret(plain: string, context: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64')).join('.');
}

export function openSecret(sealed: string, context: string, key: Buffer): string {
  try {
    const [iv, tag, ciphertext] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(aad(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError('SEALED_VALUE_UNREADABLE', `the sealed value for ${context} cannot be opened with this key`, undefined);
  }
}
