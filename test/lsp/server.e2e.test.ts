/** The real server over stdio, as an editor drives it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextDiagnostics, penguinsUri, root, startServer, type Server } from './client.ts';

const uri = penguinsUri();
const BROKEN = `data penguins = csv("penguins.csv")

problem classification {
  target = species
}

features {
  size = standardize(body_mass)
}

models {
  knn = knn(k: 1..5)
}
`;
const FIXED = BROKEN.replace('standardize(body_mass)', 'standardize(body_mass_g)');

describe('mlp lsp --stdio', () => {
  it('answers a whole editing session and exits 0', async () => {
    const { connection, exited, child, stderr } = await startServer();
    try {
      const first = nextDiagnostics(connection, uri);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version: 1, text: BROKEN } });
      const published = await first;
      const unknown = published.diagnostics.find((d) => /body_mass/.test(d.message));
      expect(unknown?.message).toMatch(/Did you mean `body_mass_g`\?/);
      expect(unknown?.range).toEqual({ start: { line: 7, character: 21 }, end: { line: 7, character: 30 } });

      const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 12 } }) as { label: string }[];
      expect(completion.map((i) => i.label)).toEqual(expect.arrayContaining(['weights', 'metric']));

      const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 12 } }) as { contents: { value: string } };
      expect(hover.contents.value).toMatch(/species.*category/);

      const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 12 } }) as { range: { start: unknown } };
      expect(definition.range.start).toEqual({ line: 0, character: 5 });

      const rename = await connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 11, character: 3 }, newName: 'neighbours' }) as { changes: Record<string, { newText: string }[]> };
      expect(rename.changes[uri].map((e) => e.newText)).toEqual(['neighbours']);

      const formatting = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }) as { newText: string }[];
      expect(Array.isArray(formatting)).toBe(true);

      const pulled = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: unknown[] };
      expect(pulled.items.length).toBe(published.diagnostics.length);

      const cleared = nextDiagnostics(connection, uri, (ds) => !ds.some((d) => /body_mass\b/.test(d.message)));
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FIXED }] });
      expect((await cleared).diagnostics.filter((d) => (d as { severity?: number }).severity === 1)).toEqual([]);

      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill();
      connection.dispose();
      if (child.exitCode !== 0) console.error(stderr());
    }
  }, 30_000);

  /** Runs a session and always shuts the server down. */
  async function session(server: Server, body: () => Promise<void>): Promise<void> {
    try {
      await body();
      await server.connection.sendRequest('shutdown');
      await server.connection.sendNotification('exit');
      expect(await server.exited).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill();
      server.connection.dispose();
    }
  }

  it('does not push diagnostics to a client that pulls them (no problem shown twice)', async () => {
    const server = await startServer({ diagnosticsDelayMs: 0 }, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    await session(server, async () => {
      expect(server.capabilities.diagnosticProvider).toEqual({ interFileDependencies: false, workspaceDiagnostics: false });
      const pushed: unknown[] = [];
      server.connection.onNotification('textDocument/publishDiagnostics', (p) => { pushed.push(p); });
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version: 1, text: BROKEN } });
      const pulled = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { kind: string; items: { message: string }[] };
      expect(pulled.kind).toBe('full');
      expect(pulled.items.map((d) => d.message).join('\n')).toMatch(/Did you mean `body_mass_g`\?/);
      await new Promise((r) => setTimeout(r, 300)); // a push would have been sent by now (debounce 0)
      expect(pushed).toEqual([]);
    });
  }, 30_000);

  it('asks a pulling client to pull again when a watched file changes', async () => {
    const server = await startServer({ diagnosticsDelayMs: 0 }, { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } });
    await session(server, async () => {
      const refreshed = new Promise<void>((resolve) => server.connection.onRequest('workspace/diagnostic/refresh', () => { resolve(); return null; }));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mlp', version: 1, text: BROKEN } });
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'examples/penguins/penguins.csv')).href, type: 2 }] });
      await refreshed;
    });
  }, 30_000);

  it('checks open documents again when a watched data file changes on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-lsp-watch-'));
    const csv = path.join(dir, 'penguins.csv');
    const original = fs.readFileSync(path.join(root, 'examples/penguins/penguins.csv'), 'utf8');
    // the data lacks body_mass until the file is replaced
    fs.writeFileSync(csv, original.replace('body_mass_g', 'mass'));
    const doc = pathToFileURL(path.join(dir, 'p.mlp')).href;
    const text = BROKEN.replace('standardize(body_mass)', 'standardize(body_mass_g)');
    const server = await startServer({ diagnosticsDelayMs: 0 });
    try {
      await session(server, async () => {
        const first = nextDiagnostics(server.connection, doc);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'mlp', version: 1, text } });
        expect((await first).diagnostics.map((d) => d.message).join('\n')).toMatch(/body_mass_g/);
        fs.writeFileSync(csv, original);
        const again = nextDiagnostics(server.connection, doc);
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).href, type: 2 }] });
        expect((await again).diagnostics.filter((d) => /body_mass_g/.test(d.message))).toEqual([]);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
