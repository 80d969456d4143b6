'use strict';
/**
 * A minimal, in-memory stand-in for the `vscode` module, for
 * test/editors/vscode-extension.test.ts.
 *
 * What is real in that test, and what is fake:
 *   REAL  editors/vscode/extension.ts, compiled by the repo's own `tsc -p editors/vscode/tsconfig.json`;
 *   REAL  vscode-languageclient 9 (and vscode-jsonrpc / -protocol) from node_modules, unpatched;
 *   REAL  the language server, `node bin/mlp.js lsp --stdio`, spawned by the client over stdio;
 *   FAKE  this module: the VS Code extension host API that the extension and the client `require('vscode')`.
 *
 * Why a fake: VS Code itself cannot be installed or downloaded here (@vscode/test-electron downloads
 * it), so the editor side is simulated. The fake implements only what the extension and
 * vscode-languageclient 9 touch while they start a stdio server, open/edit/close documents, convert
 * diagnostics and hovers, and stop: events, disposables, cancellation, Uri/Position/Range, the
 * Diagnostic family, the classes the client subclasses at load time, a few enums,
 * `workspace` (configuration, documents, document events, file watchers), `window` (output
 * channels, messages, active editor, tab groups — the client pulls diagnostics only for
 * documents shown in a tab), `languages` (`match`, diagnostic collections, provider
 * registration) and `commands`/`env`.
 *
 * Nothing is a silent catch-all: the module, its namespaces and the objects it hands out
 * (documents, editors, configurations, diagnostic collections, watchers, output channels) are
 * wrapped by `strict()`, which records each read of a member the fake does not define in
 * `harness.missing` (and returns undefined, as an older VS Code would). The test asserts that
 * list is empty, so a client upgrade or an extension change that needs more API shows up as a
 * failure, not as a hidden no-op. (Instances of the value classes — Uri, Range, … — are not
 * wrapped.) Simplifications: Uri is built on WHATWG URL (POSIX paths; its percent-encoding is
 * not byte-for-byte VS Code's), there are no notebooks, and glob `pattern` document filters
 * are reported as missing rather than matched.
 *
 * `harness` (not part of the VS Code API) lets the test play the editor and the user: set
 * configuration and workspace folders, open/edit/close documents, and read what the client did
 * (diagnostic collections, registered providers, output channels, messages shown).
 */
const path = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');

// ---------------------------------------------------------------- basics

class Disposable {
  static from(...disposables) {
    return new Disposable(() => { for (const d of disposables) d?.dispose?.(); });
  }
  constructor(callOnDispose) { this._callOnDispose = callOnDispose; }
  dispose() {
    const fn = this._callOnDispose;
    this._callOnDispose = undefined;
    fn?.();
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    /** `event(listener, thisArgs?, disposables?)`, as vscode.Event. */
    this.event = (listener, thisArgs, disposables) => {
      const entry = { listener, thisArgs };
      this._listeners.add(entry);
      const d = new Disposable(() => this._listeners.delete(entry));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(data) {
    for (const { listener, thisArgs } of [...this._listeners]) {
      try { listener.call(thisArgs, data); } catch (err) { harness.listenerErrors.push(err); }
    }
  }
  dispose() { this._listeners.clear(); }
}

class CancellationError extends Error {
  constructor() { super('Canceled'); this.name = 'Canceled'; }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    let cancelled = false;
    this._emitter = emitter;
    this.token = {
      get isCancellationRequested() { return cancelled; },
      onCancellationRequested: emitter.event,
    };
    this._cancel = () => { if (!cancelled) { cancelled = true; emitter.fire(undefined); } };
  }
  cancel() { this._cancel(); }
  dispose() { this._emitter.dispose(); }
}

/** vscode.Uri on top of WHATWG URL; enough for file: and untitled: URIs. */
class Uri {
  static parse(value) {
    const url = new URL(value);
    return new Uri(url.protocol.slice(0, -1), url.host, decodeURIComponent(url.pathname), url.search.slice(1), url.hash.slice(1));
  }
  static file(fsPath) {
    const url = pathToFileURL(fsPath);
    return new Uri('file', url.host, decodeURIComponent(url.pathname), '', '');
  }
  constructor(scheme, authority, path_, query, fragment) {
    Object.assign(this, { scheme, authority: authority ?? '', path: path_ ?? '', query: query ?? '', fragment: fragment ?? '' });
  }
  get fsPath() { return this.scheme === 'file' ? fileURLToPath(this.toString()) : this.path; }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    const authority = this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${authority}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON() { return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment }; }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isEqual(other) { return this.line === other.line && this.character === other.character; }
  compareTo(other) { return this.line - other.line || this.character - other.character; }
  isBefore(other) { return this.compareTo(other) < 0; }
  isAfter(other) { return this.compareTo(other) > 0; }
}

