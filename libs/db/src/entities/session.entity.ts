import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ACCOUNT_KINDS = ['customer', 'staff'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * A login: the access tokens it issues name it, and the guard rejects them once it is
 * revoked (logout, refresh-token reuse, staff deactivation) or past its absolute expiry.
 */
@Entity({ name: 'sessions' })
@Index('sessions_account_idx', ['accountKind', 'accountId'], { where: `"revoked_at" IS NULL` })
@Check('sessions_account_kind_check', `"account_kind" IN ('customer', 'staff')`)
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'sessions_pkey' })
  id!: string;

  @Column({ name: 'account_kind', type: 'varchar', length: 16 })
  accountKind!: AccountKind;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'ip', type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Absolute end of the session, however often it is refreshed. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 64, nullable: true })
  revokedReason!: string | null;
}
