/**
 * Byte sources feeding the CSV scanner: a synchronous one for the sample
 * reader and an asynchronous streaming one for the loader, each for plain
 * and gzip files (by `.gz` suffix or the gzip magic bytes). `read` fills the
 * requested range unless the input ends; it returns 0 at the end.
 * All failures are CsvErrors.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ioError } from './csv-error.ts';

export interface SyncSource {
  read(buf: Buffer, off: number, len: number): number;
  /** bytes read from disk so far (compressed bytes for gzip) */
  readonly bytesRead: number;
  close(): void;
}

export interface AsyncSource {
  read(buf: Buffer, off: number, len: number): Promise<number>;
  /** the uncompressed size: exact for plain files, extrapolated from the compression ratio so far for gzip */
  estimatedSize(): number;
  close(): Promise<void>;
}

function hasGzipMagic(head: Buffer, n: number): boolean {
  return n >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Opens `path` for synchronous chunked reading; gzip is inflated incrementally. */
export function openSync(path: string): SyncSource {
  let fd = -1;
  try {
    fd = fs.openSync(path, 'r');
    const head = Buffer.alloc(2);
    const n = fs.readSync(fd, head, 0, 2, 0);
    if (fs.fstatSync(fd).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (path.endsWith('.gz') || hasGzipMagic(head, n)) return new GzipSyncSource(path, fd);
  } catch (err) {
    if (fd >= 0) fs.closeSync(fd);
    throw ioError(path, err);
  }
  return new PlainSyncSource(path, fd);
}

class PlainSyncSource implements SyncSource {
  bytesRead = 0;
  constructor(private readonly path: string, private readonly fd: number) {}

  read(buf: Buffer, off: number, len: number): number {
    let got = 0;
    try {
      while (got < len) {
        const n = fs.readSync(this.fd, buf, off + got, len - got, this.bytesRead);
        if (n === 0) break;
        got += n;
        this.bytesRead += n;
      }
    } catch (err) {
      throw ioError(this.path, err);
    }
    return got;
  }

  close(): void { fs.closeSync(this.fd); }
}

/**
 * Synchronous gzip reading without inflating the whole file: reads a
 * compressed prefix, inflates it with a sync flush (which tolerates a
 * truncated stream), and doubles the prefix when more output is needed.
 * Total work stays proportional to the bytes actually consumed.
 */
class GzipSyncSource implements SyncSource {
  bytesRead = 0;
  private comp = Buffer.allocUnsafe(16 << 10);
  private out = Buffer.alloc(0);
  private outPos = 0;
  private eof = false;

  constructor(private readonly path: string, private readonly fd: number) {}

  read(buf: Buffer, off: number, len: number): number {
    let got = 0;
    while (got < len) {
      if (this.outPos >= this.out.length) {
        if (this.eof) break;
        this.inflateMore();
        continue;
      }
      const n = this.out.copy(buf, off + got, this.outPos, Math.min(this.out.length, this.outPos + len - got));
      this.outPos += n;
      got += n;
    }
    return got;
  }

  private inflateMore(): void {
    try {
      if (this.bytesRead === this.comp.length) {
        const bigger = Buffer.allocUnsafe(this.comp.length * 2);
        this.comp.copy(bigger, 0, 0, this.bytesRead);
        this.comp = bigger;
      }
      while (this.bytesRead < this.comp.length) {
        const n = fs.readSync(this.fd, this.comp, this.bytesRead, this.comp.length - this.bytesRead, this.bytesRead);
        if (n === 0) { this.eof = true; break; }
        this.bytesRead += n;
      }
      const consumed = this.outPos;
      this.out = zlib.gunzipSync(this.comp.subarray(0, this.bytesRead), {
        finishFlush: this.eof ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      });
      this.outPos = Math.min(consumed, this.out.length);
    } catch (err) {
      throw ioError(this.path, err);
    }
  }

  close(): void { fs.closeSync(this.fd); }
}

/** Opens `path` for asynchronous streaming reading; gzip is inflated as it streams. */
export async function openAsync(path: string): Promise<AsyncSource> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(path, 'r');
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    if (path.endsWith('.gz') || hasGzipMagic(head, bytesRead)) {
      await fh.close();
      return new GzipAsyncSource(path, st.size);
    }
    return new PlainAsyncSource(path, fh, st.size);
  } catch (err) {
    await fh?.close().catch(() => {});
    throw ioError(path, err);
  }
}

class PlainAsyncSource implements AsyncSource {
  private pos = 0;
  constructor(private readonly path: string, private readonly fh: fs.promises.FileHandle, private readonly size: number) {}

  estimatedSize(): number { return this.size; }

  async read(buf: Buffer, off: number, len: number): Promise<number> {
    let got = 0;
    try {
      while (got < len) {
        const { bytesRead } = await this.fh.read(buf, off + got, len - got, this.pos);
        if (bytesRead === 0) break;
        got += bytesRead;
        this.pos += bytesRead;
      }
    } catch (err) {
      throw ioError(this.path, err);
    }
    return got;
  }

  async close(): Promise<void> { await this.fh.close(); }
}

class GzipAsyncSource implements AsyncSource {
  private readonly raw: fs.ReadStream;
  private readonly gunzip: zlib.Gunzip;
  private inflated = 0;
  private readonly chunks: AsyncIterator<Buffer>;
  private chunk: Buffer = Buffer.alloc(0);
  private chunkPos = 0;
  private done = false;

  constructor(private readonly path: string, private readonly compressedSize: number) {
    this.raw = fs.createReadStream(path, { highWaterMark: 1 << 20 });
    this.gunzip = zlib.createGunzip({ chunkSize: 1 << 18 });
    this.raw.on('error', (err) => this.gunzip.destroy(err));
    this.raw.pipe(this.gunzip);
    this.chunks = this.gunzip[Symbol.asyncIterator]();
  }

  estimatedSize(): number {
    const consumed = this.gunzip.bytesWritten;
    return consumed ? (this.compressedSize * this.inflated) / consumed : this.compressedSize;
  }

  async read(buf: Buffer, off: number, len: number): Promise<number> {
    let got = 0;
    try {
      while (got < len) {
        if (this.chunkPos >= this.chunk.length) {
          if (this.done) break;
          const r = await this.chunks.next();
          if (r.done) { this.done = true; break; }
          this.chunk = r.value;
          this.chunkPos = 0;
          this.inflated += r.value.length;
          continue;
        }
        const n = this.chunk.copy(buf, off + got, this.chunkPos, Math.min(this.chunk.length, this.chunkPos + len - got));
        this.chunkPos += n;
        got += n;
      }
    } catch (err) {
      throw ioError(this.path, err);
    }
    return got;
  }

  async close(): Promise<void> {
    this.raw.destroy();
    this.gunzip.destroy();
  }
}
