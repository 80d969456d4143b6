/** Hundreds of random edits to the running server: every request is answered and the process stays up. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { penguinsUri, root, startServer } from './client.ts';

const example = fs.readFileSync(path.join(root, 'examples/penguins/penguins.mlp'), 'utf8');
const snippets = ['{', '}', '(', ')', '"', '`', ' |> ', 'knn(k: ', 'using ', '\n', 'models {\n', '= ', ',', '..', '/// doc\n', '/* open comment', 'drop rows where ', '12%', 'é∑', '\r\n', '\0'];

/** mulberry32: a small seeded generator so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness', () => {
  it('survives random edits, each followed by a request', async () => {
    const { connection, child, exited } = await startServer();
    const uri = penguinsUri('lsp-robustness.mlp');
    const rand = random(20240601);
    const int = (n: number) => Math.floor(rand() * n);
    const pos = () => ({ line: int(45) - 2 < 0 ? 0 : int(45), character: int(60) });
    const errors: string[] = [];
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => { if (m.type === 1) errors.push(m.message); });
    let version = 1;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version, text: example } });
    const requests = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/semanticTokens/full', 'textDocument/diagnostic', 'textDocument/rename', 'textDocument/prepareRename'];
    let answered = 0;
    for (let i = 0; i < 300; i++) {
      const roll = rand();
      let change: object;
      if (roll < 0.05) change = { text: '' };
      else if (roll < 0.1) change = { text: example };
      else if (roll < 0.15) change = { text: snippets.join('').slice(int(40)) };
      else if (roll < 0.6) { const p = pos(); change = { range: { start: p, end: p }, text: snippets[int(snippets.length)] }; }
      else { const a = pos(), b = { line: a.line + int(3), character: int(80) }; change = { range: { start: a, end: b }, text: '' }; }
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      const method = requests[int(requests.length)];
      const p = pos();
      const params = { textDocument: { uri }, position: p, range: { start: p, end: { line: p.line + 1, character: 0 } }, context: { includeDeclaration: true, diagnostics: [] }, newName: 'renamed', options: { tabSize: 2, insertSpaces: true } };
      await connection.sendRequest(method, params);
      answered++;
    }
    expect(answered).toBe(300);
    // handlers are wrapped, so a throw would still be answered: none should have thrown
    expect(errors).toEqual([]);
    expect(child.exitCode).toBeNull();
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
  }, 120_000);
});
