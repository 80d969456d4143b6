/**
 * `mlp lsp --stdio`: the language server. This file only wires LSP requests
 * to the pure handlers beside it; the side effects (the connection, timers)
 * live here. Every handler is wrapped: a failure logs and answers empty, so a
 * bad document never takes the server down.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CliIO } from '../cli/io.ts';
import type { Analysis } from '../semantics/analyze.ts';
import { AnalysisCache } from './analyses.ts';
import { toOffset } from './convert.ts';
import { handleDiagnostics } from './diagnostics.ts';
import { handleCompletion } from './completion.ts';
import { handleHover } from './hover.ts';
import { handleDefinition, handlePrepareRename, handleReferences, handleRename } from './navigation.ts';
import { handleDocumentSymbols, handleFoldingRanges } from './symbols.ts';
import { handleFormatting } from './formatting.ts';
import { handleCodeActions } from './codeActions.ts';
import { handleSemanticTokens, semanticTokensLegend } from './semanticTokens.ts';

/** How long diagnostics wait for the next keystroke before re-checking. */
export const DIAGNOSTICS_DELAY_MS = 50;

export function runLsp(argv: string[], io: CliIO): Promise<number> | number {
  const unknown = argv.filter((a) => a !== '--stdio');
  if (unknown.length) { io.stderr(`mlp lsp: unknown argument '${unknown[0]}'; use 'mlp lsp --stdio'\n`); return 2; }
  // stdout carries the protocol: anything printed by accident must go elsewhere
  console.log = console.info = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
  // the connection exits the process on `exit` (0 after `shutdown`, else 1) or when stdin closes
  return new Promise<number>(() => {});
}

/** Wires one connection to the handlers. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const timers = new Map<string, NodeJS.Timeout>();
  let diagnosticsDelay = DIAGNOSTICS_DELAY_MS;
  // a client that pulls diagnostics gets them only when it asks (pushing as well would show every problem twice)
  let pull = false;
  let refreshSupport = false;

  const analysisOf = (uri: string): Analysis | undefined => {
    const doc = documents.get(uri);
    return doc ? analyses.get(uri, doc.version, doc.getText()) : undefined;
  };

  /** Runs a handler on the current version of a document; errors become `fallback`. */
  function withAnalysis<T>(uri: string, fallback: T, handler: (a: Analysis) => T): T {
    try {
      const a = analysisOf(uri);
      return a ? handler(a) : fallback;
    } catch (err) {
      connection.console.error(`mlp: ${(err as Error)?.stack ?? err}`);
      return fallback;
    }
  }

  function publish(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const diagnostics = withAnalysis(uri, [], handleDiagnostics);
    // a newer edit arrived while checking: its own timer will publish
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay = diagnosticsDelay): void {
    if (pull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => { timers.delete(uri); publish(uri); }, delay));
  }

  connection.onInitialize((params) => {
    // `initializationOptions.diagnosticsDelayMs` tunes the debounce (benchmarks set 0)
    const delay = (params.initializationOptions as { diagnosticsDelayMs?: unknown } | undefined)?.diagnosticsDelayMs;
    if (typeof delay === 'number' && delay >= 0) diagnosticsDelay = delay;
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['(', ',', ':', '=', ' ', '|', '>'], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'mlp', version: '0.1.0' },
    };
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  // a data file (or another .mlp) changed on disk: columns and samples may differ, so check the open documents again
  connection.onDidChangeWatchedFiles(() => {
    analyses.invalidate();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    if (pull && refreshSupport) void connection.languages.diagnostics.refresh();
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const offsetIn = (a: Analysis, position: { line: number; character: number }) => toOffset(a.lines, position);

  connection.onCompletion((p) => withAnalysis(p.textDocument.uri, [], (a) => handleCompletion(a, offsetIn(a, p.position))));
  connection.onHover((p) => withAnalysis(p.textDocument.uri, null, (a) => handleHover(a, offsetIn(a, p.position))));
  connection.onDefinition((p) => withAnalysis(p.textDocument.uri, null, (a) => handleDefinition(a, p.textDocument.uri, offsetIn(a, p.position))));
  connection.onReferences((p) => withAnalysis(p.textDocument.uri, [], (a) => handleReferences(a, p.textDocument.uri, offsetIn(a, p.position), p.context.includeDeclaration)));
  connection.onPrepareRename((p) => withAnalysis(p.textDocument.uri, null, (a) => handlePrepareRename(a, offsetIn(a, p.position))));
  connection.onRenameRequest((p) => withAnalysis(p.textDocument.uri, null, (a) => handleRename(a, p.textDocument.uri, offsetIn(a, p.position), p.newName)));
  connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], handleDocumentSymbols));
  connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], handleFoldingRanges));
  connection.onDocumentFormatting((p) => withAnalysis(p.textDocument.uri, [], (a) => handleFormatting(a.text, a.lines)));
  connection.onCodeAction((p) => withAnalysis(p.textDocument.uri, [], (a) => handleCodeActions(a, p.textDocument.uri, p.range)));
  connection.languages.semanticTokens.on((p) => withAnalysis(p.textDocument.uri, { data: [] }, handleSemanticTokens));
  connection.languages.diagnostics.on((p) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: withAnalysis(p.textDocument.uri, [], handleDiagnostics),
  }));

  documents.listen(connection);
  connection.listen();
}
