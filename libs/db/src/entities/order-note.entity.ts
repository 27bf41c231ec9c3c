import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrderEntity } from './order.entity';
import { StaffMemberEntity } from './staff-member.entity';

/** A staff note on an order, append-only; `mentions` are the staff members it notifies. */
@Entity({ name: 'order_notes' })
@Index('order_notes_order_idx', ['orderId', 'id'])
export class OrderNoteEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'order_notes_pkey',
  })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity)
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_notes_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => StaffMemberEntity)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'order_notes_author_id_fkey' })
  author?: StaffMemberEntity;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'mentions', type: 'uuid', array: true, default: () => "'{}'" })
  mentions!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
