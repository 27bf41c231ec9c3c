import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A business that buys numbers. Email is stored lower-cased and is the login. */
@Entity({ name: 'customers' })
@Index('customers_email_key', ['email'], { unique: true })
@Check('customers_email_check', `"email" = lower("email")`)
@Check('customers_failed_logins_check', `"failed_logins" >= 0`)
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'customers_pkey' })
  id!: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName!: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 100 })
  contactName!: string;

  @Column({ name: 'email', type: 'varchar', length: 254 })
  email!: string;

  /** Mainland mobile number, 11 digits. */
  @Column({ name: 'mobile', type: 'varchar', length: 11 })
  mobile!: string;

  /** scrypt hash in PHC-like form (`scrypt$N$r$p$salt$hash`). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** Consecutive failed logins since the last success; drives the lock-out back-off. */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