class Range {
  /** new Range(start, end) or new Range(startLine, startCharacter, endLine, endCharacter) */
  constructor(a, b, c, d) {
    const [start, end] = typeof a === 'number' ? [new Position(a, b), new Position(c, d)] : [a, b];
    [this.start, this.end] = start.isAfter(end) ? [end, start] : [start, end];
  }
  get isEmpty() { return this.start.isEqual(this.end); }
  get isSingleLine() { return this.start.line === this.end.line; }
  isEqual(other) { return this.start.isEqual(other.start) && this.end.isEqual(other.end); }
  contains(p) {
    return p instanceof Range ? this.contains(p.start) && this.contains(p.end) : !p.isBefore(this.start) && !p.isAfter(this.end);
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition instanceof Position ? new Range(rangeOrPosition, rangeOrPosition) : rangeOrPosition;
  }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };

class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) { this.location = location; this.message = message; }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) { this.value = value; this.supportThemeIcons = supportThemeIcons; }
  appendText(text) { this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); return this; }
  appendMarkdown(text) { this.value += text; return this; }
  appendCodeblock(code, language = '') { this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`; return this; }
}

class Hover {
  constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; }
}

// vscode-languageclient subclasses these when its modules load (ProtocolCompletionItem, ...),
// so they must exist as constructors even though this test never converts such items.
class CompletionItem { constructor(label, kind) { this.label = label; this.kind = kind; } }
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
/** Hierarchical code action kinds ('refactor.extract'); the converters build a table of them. */
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(parts) { return new CodeActionKind(this.value ? `${this.value}.${parts}` : parts); }
  contains(other) { return this.value === other.value || other.value.startsWith(`${this.value}.`) || this.value === ''; }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
CodeActionKind.Empty = new CodeActionKind('');
for (const [name, value] of Object.entries({
  QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract', RefactorInline: 'refactor.inline',
  RefactorMove: 'refactor.move', RefactorRewrite: 'refactor.rewrite', Source: 'source',
  SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll', Notebook: 'notebook',
})) CodeActionKind[name] = new CodeActionKind(value);
class CodeLens { constructor(range, command) { this.range = range; this.command = command; } }
class DocumentLink { constructor(range, target) { this.range = range; this.target = target; } }
class InlayHint { constructor(position, label, kind) { this.position = position; this.label = label; this.kind = kind; } }
class SymbolInformation {
  constructor(name, kind, containerName, location) { Object.assign(this, { name, kind, containerName, location }); }
}
class CallHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) { Object.assign(this, { kind, name, detail, uri, range, selectionRange }); }
}
class TypeHierarchyItem {
  constructor(kind, name, detail, uri, range, selectionRange) { Object.assign(this, { kind, name, detail, uri, range, selectionRange }); }
}

// window.tabGroups inputs: the client's pull diagnostics check `input instanceof TabInputText`.
class TabInputText { constructor(uri) { this.uri = uri; } }
class TabInputTextDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }
class TabInputCustom { constructor(uri, viewType) { this.uri = uri; this.viewType = viewType; } }

// ---------------------------------------------------------------- documents

/** An open text document: its text, version and the offset ↔ position maps. */
class TextDocument {
  constructor(uri, languageId, text) {
    this.uri = uri;
    this.languageId = languageId;
    this.version = 1;
    this.isClosed = false;
    this.isDirty = false;
    this.eol = 1; // EndOfLine.LF
    this._text = text;
  }
  get fileName() { return this.uri.fsPath; }
  get isUntitled() { return this.uri.scheme === 'untitled'; }
  get lineCount() { return this._text.split('\n').length; }
  getText(range) {
    return range ? this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this._text;
  }
  offsetAt(position) {
    const lines = this._text.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(position.line, lines.length); i++) offset += lines[i].length + 1;
    const line = lines[position.line] ?? '';
    return Math.min(offset + Math.min(position.character, line.length), this._text.length);
  }
  positionAt(offset) {
    const before = this._text.slice(0, Math.max(0, Math.min(offset, this._text.length))).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
}

/**
 * `languages.match`: VS Code's document-selector score (vs/editor/common/languageSelector.ts),
 * for the synchronized text documents of this fake: 10 = exact, 5 = wildcard, 0 = no match.
 * Glob `pattern`s and notebook filters are not implemented; they are reported as missing.
 */
function score(selector, document) {
  if (Array.isArray(selector)) {
    let best = 0;
    for (const filter of selector) {
      const value = score(filter, document);
      if (value === 10) return 10;
      best = Math.max(best, value);
    }
    return best;
  }
  if (typeof selector === 'string') return selector === '*' ? 5 : selector === document.languageId ? 10 : 0;
  if (!selector) return 0;
  const { language, scheme, pattern, notebookType } = selector;
  if (pattern !== undefined || notebookType !== undefined) {
    harness.missing.push('languages.match: pattern/notebookType filters');
    return 0;
  }
  let ret = 0;
  if (scheme) {
    if (scheme === document.uri.scheme) ret = 10;
    else if (scheme === '*') ret = 5;
    else return 0;
  }
  if (language) {
    if (language === document.languageId) ret = 10;
    else if (language === '*') ret = Math.max(ret, 5);
    else return 0;
  }
  return ret;
}

// ---------------------------------------------------------------- harness state

const events = {
  didOpenTextDocument: new EventEmitter(),
  didChangeTextDocument: new EventEmitter(),
  didCloseTextDocument: new EventEmitter(),
  didSaveTextDocument: new EventEmitter(),
  willSaveTextDocument: new EventEmitter(),
  didChangeConfiguration: new EventEmitter(),
  didChangeWorkspaceFolders: new EventEmitter(),
  // file operations (explorer create/rename/delete); the client subscribes to all six
  didCreateFiles: new EventEmitter(),
  didRenameFiles: new EventEmitter(),
  didDeleteFiles: new EventEmitter(),
  willCreateFiles: new EventEmitter(),
  willRenameFiles: new EventEmitter(),
  willDeleteFiles: new EventEmitter(),
  didChangeActiveTextEditor: new EventEmitter(),
  didChangeTabs: new EventEmitter(),
  didChangeTabGroups: new EventEmitter(),
};

/** A diagnostic collection that remembers every `set`. */
class DiagnosticCollection {
  constructor(name) {
    this.name = name;
    /** 1, 2, …: the order of creation, since the client's collections have no names. */
    this.id = harness.diagnosticCollections.length + 1;
    this.disposed = false;
    this._entries = new Map();
  }
  set(uriOrEntries, diagnostics) {
    const entries = Array.isArray(uriOrEntries) ? uriOrEntries : [[uriOrEntries, diagnostics]];
    for (const [uri, ds] of entries) {
      const key = uri.toString();
      if (ds === undefined) this._entries.delete(key);
      else this._entries.set(key, [...ds]);
      harness.diagnosticSets.push({ collection: this.id, uri: key, diagnostics: ds ? [...ds] : [] });
    }
  }
  get(uri) { return this._entries.get(uri.toString()); }
  has(uri) { return this._entries.has(uri.toString()); }
  delete(uri) { this.set(uri, undefined); }
  clear() { for (const key of [...this._entries.keys()]) this.set(Uri.parse(key), undefined); }
  forEach(callback, thisArg) { for (const [key, ds] of this._entries) callback.call(thisArg, Uri.parse(key), ds, this); }
  dispose() { this.disposed = true; this._entries.clear(); }
}

class FileSystemWatcher {
  constructor(globPattern, ignoreCreateEvents = false, ignoreChangeEvents = false, ignoreDeleteEvents = false) {
    Object.assign(this, { globPattern, ignoreCreateEvents, ignoreChangeEvents, ignoreDeleteEvents, disposed: false });
    this._create = new EventEmitter();
    this._change = new EventEmitter();
    this._delete = new EventEmitter();
    this.onDidCreate = this._create.event;
    this.onDidChange = this._change.event;
    this.onDidDelete = this._delete.event;
  }
  dispose() { this.disposed = true; }
}

function createOutputChannel(name) {
  const channel = {
    name,
    text: '',
    append(value) { channel.text += value; },
    appendLine(value) { channel.text += `${value}\n`; },
    replace(value) { channel.text = value; },
    clear() { channel.text = ''; },
    show() {},
    hide() {},
    dispose() {},
  };
  harness.outputChannels.push(channel);
  return strict(channel, `OutputChannel(${name})`);
}

const tabGroup = { isActive: true, viewColumn: 1, activeTab: undefined, tabs: [] };
let activeTextEditor;
const textDocuments = [];

const harness = {
  /** `mlp.server.command` etc.: full key → value, read by `workspace.getConfiguration`. */
  configuration: new Map(),
  /** `workspace.workspaceFolders`; undefined = no folder open. */
  workspaceFolders: undefined,
  /** Members the extension or the client read that this fake does not define. */
  missing: [],
  /** Exceptions thrown by event listeners (VS Code would log them). */
  listenerErrors: [],
  diagnosticCollections: [],
  /** Every DiagnosticCollection.set, in order: { collection (its id), uri, diagnostics }. */
  diagnosticSets: [],
  /** Every languages.register*Provider call: { kind, selector, provider, args }. */
  providers: [],
  commands: new Map(),
  watchers: [],
  outputChannels: [],
  /** showErrorMessage / showWarningMessage / showInformationMessage calls. */
  messages: [],

  /** The diagnostics the Problems panel would show for uri: every live collection's entry. */
  visibleDiagnostics(uri) {
    return harness.diagnosticCollections.filter((c) => !c.disposed).flatMap((c) => c.get(uri) ?? []);
  },

  /** Opens a document in an editor tab, in VS Code's order: tab event, then didOpen, then active editor. */
  openDocument(uri, languageId, text) {
    const document = strict(new TextDocument(uri, languageId, text), 'TextDocument');
    const tab = { input: new TabInputText(uri), label: path.basename(uri.path), group: tabGroup, isActive: true, isDirty: false, isPinned: false, isPreview: false };
    tabGroup.tabs.push(tab);
    tabGroup.activeTab = tab;
    events.didChangeTabs.fire({ opened: [tab], closed: [], changed: [] });
    textDocuments.push(document);
    events.didOpenTextDocument.fire(document);
    activeTextEditor = strict({ document, viewColumn: 1, selections: [], visibleRanges: [] }, 'TextEditor');
    events.didChangeActiveTextEditor.fire(activeTextEditor);
    return document;
  },

  /** Replaces the whole text, as one incremental change event (what typing over a selection sends). */
  editDocument(document, text) {
    const range = new Range(new Position(0, 0), document.positionAt(document._text.length));
    const change = { range, rangeOffset: 0, rangeLength: document._text.length, text };
    document._text = text;
    document.version += 1;
    document.isDirty = true;
    events.didChangeTextDocument.fire({ document, contentChanges: [change], reason: undefined });
  },

  /** Closes the document's tab and the document. */
  closeDocument(document) {
    const closed = tabGroup.tabs.filter((t) => t.input.uri.toString() === document.uri.toString());
    tabGroup.tabs = tabGroup.tabs.filter((t) => !closed.includes(t));
    tabGroup.activeTab = tabGroup.tabs[0];
    events.didChangeTabs.fire({ opened: [], closed, changed: [] });
    if (activeTextEditor?.document === document) {
      activeTextEditor = undefined;
      events.didChangeActiveTextEditor.fire(undefined);
    }
    textDocuments.splice(textDocuments.indexOf(document), 1);
    document.isClosed = true;
    events.didCloseTextDocument.fire(document);
  },

  /** Fires workspace.onDidChangeConfiguration for the given changed keys. */
  changeConfiguration(changedKeys) {
    events.didChangeConfiguration.fire({
      affectsConfiguration: (section) => changedKeys.some((key) => key === section || key.startsWith(`${section}.`)),
    });
  },
};

// ---------------------------------------------------------------- the API

/** Wraps a namespace so that reads of members it lacks are recorded in harness.missing. */
function strict(target, name) {
  const ignored = new Set(['then', 'toJSON', '__esModule', 'default', 'constructor', 'inspect', 'nodeType', 'asymmetricMatch', '$$typeof']);
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'string' && !(prop in t) && !ignored.has(prop)) harness.missing.push(`${name}.${prop}`);
      return Reflect.get(t, prop, receiver);
    },
  });
}

function register(kind) {
  return (selector, provider, ...args) => {
    const entry = { kind, selector, provider, args, disposed: false };
    harness.providers.push(entry);
    return new Disposable(() => { entry.disposed = true; });
  };
}

const workspace = {
  get workspaceFolders() { return harness.workspaceFolders; },
  get textDocuments() { return [...textDocuments]; },
  notebookDocuments: [],
  getWorkspaceFolder(uri) {
    return harness.workspaceFolders?.find((f) => uri.toString().startsWith(`${f.uri.toString()}/`));
  },
  getConfiguration(section) {
    const full = (key) => (section ? `${section}.${key}` : key);
    return strict({
      get: (key, defaultValue) => (harness.configuration.has(full(key)) ? structuredClone(harness.configuration.get(full(key))) : defaultValue),
      has: (key) => harness.configuration.has(full(key)),
      inspect: (key) => ({ key: full(key), workspaceValue: harness.configuration.get(full(key)) }),
      update: async (key, value) => { harness.configuration.set(full(key), value); harness.changeConfiguration([full(key)]); },
    }, `WorkspaceConfiguration(${section ?? ''})`);
  },
  createFileSystemWatcher(globPattern, ignoreCreateEvents, ignoreChangeEvents, ignoreDeleteEvents) {
    const watcher = new FileSystemWatcher(globPattern, ignoreCreateEvents, ignoreChangeEvents, ignoreDeleteEvents);
    harness.watchers.push(watcher);
    return strict(watcher, 'FileSystemWatcher');
  },
  onDidOpenTextDocument: events.didOpenTextDocument.event,
  onDidChangeTextDocument: events.didChangeTextDocument.event,
  onDidCloseTextDocument: events.didCloseTextDocument.event,
  onDidSaveTextDocument: events.didSaveTextDocument.event,
  onWillSaveTextDocument: events.willSaveTextDocument.event,
  onDidChangeConfiguration: events.didChangeConfiguration.event,
  onDidChangeWorkspaceFolders: events.didChangeWorkspaceFolders.event,
  onDidCreateFiles: events.didCreateFiles.event,
  onDidRenameFiles: events.didRenameFiles.event,
  onDidDeleteFiles: events.didDeleteFiles.event,
  onWillCreateFiles: events.willCreateFiles.event,
  onWillRenameFiles: events.willRenameFiles.event,
  onWillDeleteFiles: events.willDeleteFiles.event,
};

const window = {
  get activeTextEditor() { return activeTextEditor; },
  get visibleTextEditors() { return activeTextEditor ? [activeTextEditor] : []; },
  onDidChangeActiveTextEditor: events.didChangeActiveTextEditor.event,
  tabGroups: strict({
    get all() { return [tabGroup]; },
    get activeTabGroup() { return tabGroup; },
    onDidChangeTabs: events.didChangeTabs.event,
    onDidChangeTabGroups: events.didChangeTabGroups.event,
  }, 'window.tabGroups'),
  createOutputChannel,
  showErrorMessage: async (message, ...items) => { harness.messages.push({ severity: 'error', message, items }); return undefined; },
  showWarningMessage: async (message, ...items) => { harness.messages.push({ severity: 'warning', message, items }); return undefined; },
  showInformationMessage: async (message, ...items) => { harness.messages.push({ severity: 'info', message, items }); return undefined; },
};

const providerKinds = [
  'CompletionItem', 'Hover', 'SignatureHelp', 'Definition', 'Reference', 'DocumentHighlight', 'DocumentSymbol',
  'WorkspaceSymbol', 'CodeActions', 'CodeLens', 'DocumentFormattingEdit', 'DocumentRangeFormattingEdit',
  'OnTypeFormattingEdit', 'Rename', 'DocumentLink', 'TypeDefinition', 'Implementation', 'Color', 'FoldingRange',
  'Declaration', 'SelectionRange', 'CallHierarchy', 'DocumentSemanticTokens', 'DocumentRangeSemanticTokens',
  'LinkedEditingRange', 'TypeHierarchy', 'InlineValues', 'InlayHints', 'InlineCompletionItem',
];

const languages = {
  match: (selector, document) => score(selector, document),
  createDiagnosticCollection(name) {
    const collection = new DiagnosticCollection(name);
    harness.diagnosticCollections.push(collection);
    return strict(collection, 'DiagnosticCollection');
  },
  ...Object.fromEntries(providerKinds.map((kind) => [`register${kind}Provider`, register(kind)])),
};

const commands = {
  registerCommand(id, callback, thisArg) {
    harness.commands.set(id, { callback, thisArg });
    return new Disposable(() => harness.commands.delete(id));
  },
  async executeCommand(id, ...args) {
    const command = harness.commands.get(id);
    if (!command) throw new Error(`command '${id}' not found`);
    return command.callback.apply(command.thisArg, args);
  },
};

const env = {
  appName: 'Visual Studio Code (fake)',
  language: 'en',
  async openExternal() { return false; },
};

module.exports = strict({
  version: '1.82.0',
  Disposable, EventEmitter, CancellationError, CancellationTokenSource, Uri, Position, Range, Location,
  Diagnostic, DiagnosticSeverity, DiagnosticTag, DiagnosticRelatedInformation, MarkdownString, Hover,
  CompletionItem, CodeAction, CodeActionKind, CodeLens, DocumentLink, InlayHint, SymbolInformation, CallHierarchyItem, TypeHierarchyItem,
  TabInputText, TabInputTextDiff, TabInputCustom,
  workspace: strict(workspace, 'workspace'),
  window: strict(window, 'window'),
  languages: strict(languages, 'languages'),
  commands: strict(commands, 'commands'),
  env: strict(env, 'env'),
  harness,
}, 'vscode');
