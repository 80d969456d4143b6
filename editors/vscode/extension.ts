/** VS Code client: starts `mlp lsp --stdio` for .mlp documents. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const [command, ...args] = vscode.workspace.getConfiguration('mlp').get<string[]>('server.command') ?? ['mlp', 'lsp', '--stdio'];
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'mlp' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{mlp,csv}') },
  };
  client = new LanguageClient('mlp', 'MLP language server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('mlp.server')) await client?.restart();
  }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
