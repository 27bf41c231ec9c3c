import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { DOCUMENT_STORAGE, purgeOrphanUploads, type DocumentStorage } from '@haoma/documents';

/**
 * Deletes uploads never attached to a dossier version within UPLOAD_ORPHAN_TTL (row and
 * bytes); called by the deadline sweeper. The work is purgeOrphanUploads in
 * libs/documents, which never deletes a document attached meanwhile.
 */
@Injectable()
export class OrphanUploads {
  private readonly logger = new Logger('OrphanUploads');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Deletes the uploads orphaned as of `now`; returns how many. */
  async purge(now: Date): Promise<number> {
    return purgeOrphanUploads(this.dataSource, this.storage, {
      uploadedBefore: new Date(now.getTime() - this.config.UPLOAD_ORPHAN_TTL),
      onStorageError: (key, error) =>
        this.logger.warn(`bytes of deleted document ${key} not removed: ${String(error)}`),
    });
  }
}
