import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const STAFF_ROLES = ['sales', 'reviewer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff. Deactivated members cannot log in and their sessions are revoked. */
@Entity({ name: 'staff_members' })
@Index('staff_members_email_key', ['email'], { unique: true })
@Check('staff_members_email_check', `"email" = lower("email")`)
@Check('staff_members_role_check', `"role" IN ('sales', 'reviewer', 'admin')`)
@Check('staff_members_failed_logins_check', `"failed_logins" >= 0`)
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'staff_members_pkey' })
  id!: string;

  @Column({ name: 'email', type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'role', type: 'varchar', length: 16 })
  role!: StaffRole;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** When an order was last assigned to this member by round-robin (the least recent goes next). */
  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
