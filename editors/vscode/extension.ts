/** VS Code client: starts `mlp lsp --stdio` for .mlp documents and restarts it when its setting changes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The `mlp.server.command` setting: the server's executable and its arguments. */
const serverCommand = () => vscode.workspace.getConfiguration('mlp').get<string[]>('server.command') ?? ['mlp', 'lsp', '--stdio'];

/** A fresh client for the configured command (a client whose start failed cannot be restarted). */
function createClient(watcher: vscode.FileSystemWatcher, outputChannel: vscode.OutputChannel): LanguageClient {
  const [command, ...args] = serverCommand();
  // no `transport`: stdio is the default, and naming it would make the client append a second `--stdio`
  const serverOptions: ServerOptions = { command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'mlp' }, { scheme: 'untitled', language: 'mlp' }],
    // data files and other pipelines changing on disk make the server check the open documents again
    synchronize: { fileEvents: watcher },
    outputChannel,
  };
  return new LanguageClient('mlp', 'MLP language server', serverOptions, clientOptions);
}

/** Whether `command` names an executable file, directly or on PATH. */
function found(command: string): boolean {
  const isFile = (p: string) => { try { return fs.statSync(p).isFile(); } catch { return false; } };
  if (command.includes('/') || command.includes('\\')) return isFile(command);
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && extensions.some((ext) => isFile(path.join(dir, command + ext))));
}

/** Starts a new client; a failure is shown to the user, not rethrown. */
async function start(watcher: vscode.FileSystemWatcher, outputChannel: vscode.OutputChannel): Promise<void> {
  const [command] = serverCommand();
  if (!command || !found(command)) {
    void vscode.window.showErrorMessage(`MLP: cannot start the language server: \`${command}\` was not found. Put \`mlp\` on PATH or set \`mlp.server.command\`, e.g. ["node", "/path/to/mlp/bin/mlp.js", "lsp", "--stdio"].`);
    return;
  }
  client = createClient(watcher, outputChannel);
  try {
    await client.start();
  } catch {
    // the client has shown the error; changing the setting starts a new client
  }
}

/** Stops the running client, if any; a client that never started has nothing to stop. */
async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old?.isRunning()) await old.stop().catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{mlp,csv}');
  // one output channel for every client this session starts
  const outputChannel = vscode.window.createOutputChannel('MLP language server');
  context.subscriptions.push(watcher, outputChannel);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (!e.affectsConfiguration('mlp.server')) return;
    await stop();
    await start(watcher, outputChannel);
  }));
  await start(watcher, outputChannel);
}

export async function deactivate(): Promise<void> {
  await stop();
}
