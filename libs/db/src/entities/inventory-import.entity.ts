import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One run of the bulk importer, with its progress, so a long import can be watched and audited. */
@Entity({ name: 'inventory_imports' })
@Check('inventory_imports_status_check', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
export class InventoryImportEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'inventory_imports_pkey' })
  id!: string;

  /** What was imported: a file name or a generator description. */
  @Column({ name: 'source', type: 'text' })
  source!: string;

  /** Who started it (a staff account or `cli:<user>`). */
  @Column({ name: 'started_by', type: 'varchar', length: 100 })
  startedBy!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'running' })
  status!: ImportStatus;

  /**
   * A file uploaded through the API: where document storage keeps it until the import job
   * has read it, and its size, against which `bytes_read` gives the progress and the ETA.
   */
  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ name: 'bytes_total', type: 'bigint', nullable: true })
  bytesTotal!: string | null;

  @Column({ name: 'bytes_read', type: 'bigint', default: 0 })
  bytesRead!: string;

  @Column({ name: 'lines_read', type: 'integer', default: 0 })
  linesRead!: number;

  @Column({ name: 'added', type: 'integer', default: 0 })
  added!: number;

  @Column({ name: 'skipped', type: 'integer', default: 0 })
  skipped!: number;

  @Column({ name: 'rejected', type: 'integer', default: 0 })
  rejected!: number;

  /** The first rejected lines: `{ line, input, reason }`. */
  @Column({ name: 'rejections', type: 'jsonb', default: () => "'[]'" })
  rejections!: unknown;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
