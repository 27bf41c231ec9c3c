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
import { HOLDING_ORDER_STATUSES, LIVE_ORDER_STATUSES, ORDER_STATUSES, type OrderStatus } from '@haoma/domain';
import { CustomerEntity } from './customer.entity';
import { NumberEntity } from './number.entity';
import { StaffMemberEntity } from './staff-member.entity';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One line of the price an order was quoted, with the catalog version it came from. */
export interface OrderPriceLine {
  kind: 'selection_fee' | 'plan' | 'feature';
  code: string;
  version: number | null;
  name: string;
  nameZh: string;
  amountFen: number;
}

/**
 * An order for one number. Only the order-transition service changes `status`. The partial
 * unique index on `number` is the database's promise that a number belongs to at most one
 * live order (held, locked or active), whatever the application does.
 */
@Entity({ name: 'orders' })
@Index('orders_live_number_key', ['number'], {
  unique: true,
  where: `"status" IN (${sqlList(LIVE_ORDER_STATUSES)})`,
})
@Index('orders_customer_idx', ['customerId', 'createdAt'])
@Index('orders_hold_until_idx', ['holdUntil'], { where: `"status" IN (${sqlList(HOLDING_ORDER_STATUSES)})` })
@Index('orders_documents_due_idx', ['documentsDueAt'], { where: `"status" = 'awaiting_documents'` })
@Index('orders_status_idx', ['status', 'statusChangedAt'])
@Index('orders_assignee_idx', ['assigneeId', 'status'], { where: `"assignee_id" IS NOT NULL` })
@Index('orders_paid_idx', ['paidAt'], { where: `"paid_at" IS NOT NULL` })
@Index('orders_order_no_key', ['orderNo'], { unique: true })
@Check('orders_status_check', `"status" IN (${sqlList(ORDER_STATUSES)})`)
@Check(
  'orders_hold_check',
  `"status" NOT IN (${sqlList(HOLDING_ORDER_STATUSES)}) OR "hold_until" IS NOT NULL`,
)
@Check('orders_money_check', `"selection_fee_fen" >= 0 AND ("total_fen" IS NULL OR "total_fen" >= 0)`)
@Check('orders_hold_extensions_check', `"hold_extensions" >= 0`)
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'orders_pkey' })
  id!: string;

  /** Human order number shown to customers and staff. */
  @Column({ name: 'order_no', type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  orderNo!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'orders_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'number', type: 'varchar', length: 10, collation: 'C' })
  number!: string;

  @ManyToOne(() => NumberEntity)
  @JoinColumn({ name: 'number', foreignKeyConstraintName: 'orders_number_fkey' })
  numberRow?: NumberEntity;

  @Column({ name: 'status', type: 'varchar', length: 24 })
  status!: OrderStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  /** The number's grade and selection fee when it was held: the order keeps them. */
  @Column({ name: 'grade', type: 'varchar', length: 16 })
  grade!: string;

  @Column({ name: 'selection_fee_fen', type: 'integer' })
  selectionFeeFen!: number;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'feature_ids', type: 'uuid', array: true, default: () => "'{}'" })
  featureIds!: string[];

  /** The quoted price, line by line, with the catalog versions it was priced from. */
  @Column({ name: 'price_lines', type: 'jsonb', default: () => "'[]'" })
  priceLines!: OrderPriceLine[];

  @Column({ name: 'total_fen', type: 'integer', nullable: true })
  totalFen!: number | null;

  @Column({ name: 'priced_at', type: 'timestamptz', nullable: true })
  pricedAt!: Date | null;

  /** When the hold runs out (while selecting or awaiting payment); kept afterwards as history. */
  @Column({ name: 'hold_until', type: 'timestamptz', nullable: true })
  holdUntil!: Date | null;

  @Column({ name: 'hold_extensions', type: 'integer', default: 0 })
  holdExtensions!: number;

  @Column({ name: 'documents_due_at', type: 'timestamptz', nullable: true })
  documentsDueAt!: Date | null;

  /** The sales staff member who follows the order (round-robin when paid, or by hand). */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => StaffMemberEntity)
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'orders_assignee_id_fkey' })
  assignee?: StaffMemberEntity;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  /** When payment was confirmed (Stripe, the sandbox or a recorded bank transfer). */
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  /** Why the order ended (expired, cancelled), for the customer and staff. */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
