import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DocumentStorage } from './document-storage';

// Keys are ours (generated), but are still checked: nothing may escape the folder.
const KEY_PATTERN = /^[a-z0-9][a-z0-9/-]{0,198}$/;

/**
 * Documents as files in a local folder (DOCUMENTS_DIR), outside any path the API serves.
 * Writes go to a temporary name first and are renamed into place, never overwriting.
 */
export class LocalDocumentStorage implements DocumentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // `wx`: fails if the key exists, so one document never overwrites another.
    await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes('..') || key.includes('//'))
      throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key ${key} escapes the folder`);
    return path;
  }
}
