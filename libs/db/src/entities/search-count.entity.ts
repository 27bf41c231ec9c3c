import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Storefront searches per hour (the top of the sales funnel), flushed by the API in batches. */
@Entity({ name: 'search_counts' })
export class SearchCountEntity {
  @PrimaryColumn({ name: 'hour', type: 'timestamptz', primaryKeyConstraintName: 'search_counts_pkey' })
  hour!: Date;

  @Column({ name: 'searches', type: 'bigint', default: 0 })
  searches!: string;
}
