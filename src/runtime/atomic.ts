/** Atomic file writes: write a temporary file beside the target, then rename it into place. */
import fs from 'node:fs';
import path from 'node:path';

const pending = new Set<string>();

/** Writes `content` to `file` so that readers see the old file or the whole new one, never a part. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  pending.add(tmp);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    fs.rmSync(tmp, { force: true });
  }
}

/** Removes temporary files of interrupted writes (called on Ctrl-C). */
export function removePendingWrites(): void {
  for (const tmp of pending) fs.rmSync(tmp, { force: true });
  pending.clear();
}
