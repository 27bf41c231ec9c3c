import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a number is in its life; checked by the database (see the CHECK below). */
export const NUMBER_STATUSES = [
  'available',
  'held',
  'locked',
  'assigned',
  'suspended',
  'quarantine',
  'retired',
] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** Statuses in which the number belongs to exactly one order. */
export const HOLDING_STATUSES = [
  'held',
  'locked',
  'assigned',
  'suspended',
] as const satisfies readonly NumberStatus[];

/**
 * One 400 number of the inventory. Status, holder and expiry live on this row, so one row
 * per number and one holder column make it impossible for two orders to hold it at once;
 * the CHECKs keep status, holder and expiry consistent.
 */
@Entity({ name: 'numbers' })
@Check(
  'numbers_status_check',
  `"status" IN ('available', 'held', 'locked', 'assigned', 'suspended', 'quarantine', 'retired')`,
)
// '400' + 7 ASCII digits, without a regex (see migration NumberCheckWithoutRegex: cheaper per row).
@Check(
  'numbers_number_check',
  `"number" LIKE '400_______' AND ltrim("number", '0123456789') = '' AND "block" = left("number", 4)`,
)
@Check(
  'numbers_holder_check',
  `("status" IN ('held', 'locked', 'assigned', 'suspended')) = ("holder_order_id" IS NOT NULL)`,
)
@Check('numbers_hold_expiry_check', `("status" = 'held') = ("held_until" IS NOT NULL)`)
@Check('numbers_fee_check', `"selection_fee_fen" >= 0`)
@Index('numbers_holder_order_id_key', ['holderOrderId'], {
  unique: true,
  where: `"holder_order_id" IS NOT NULL`,
})
@Index('numbers_held_until_idx', ['heldUntil'], { where: `"status" = 'held'` })
export class NumberEntity {
  /** The canonical 10 digits, `400` + 7. C collation so prefix searches use the primary key. */
  @PrimaryColumn({
    primaryKeyConstraintName: 'numbers_pkey',
    name: 'number',
    type: 'varchar',
    length: 10,
    collation: 'C',
  })
  number!: string;

  @Column({ name: 'block', type: 'varchar', length: 4 })
  block!: string;

  @Column({ name: 'carrier', type: 'varchar', length: 16 })
  carrier!: string;

  @Column({ name: 'grade', type: 'varchar', length: 16 })
  grade!: string;

  /** Pattern tags with their position, e.g. `tail:AAAA`, from the pure classifier. */
  @Column({ name: 'tags', type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'explanation', type: 'text' })
  explanation!: string;

  @Column({ name: 'selection_fee_fen', type: 'integer' })
  selectionFeeFen!: number;

  /**
   * When an admin set the selection fee by hand (a price override), with why and who: a
   * re-grade keeps such a fee. NULL: the fee is the grading rules'.
   */
  @Column({ name: 'fee_overridden_at', type: 'timestamptz', nullable: true })
  feeOverriddenAt!: Date | null;

  @Column({ name: 'fee_override_reason', type: 'text', nullable: true })
  feeOverrideReason!: string | null;

  /** Version of the grading rules that graded this number. */
  @Column({ name: 'grading_version', type: 'integer' })
  gradingVersion!: number;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'available' })
  status!: NumberStatus;

  @Column({ name: 'holder_order_id', type: 'uuid', nullable: true })
  holderOrderId!: string | null;

  @Column({ name: 'held_until', type: 'timestamptz', nullable: true })
  heldUntil!: Date | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
