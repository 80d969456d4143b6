/**
 * Language-server latency on a generated 1,000-line document: didChange →
 * publishDiagnostics (debounce off) and completion, p50/p95 over a few
 * hundred edits, against the real server over stdio. The first 50 edits after
 * opening (V8 still compiling the front end) are reported on their own.
 *
 *   npx tsx bench/lsp.ts [edits=300]
 */
import { performance } from 'node:perf_hooks';
import { nextDiagnostics, penguinsUri, startServer } from '../test/lsp/client.ts';

const FEATURES = 480;
const MODELS = 480;

/** ~1,000 lines: a data source, a problem, 480 features and 480 model candidates. */
function generate(): string {
  const columns = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
  const lines = ['pipeline bench', '', 'data penguins = csv("penguins.csv")', '', 'problem classification {', '  target = species', '}', '', 'features {'];
  for (let i = 0; i < FEATURES; i++) lines.push(`  f${i} = standardize(${columns[i % 4]}) // feature ${i}`);
  lines.push('}', '', 'models {');
  for (let i = 0; i < MODELS; i++) lines.push(`  m${i} = knn(k: ${1 + (i % 9)}) using f${i}`);
  lines.push('}', '', 'search grid', 'report accuracy');
  return lines.join('\n') + '\n';
}

const quantile = (xs: number[], q: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

const featureLine = 9; // the first feature's line
const modelLine = featureLine + FEATURES + 3; // the first model's line

/**
 * Edit i types a character after a name and edit i + 1 deletes it again,
 * alternating between a feature (`f12` → `f12x`) and a model's `using` list
 * (`using f12` → `using f12x`); either way one model names an unknown feature.
 */
function edit(i: number) {
  const k = ((i >> 2) * 37) % FEATURES;
  const inModels = (i >> 1) % 2 === 1;
  const line = inModels ? modelLine + k : featureLine + k;
  const at = { line, character: inModels ? `  m${k} = knn(k: ${1 + (k % 9)}) using f${k}`.length : `  f${k}`.length };
  const change = i % 2 === 0
    ? { range: { start: at, end: at }, text: 'x' }
    : { range: { start: at, end: { line, character: at.character + 1 } }, text: '' };
  return { change, unknownFeatures: i % 2 === 0 ? 1 : 0 };
}

async function main(): Promise<void> {
  const edits = Number(process.argv[2] ?? 300);
  const warmup = 50;
  const text = generate();
  const uri = penguinsUri('lsp-bench.mlp');
  const { connection, exited } = await startServer({ diagnosticsDelayMs: 0 });
  const opened = nextDiagnostics(connection, uri);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version: 1, text } });
  await opened;
  const diagnostics: number[] = [], completion: number[] = [];
  for (let i = 0; i < warmup + edits; i++) {
    const { change, unknownFeatures } = edit(i);
    const published = nextDiagnostics(connection, uri);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
    const { diagnostics: got } = await published;
    diagnostics.push(performance.now() - t0);
    if (got.filter((d) => d.code === 'MLP2002').length !== unknownFeatures) throw new Error(`edit ${i}: unexpected diagnostics ${JSON.stringify(got)}`);
    const t1 = performance.now();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: modelLine + (i % MODELS), character: 10 } });
    completion.push(performance.now() - t1);
  }
  console.log(`document: ${text.split('\n').length} lines; ${warmup} edits after opening, then ${edits} more`);
  console.log(`didChange → publishDiagnostics, first ${warmup} edits (cold JIT): ${fmt(diagnostics.slice(0, warmup))}`);
  console.log(`didChange → publishDiagnostics, next ${edits}: ${fmt(diagnostics.slice(warmup))}`);
  console.log(`didChange → publishDiagnostics, all ${warmup + edits}: ${fmt(diagnostics)}`);
  console.log(`completion, next ${edits} (after each edit's analysis): ${fmt(completion.slice(warmup))}`);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
}

await main();
