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
import { PaymentEntity } from './payment.entity';

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A refund of (part of) a payment, with its own life at the provider. */
@Entity({ name: 'refunds' })
@Index('refunds_idempotency_key_key', ['idempotencyKey'], { unique: true })
@Index('refunds_provider_refund_key', ['providerRefundId'], {
  unique: true,
  where: `"provider_refund_id" IS NOT NULL`,
})
@Index('refunds_payment_idx', ['paymentId'])
@Check('refunds_status_check', `"status" IN ('pending', 'succeeded', 'failed', 'cancelled')`)
@Check('refunds_amount_check', `"amount_fen" > 0`)
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'refunds_pkey' })
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity)
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'refunds_payment_id_fkey' })
  payment?: PaymentEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'pending' })
  status!: RefundStatus;

  /** Why: `number_taken`, `cancelled_before_review`, `cancelled_after_review`, `staff`. */
  @Column({ name: 'reason', type: 'varchar', length: 64 })
  reason!: string;

  @Column({ name: 'provider_refund_id', type: 'varchar', length: 255, nullable: true })
  providerRefundId!: string | null;

  /** Sent to the provider, so a retried request never refunds twice. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the provider confirmed the money went back: revenue reports net refunds on this day. */
  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true })
  succeededAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
