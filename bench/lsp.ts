/**
 * Language-server latency on a generated 1,000-line document: didChange →
 * publishDiagnostics (debounce off) and completion, p50/p95 over a few
 * hundred edits, against the real server over stdio.
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

async function main(): Promise<void> {
  const edits = Number(process.argv[2] ?? 300);
  const text = generate();
  const uri = penguinsUri('lsp-bench.mlp');
  const { connection, exited } = await startServer({ diagnosticsDelayMs: 0 });
  const opened = nextDiagnostics(connection, uri);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version: 1, text } });
  await opened;
  const diagnostics: number[] = [], completion: number[] = [];
  const featureLine = 9; // first feature line
  for (let i = 0; i < edits; i++) {
    const line = featureLine + (i * 37) % FEATURES;
    // toggle a character inside a comment-free part of the line: f12 → f12x and back
    const insert = i % 2 === 0;
    const col = `  f${(line - featureLine)}`.length;
    const change = insert
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }
      : { range: { start: { line: featureLine + ((i - 1) * 37) % FEATURES, character: col - 0 }, end: { line: featureLine + ((i - 1) * 37) % FEATURES, character: col + 1 } }, text: '' };
    const published = nextDiagnostics(connection, uri);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
    await published;
    diagnostics.push(performance.now() - t0);
    const t1 = performance.now();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 9 + FEATURES + 3 + (i % MODELS), character: 10 } });
    completion.push(performance.now() - t1);
  }
  console.log(`document: ${text.split('\n').length} lines, ${edits} edits`);
  console.log(`didChange → publishDiagnostics: ${fmt(diagnostics)}`);
  console.log(`completion (after the edit's analysis): ${fmt(completion)}`);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
}

await main();
