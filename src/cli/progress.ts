/** Live progress on a terminal (a redrawn bar with ETA and best so far), plain lines otherwise. */
import type { Progress } from '../interpret/search.ts';
import type { CliIO } from './io.ts';

export function progressPrinter(io: CliIO): { update: (p: Progress) => void; finish: () => void } {
  const start = Date.now();
  let lastLine = 0;
  let lastPercent = -1;
  const line = (p: Progress) => {
    const elapsed = (Date.now() - start) / 1000;
    const eta = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : 0;
    const best = p.best ? ` best ${p.best.metric} ${p.best.result.mean.toFixed(4)} (${p.best.result.candidate.model.name})` : '';
    return `fits ${p.done}/${p.total}  ${elapsed.toFixed(1)}s elapsed, ETA ${eta.toFixed(1)}s${best}`;
  };
  return {
    update(p) {
      if (io.isTTY) {
        const width = 24, filled = Math.round((p.done / Math.max(1, p.total)) * width);
        const now = Date.now();
        if (now - lastLine < 80 && p.done < p.total) return;
        lastLine = now;
        io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line(p)}`);
      } else {
        const percent = Math.floor((p.done / Math.max(1, p.total)) * 10);
        if (percent !== lastPercent) { lastPercent = percent; io.stderr(line(p) + '\n'); }
      }
    },
    finish() {
      if (io.isTTY) io.stderr('\r\x1b[K');
    },
  };
}
