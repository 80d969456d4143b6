/** Starts the real language server (`node bin/mlp.js lsp --stdio`) and talks JSON-RPC to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Server { child: ChildProcess; connection: MessageConnection; exited: Promise<number | null>; stderr: () => string; capabilities: Record<string, unknown> }

export const root = path.resolve(import.meta.dirname, '../..');
export const penguinsUri = (name = 'lsp-test.mlp') => pathToFileURL(path.join(root, 'examples/penguins', name)).href;

/** `capabilities`: the client's (an empty object is a client that takes pushed diagnostics). */
export async function startServer(initializationOptions?: object, capabilities: object = {}): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, 'bin/mlp.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities, initializationOptions }) as { capabilities: Record<string, unknown> };
  await connection.sendNotification('initialized', {});
  return { child, connection, exited, stderr: () => stderr, capabilities: init.capabilities };
}

/** Resolves with the next publishDiagnostics for uri that satisfies accept. */
export function nextDiagnostics(connection: MessageConnection, uri: string, accept: (ds: { message: string }[]) => boolean = () => true): Promise<{ version?: number; diagnostics: { message: string; code?: string; range: unknown }[] }> {
  return new Promise((resolve) => {
    const listener = connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: { message: string; range: unknown }[] }) => {
      if (p.uri === uri && accept(p.diagnostics)) { listener.dispose(); resolve(p); }
    });
  });
}
