import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrderEntity } from './order.entity';

export const PAYMENT_PROVIDERS = ['stripe', 'sandbox', 'bank_transfer'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

export const PAYMENT_STATUSES = ['open', 'paid', 'failed', 'expired', 'superseded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * One attempt to pay an order: a checkout session at a provider (or a bank transfer staff
 * recorded). `paid` is reached once; the partial unique index makes a second paid payment
 * for one order impossible, and `applied_at` records when it moved the order on.
 */
@Entity({ name: 'payments' })
@Index('payments_provider_session_key', ['provider', 'providerSessionId'], { unique: true })
@Index('payments_paid_order_key', ['orderId'], { unique: true, where: `"status" = 'paid'` })
@Index('payments_open_order_key', ['orderId'], { unique: true, where: `"status" = 'open'` })
@Index('payments_order_idx', ['orderId', 'createdAt'])
@Check('payments_provider_check', `"provider" IN ('stripe', 'sandbox', 'bank_transfer')`)
@Check('payments_status_check', `"status" IN ('open', 'paid', 'failed', 'expired', 'superseded')`)
@Check('payments_amount_check', `"amount_fen" > 0 AND "refunded_fen" >= 0 AND "refunded_fen" <= "amount_fen"`)
@Check('payments_paid_check', `("status" = 'paid') = ("paid_at" IS NOT NULL)`)
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'payments_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity)
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'payments_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'provider', type: 'varchar', length: 16 })
  provider!: PaymentProvider;

  /** The provider's checkout session id (`cs_…`), or the bank transfer's reference. */
  @Column({ name: 'provider_session_id', type: 'varchar', length: 255 })
  providerSessionId!: string;

  /** The provider's payment (PaymentIntent `pi_…`) once known; refunds go against it. */
  @Column({ name: 'provider_payment_id', type: 'varchar', length: 255, nullable: true })
  providerPaymentId!: string | null;

  /** Where the customer pays (the provider's hosted page). */
  @Column({ name: 'checkout_url', type: 'text', nullable: true })
  checkoutUrl!: string | null;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  @Column({ name: 'currency', type: 'char', length: 3, default: 'CNY' })
  currency!: string;

  /** The order's price lines this payment charges, as sent to the provider. */
  @Column({ name: 'lines', type: 'jsonb', default: () => "'[]'" })
  lines!: unknown[];

  /** Idempotency key sent to the provider: derived from the order and the amount. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'open' })
  status!: PaymentStatus;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  /** When the payment moved its order on (or was found unable to: see `outcome`). */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  /** What applying it did: `locked`, `reclaimed`, `refunded_number_taken`, … */
  @Column({ name: 'outcome', type: 'varchar', length: 40, nullable: true })
  outcome!: string | null;

  @Column({ name: 'refunded_fen', type: 'integer', default: 0 })
  refundedFen!: number;

  /** `customer:<id>` or `staff:<id>` (bank transfers). */
  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
