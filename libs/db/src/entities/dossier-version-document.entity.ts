import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DocumentEntity } from './document.entity';
import { DossierVersionEntity } from './dossier-version.entity';

/** The documents of a dossier version; a new version may reuse documents of the previous one. */
@Entity({ name: 'dossier_version_documents' })
@Index('dossier_version_documents_document_idx', ['documentId'])
export class DossierVersionDocumentEntity {
  @PrimaryColumn({
    name: 'version_id',
    type: 'uuid',
    primaryKeyConstraintName: 'dossier_version_documents_pkey',
  })
  versionId!: string;

  @PrimaryColumn({
    name: 'document_id',
    type: 'uuid',
    primaryKeyConstraintName: 'dossier_version_documents_pkey',
  })
  documentId!: string;

  @ManyToOne(() => DossierVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'dossier_version_documents_version_id_fkey' })
  version?: DossierVersionEntity;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'dossier_version_documents_document_id_fkey' })
  document?: DocumentEntity;

  /** Copied from the document: which slot of the dossier it fills. */
  @Column({ name: 'kind', type: 'varchar', length: 32 })
  kind!: string;
}
