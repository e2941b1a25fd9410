import type { EntityManager } from 'typeorm';

export interface Contact {
  email: string | null;
  phone: string | null;
}

/**
 * Where a user can be reached outside the platform. Bidders give a contact email and mobile number
 * when they register (qualification's `bidder` table, read only); staff accounts carry none, so their
 * messages stay in the inbox.
 */
export async function contactOf(em: EntityManager, userId: string): Promise<Contact> {
  const [row] = (await em.query(`SELECT contact_email, contact_phone FROM bidder WHERE user_id = $1`, [userId])) as Array<{ contact_email: string | null; contact_phone: string | null }>;
  return { email: row?.contact_email ?? null, phone: row?.contact_phone ?? null };
}
