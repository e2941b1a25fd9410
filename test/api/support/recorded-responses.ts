import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RecordedResponse {
  method: string;
  /** The request path without its query string. */
  path: string;
  status: number;
  contentType: string;
  body: Buffer;
}

/** Records every HTTP response the server sends from now on (method, path, status, content type, body bytes). */
export function recordResponses(server: Server): RecordedResponse[] {
  const records: RecordedResponse[] = [];
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const take = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      take(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      take(chunk, rest[0]);
      records.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status: res.statusCode, contentType: String(res.getHeader('content-type') ?? ''), body: Buffer.concat(chunks) });
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
  });
  return records;
}
