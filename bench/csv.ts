/**
 * CSV loading benchmark: loadFrame vs pandas.read_csv on a generated
 * 1,000,000 × 20 numeric CSV (created once in the OS temp directory).
 * Each run is a separate process so peak RSS can be measured.
 *
 *   npx tsx bench/csv.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFrame } from '../src/runtime/data/load.ts';

const ROWS = 1_000_000;
const COLS = 20;
const RUNS = 3;
const FILE = path.join(os.tmpdir(), `mlp-bench-${ROWS}x${COLS}.csv`);
const PYTHON = '/usr/bin/python3';

interface Run { ms: number; rssMB: number; rows: number; checksum: number }

/** Writes the benchmark file: seeded values like -734.1234, 12.5, 907. */
function generate(file: string): void {
  let seed = 42;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  fs.writeSync(fd, Array.from({ length: COLS }, (_, c) => `x${c}`).join(',') + '\n');
  let chunk = '';
  for (let r = 0; r < ROWS; r++) {
    let line = '';
    for (let c = 0; c < COLS; c++) {
      const u = rand();
      const v = c % 5 === 0 ? String(Math.floor(u * 1000)) : ((u - 0.5) * 2000).toFixed(c % 5);
      line += c ? `,${v}` : v;
    }
    chunk += line + '\n';
    if (chunk.length > 1 << 20) { fs.writeSync(fd, chunk); chunk = ''; }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** Child process: load the file once and print time, peak RSS and a checksum. */
async function child(file: string): Promise<void> {
  const schema = Array.from({ length: COLS }, (_, c) => ({ name: `x${c}`, type: 'numeric' as const }));
  const t0 = performance.now();
  const { frame } = await loadFrame(file, schema);
  const ms = performance.now() - t0;
  let checksum = 0;
  for (const col of frame.columns.values()) if (col.kind === 'numeric') for (const v of col.values) checksum += v;
  const run: Run = { ms, rssMB: process.resourceUsage().maxRSS / 1024, rows: frame.rows, checksum };
  process.stdout.write(JSON.stringify(run));
}

const PANDAS = `
import sys, time, json, resource
import pandas as pd
t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": ms, "rssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": len(df), "checksum": float(df.to_numpy().sum())}))
`;

function runOnce(cmd: string, args: string[]): Run {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Run;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(label: string, cmd: string, args: string[]): { label: string; ms: number; rssMB: number; rows: number; checksum: number } {
  const runs = Array.from({ length: RUNS }, () => runOnce(cmd, args));
  return { label, ms: median(runs.map((r) => r.ms)), rssMB: median(runs.map((r) => r.rssMB)), rows: runs[0].rows, checksum: runs[0].checksum };
}

async function main(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  if (process.argv[2] === '--child') return child(process.argv[3]);
  if (!fs.existsSync(FILE)) {
    console.log(`generating ${FILE} ...`);
    generate(FILE);
  }
  const mb = fs.statSync(FILE).size / 1e6;
  const numericMB = (ROWS * COLS * 8) / 1e6;
  console.log(`file ${FILE}: ${mb.toFixed(1)} MB, ${ROWS} rows × ${COLS} numeric columns; numeric data ${numericMB.toFixed(0)} MB`);
  console.log(`median of ${RUNS} runs, each in a fresh process\n`);
  const results = [measure('loadFrame (mlp)', process.execPath, ['--import', 'tsx', self, '--child', FILE])];
  const pandasOk = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
  if (pandasOk) results.push(measure('pandas.read_csv', PYTHON, ['-c', PANDAS, FILE]));
  else console.log(`(${PYTHON} cannot import pandas: skipped)`);
  const pandas = results.find((r) => r.label.startsWith('pandas'));
  console.log('| reader | ms | rows/s | MB/s | peak RSS MB | × pandas time | RSS ÷ numeric data |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const ratio = pandas ? (r.ms / pandas.ms).toFixed(2) : '–';
    console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${(r.rows / (r.ms / 1000)).toExponential(2)} | ${(mb / (r.ms / 1000)).toFixed(0)} | ${r.rssMB.toFixed(0)} | ${ratio} | ${(r.rssMB / numericMB).toFixed(2)} |`);
  }
  for (const r of results) console.log(`${r.label}: rows ${r.rows}, checksum ${r.checksum.toFixed(3)}`);
}

await main();
