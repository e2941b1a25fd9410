import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError, pageWindow, type Page, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { isRole, Role } from '../domain/role';
import { UserEntity } from '../persistence/user.entity';
import { PasswordHasher, passwordProblem } from './password-hasher';
import { SessionRevocations } from './session-revocations';
import { endSessions } from './sessions';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  createdAt: Date;
}

export function toUserView(user: UserEntity): UserView {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, active: user.active, createdAt: user.createdAt };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
  ) {}

  async create(input: NewUser, reason?: string): Promise<UserView> {
    const problem = passwordProblem(input.password);
    if (problem) throw new DomainError('WEAK_PASSWORD', problem, 'password');
    const roles = this.checkRoles(input.roles);
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run((em) => this.insert(em, { username: input.username, displayName: input.displayName, roles, passwordHash }, reason));
  }

  /** Creates an account inside the caller's transaction (e.g. a bidder's self-registration). */
  async createIn(em: EntityManager, input: NewUser, reason?: string): Promise<UserView> {
    const problem = passwordProblem(input.password);
    if (problem) throw new DomainError('WEAK_PASSWORD', problem, 'password');
    const roles = this.checkRoles(input.roles);
    const passwordHash = await this.hasher.hash(input.password);
    return this.insert(em, { username: input.username, displayName: input.displayName, roles, passwordHash }, reason, 'system');
  }

  private async insert(
    em: EntityManager,
    input: Omit<NewUser, 'password'> & { passwordHash: string },
    reason?: string,
    actor?: 'system',
  ): Promise<UserView> {
    const username = input.username.trim().toLowerCase();
    if (await em.existsBy(UserEntity, { username })) {
      throw new DomainError('USERNAME_TAKEN', `username "${username}" is already taken`, 'username');
    }
    const user = await em.save(em.create(UserEntity, { ...input, username, active: true }));
    await this.audit.record(em, { action: 'user.create', entityType: 'user', entityId: user.id, after: toUserView(user), reason, actor });
    return toUserView(user);
  }

  async list(query: PageQueryDto): Promise<Page<UserView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.users.findAndCount({ order: { username: 'ASC' }, skip, take: pageSize });
    return { items: rows.map(toUserView), total, page, pageSize };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainError('USER_NOT_FOUND', `user ${id} does not exist`, 'id');
    return toUserView(user);
  }

  /**
   * Changes name, roles or the active flag. Disabling ends every session of the account in the same
   * transaction (its access tokens stop working) and then closes its sockets on every instance.
   */
  async update(id: string, change: { displayName?: string; roles?: string[]; active?: boolean }, reason: string, actorId: string): Promise<UserView> {
    const roles = change.roles ? this.checkRoles(change.roles) : undefined;
    const view = await this.tx.run(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('USER_NOT_FOUND', `user ${id} does not exist`, 'id');
      if (user.id === actorId && (change.active === false || (roles && !roles.includes(Role.Admin)))) {
        throw new DomainError('SELF_LOCKOUT', 'an administrator cannot disable or demote their own account', change.active === false ? 'active' : 'roles');
      }
      const before = toUserView(user);
      if (change.displayName !== undefined) user.displayName = change.displayName;
      if (roles) user.roles = roles;
      if (change.active !== undefined) user.active = change.active;
      const saved = await em.save(user);
      await this.audit.record(em, { action: 'user.update', entityType: 'user', entityId: id, before, after: toUserView(saved), reason });
      if (change.active === false) {
        const ended = await endSessions(em, { userId: id }, 'account_disabled');
        if (ended.length > 0) {
          await this.audit.record(em, { action: 'auth.sessions.end', entityType: 'user', entityId: id, after: { reason: 'account_disabled', sessionsEnded: ended.length }, reason });
        }
      }
      return toUserView(saved);
    });
    if (change.active === false) await this.revocations.publish({ kind: 'user', userId: id });
    return view;
  }

  /**
   * The first administrator comes from ADMIN_USERNAME/ADMIN_PASSWORD or the `npm run admin:create`
   * command, never from a password in the code. Does nothing if that username exists.
   */
  async ensureAdmin(username: string, password: string): Promise<UserView | undefined> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('WEAK_PASSWORD', problem.replace('password', 'ADMIN_PASSWORD'), 'ADMIN_PASSWORD');
    if (await this.users.existsBy({ username: username.toLowerCase() })) return undefined;
    const passwordHash = await this.hasher.hash(password);
    return this.tx.run((em) =>
      this.insert(em, { username, displayName: 'Administrator', roles: [Role.Admin], passwordHash }, 'first administrator from configuration', 'system'),
    );
  }

  /**
   * Demo accounts, one per role, with random passwords returned once for the console. Only on an
   * empty user table, so a real deployment (DEMO=off, or any existing account) never gets them.
   */
  async seedDemoUsers(): Promise<Array<{ username: string; password: string; roles: string[] }> | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const accounts = [
      { username: 'admin', displayName: '系统管理员', roles: [Role.Admin] },
      { username: 'reserve', displayName: '储备中心 王科长', roles: [Role.ReserveOfficer] },
      { username: 'trading', displayName: '交易中心 李主任', roles: [Role.TradingOfficer] },
      { username: 'pricing1', displayName: '底价委员 张委员', roles: [Role.PricingCommittee] },
      { username: 'pricing2', displayName: '底价委员 陈委员', roles: [Role.PricingCommittee] },
      { username: 'pricing3', displayName: '底价委员 孙委员', roles: [Role.PricingCommittee] },
      { username: 'supervisor', displayName: '监察室 赵监察', roles: [Role.Supervisor] },
      { username: 'finance', displayName: '财务科 刘会计', roles: [Role.FinanceOfficer] },
      { username: 'bidder1', displayName: '寿光市某置业有限公司', roles: [Role.Bidder] },
    ];
    const withPasswords = await Promise.all(
      accounts.map(async (a) => {
        const password = `Demo-${randomBytes(9).toString('base64url')}`;
        return { ...a, password, passwordHash: await this.hasher.hash(password) };
      }),
    );
    return this.tx.run(async (em) => {
      if ((await em.count(UserEntity)) > 0) return undefined;
      for (const a of withPasswords) {
        await this.insert(em, { username: a.username, displayName: a.displayName, roles: a.roles, passwordHash: a.passwordHash }, 'demo seed', 'system');
      }
      return withPasswords.map(({ username, password, roles }) => ({ username, password, roles }));
    });
  }

  private checkRoles(roles: string[]): Role[] {
    if (roles.length === 0) throw new DomainError('VALIDATION_FAILED', 'roles must name at least one role', 'roles');
    const bad = roles.find((r) => !isRole(r));
    if (bad !== undefined) throw new DomainError('UNKNOWN_ROLE', `roles contains an unknown role "${bad}"`, 'roles');
    return [...new Set(roles)] as Role[];
  }
}
