import { Injectable } from '@nestjs/common';

/** Deletes uploads never attached to a dossier version (row and bytes). SKELETON: owned by the documents helper. */
@Injectable()
export class OrphanUploads {
  async purge(_now: Date): Promise<number> {
    return 0;
  }
}
