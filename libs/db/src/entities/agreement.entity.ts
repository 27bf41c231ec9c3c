import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AGREEMENT_KINDS = ['service', 'supplement_400'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/**
 * A version of an agreement text. Versions are never edited: a new text is a new row, and a
 * signature points at the row (and copies its sha256) so what was signed never changes.
 */
@Entity({ name: 'agreements' })
@Index('agreements_kind_version_key', ['kind', 'version'], { unique: true })
@Index('agreements_current_kind_key', ['kind'], { unique: true, where: `"retired_at" IS NULL` })
@Check('agreements_kind_check', `"kind" IN ('service', 'supplement_400')`)
@Check('agreements_version_check', `"version" > 0`)
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'agreements_pkey' })
  id!: string;

  @Column({ name: 'kind', type: 'varchar', length: 32 })
  kind!: AgreementKind;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'title', type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  /** sha256 of the body (UTF-8), hex. */
  @Column({ name: 'sha256', type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
