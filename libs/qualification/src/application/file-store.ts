import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sha256: string;
  sizeBytes: number;
}

/** Where uploaded documents live. The platform records each file's SHA-256 next to its metadata. */
export abstract class FileStore {
  abstract put(content: Buffer): Promise<StoredFile>;
  abstract get(key: string): Promise<Buffer>;
}

/** Files on local disk, named by a random key; fine for one machine or a shared volume. */
export class LocalDiskFileStore extends FileStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(content: Buffer): Promise<StoredFile> {
    const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const file = path.join(this.root, key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    return { key, sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length };
  }

  async get(key: string): Promise<Buffer> {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return readFile(path.join(this.root, key));
  }
}
