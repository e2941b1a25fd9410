import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

const CONTENT_KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;
/** Keys of files stored before content addressing: month and a random id. */
const LEGACY_KEY = /^\d{4}-\d{2}\/[0-9a-f-]{36}$/;

/**
 * Files on local disk, named by their SHA-256 (fine for one machine or a shared volume): the same
 * content is stored once, however many applications hold it. A file is written under a temporary name
 * and renamed into place, so a reader never sees half of one.
 */
export class LocalDiskFileStore extends FileStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(content: Buffer): Promise<StoredFile> {
    const sha256 = sha256Hex(content);
    const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    const file = path.join(this.root, key);
    const stored = { key, sha256, sizeBytes: content.length };
    if (await exists(file)) return stored;
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, content, { flag: 'wx' });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
    return stored;
  }

  async get(key: string): Promise<Buffer> {
    if (!CONTENT_KEY.test(key) && !LEGACY_KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return readFile(path.join(this.root, key));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
