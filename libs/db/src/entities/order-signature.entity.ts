import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementEntity } from './agreement.entity';
import { OrderEntity } from './order.entity';

/** Who signed which agreement version for an order, when, and from where. */
@Entity({ name: 'order_signatures' })
@Index('order_signatures_order_agreement_key', ['orderId', 'agreementId'], { unique: true })
export class OrderSignatureEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'order_signatures_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_signatures_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @ManyToOne(() => AgreementEntity)
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'order_signatures_agreement_id_fkey' })
  agreement?: AgreementEntity;

  /** Copied from the agreement at signing, so the record stands on its own. */
  @Column({ name: 'agreement_kind', type: 'varchar', length: 32 })
  agreementKind!: string;

  @Column({ name: 'agreement_version', type: 'integer' })
  agreementVersion!: number;

  @Column({ name: 'agreement_sha256', type: 'char', length: 64 })
  agreementSha256!: string;

  @Column({ name: 'signer_name', type: 'varchar', length: 100 })
  signerName!: string;

  @Column({ name: 'signer_title', type: 'varchar', length: 100 })
  signerTitle!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  @Column({ name: 'ip', type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
