import { AuditService } from '@app/audit';
import { Role } from '@app/auth';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  let adminToken: string;
  let supervisorToken: string;
  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.tokenFor([Role.Admin], 'audit.admin');
    supervisorToken = await t.tokenFor([Role.Supervisor], 'audit.supervisor');
  });
  afterAll(() => t.close());

  const countEvents = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n);

  it('records who changed what, before → after, why, and under which request id', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .set('x-request-id', 'req-create-wang')
      .send({ username: 'wang.reserve', displayName: '王科长', password: TEST_PASSWORD, roles: [Role.ReserveOfficer], reason: '新入职' })
      .expect(201);
    await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ roles: [Role.ReserveOfficer, Role.PricingCommittee], reason: '任命为底价委员' })
      .expect(200);

    const res = await t.http().get('/api/audit').query({ entityType: 'user', entityId: created.body.id }).set('authorization', `Bearer ${supervisorToken}`).expect(200);
    expect(res.body.total).toBe(2);
    const [update, create] = res.body.items;
    expect(create).toMatchObject({ action: 'user.create', actorName: 'audit.admin', actorRoles: [Role.Admin], reason: '新入职', requestId: 'req-create-wang', before: null });
    expect(create.after).toMatchObject({ username: 'wang.reserve', roles: [Role.ReserveOfficer] });
    expect(JSON.stringify(create)).not.toContain('argon2');
    expect(update).toMatchObject({ action: 'user.update', reason: '任命为底价委员' });
    expect(update.before.roles).toEqual([Role.ReserveOfficer]);
    expect(update.after.roles).toEqual([Role.ReserveOfficer, Role.PricingCommittee]);
  });

  it('lets supervisors filter by actor and by time', async () => {
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${adminToken}`).expect(200);
    const byActor = await t.http().get('/api/audit').query({ actorId: me.body.id }).set('authorization', `Bearer ${supervisorToken}`).expect(200);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === me.body.id)).toBe(true);
    const future = await t.http().get('/api/audit').query({ from: '2999-01-01T00:00:00Z' }).set('authorization', `Bearer ${supervisorToken}`).expect(200);
    expect(future.body.total).toBe(0);
    const bad = await t.http().get('/api/audit').query({ from: 'yesterday' }).set('authorization', `Bearer ${supervisorToken}`).expect(400);
    expect(bad.body.field).toBe('from');
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on the trail', async () => {
    expect(await countEvents()).toBeGreaterThan(0);
    await expect(t.dataSource.query(`UPDATE audit_event SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const rewritten: unknown[] = await t.dataSource.query(`SELECT 1 FROM audit_event WHERE reason = 'rewritten'`);
    expect(rewritten).toHaveLength(0);
  });

  it('lists the trail newest first, and pages through it without overlap or gap when records share a transaction time', async () => {
    const audit = t.app.get(AuditService);
    const tx = t.app.get(TransactionRunner);
    // Two records in one transaction share its time; then three more transactions, one record each.
    await tx.run(async (em) => {
      await audit.record(em, { action: 'paging.step', entityType: 'paging-test', entityId: '1' });
      await audit.record(em, { action: 'paging.step', entityType: 'paging-test', entityId: '2' });
    });
    for (const n of ['3', '4', '5']) await tx.run((em) => audit.record(em, { action: 'paging.step', entityType: 'paging-test', entityId: n }));
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await t.http().get('/api/audit').query({ entityType: 'paging-test', page, pageSize: 2 }).set('authorization', `Bearer ${supervisorToken}`).expect(200);
      expect(res.body.total).toBe(5);
      seen.push(...res.body.items.map((e: { entityId: string }) => e.entityId));
    }
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
  });

  it('writes the record in the same transaction as the change: a rolled-back change leaves no record', async () => {
    const before = await countEvents();
    const audit = t.app.get(AuditService);
    const tx = t.app.get(TransactionRunner);
    await expect(
      RequestContext.run({ requestId: 'rollback-test' }, () =>
        tx.run(async (em) => {
          await audit.record(em, { action: 'test.change', entityType: 'test', entityId: '1', after: { x: 1 } });
          throw new Error('the change failed after its audit record was written');
        }),
      ),
    ).rejects.toThrow('the change failed');
    expect(await countEvents()).toBe(before);
  });

  it('a failed request leaves neither the change nor a record', async () => {
    const before = await countEvents();
    await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username: 'wang.reserve', displayName: 'duplicate', password: TEST_PASSWORD, roles: [Role.Bidder] })
      .expect(409);
    expect(await countEvents()).toBe(before);
  });
});
