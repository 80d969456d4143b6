/**
 * The VS Code extension end to end, without VS Code: the real editors/vscode/extension.ts (compiled
 * with its own tsconfig), the real vscode-languageclient 9 and the real `mlp lsp --stdio` server.
 * Only the `vscode` module is replaced, by test/editors/fake-vscode.cjs (VS Code itself cannot be
 * downloaded here; see the header of that file for what it fakes and how it reports gaps).
 *
 * The test plays the editor: it activates the extension, opens a .mlp document with a misspelled
 * model, and checks what reaches the diagnostic collections (against `mlp check --format json` on
 * the same text), asks the registered hover provider, changes the `mlp.server` setting (restart),
 * fixes the error, deactivates, and checks that every server process has exited with code 0.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const FAKE_VSCODE = path.join(import.meta.dirname, 'fake-vscode.cjs');
const SERVER_COMMAND = [process.execPath, path.join(root, 'bin/mlp.js'), 'lsp', '--stdio'];
const DOC_PATH = path.join(root, 'examples/penguins/ext-test.mlp'); // need not exist: didOpen carries the text
const BROKEN = fs.readFileSync(path.join(root, 'examples/penguins/penguins.mlp'), 'utf8').replace('gaussian_nb()', 'gausian_nb()');
const FIXED = BROKEN.replace('gausian_nb()', 'gaussian_nb()');

// ------------------------------------------------------------------ the slice of the fake the test drives

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Uri { scheme: string; fsPath: string; toString(): string }
interface CodeDiagnostic { range: Range; message: string; severity: number; code?: string | number | { value: string | number }; source?: string }
interface TextDocument { uri: Uri; languageId: string; version: number }
interface Harness {
  configuration: Map<string, unknown>;
  workspaceFolders: { uri: Uri; name: string; index: number }[] | undefined;
  missing: string[];
  listenerErrors: unknown[];
  diagnosticCollections: { id: number; disposed: boolean; get(uri: Uri): CodeDiagnostic[] | undefined }[];
  diagnosticSets: { collection: number; uri: string; diagnostics: CodeDiagnostic[] }[];
  providers: { kind: string; selector: unknown; provider: Record<string, (...args: unknown[]) => unknown>; disposed: boolean }[];
  watchers: { globPattern: unknown; disposed: boolean }[];
  outputChannels: { name: string; text: string }[];
  messages: { severity: string; message: string }[];
  visibleDiagnostics(uri: Uri): CodeDiagnostic[];
  openDocument(uri: Uri, languageId: string, text: string): TextDocument;
  editDocument(document: TextDocument, text: string): void;
  changeConfiguration(keys: string[]): void;
}
interface FakeVscode {
  harness: Harness;
  Uri: { file(p: string): Uri; parse(value: string): Uri };
  Position: new (line: number, character: number) => Position;
  CancellationTokenSource: new () => { token: unknown; dispose(): void };
  languages: { match(selector: unknown, document: unknown): number };
}
interface Extension {
  activate(context: { subscriptions: { dispose(): unknown }[] }): Promise<void>;
  deactivate(): Promise<void>;
}

// ------------------------------------------------------------------ helpers

/** Diagnostics as plain data: what the user sees in the Problems panel. */
function plain(d: CodeDiagnostic) {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return { code, severity: d.severity, message: d.message, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] };
}
const byPosition = (a: ReturnType<typeof plain>, b: ReturnType<typeof plain>) =>
  a.range[0] - b.range[0] || a.range[1] - b.range[1] || String(a.code).localeCompare(String(b.code));

/** Runs a command to completion (without throwing on a non-zero exit); killed after 30 s. */
function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

type Expected = { code: string | number | undefined; severity: number; message: string; range: number[] }[];

/**
 * What `mlp check --format json` reports for each text (one CLI run), as the extension should
 * show it: 0-based ranges, hint appended to the message.
 */
async function cliDiagnostics(texts: string[]): Promise<Expected[]> {
  const files = texts.map((text, i) => {
    const dir = path.join(tmp, `check-${i}`);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(root, 'examples/penguins/penguins.csv'), path.join(dir, 'penguins.csv'));
    fs.writeFileSync(path.join(dir, 'ext-test.mlp'), text);
    return path.join(dir, 'ext-test.mlp');
  });
  const check = await run(process.execPath, [path.join(root, 'bin/mlp.js'), 'check', '--format', 'json', ...files]);
  const severity: Record<string, number> = { error: 0, warning: 1, info: 2, information: 2, hint: 3 };
  const { diagnostics } = JSON.parse(check.stdout) as { diagnostics: { file: string; code: string; severity: string; message: string; hint?: string; line: number; column: number; endLine: number; endColumn: number }[] };
  return files.map((file) => diagnostics.filter((d) => path.resolve(d.file) === file).map((d) => ({
    code: d.code,
    severity: severity[d.severity],
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    range: [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1],
  })).sort(byPosition));
}

/** What the client logged and showed, for failure messages. */
function report(): string {
  const h = vscode?.harness;
  if (!h) return '';
  return [...h.outputChannels.map((c) => `--- output channel ${c.name}:\n${c.text}`), `--- messages: ${JSON.stringify(h.messages)}`].join('\n');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}\n${report()}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}\n${report()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exitOf = (child: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
  else child.once('exit', (code, signal) => resolve({ code, signal }));
});

const isAlive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** All processes below pid (the server wrapper re-spawns itself with a larger young generation). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  if (fs.existsSync('/proc/self/stat')) {
    for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch { /* exited meanwhile */ }
    }
  } else {
    const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    for (const line of ps.stdout.trim().split('\n')) {
      const [child, parent] = line.trim().split(/\s+/).map(Number);
      parents.set(child, parent);
    }
  }
  const below = [...parents].filter(([, parent]) => parent === pid).map(([child]) => child);
  return below.flatMap((child) => [child, ...descendants(child)]);
}

// ------------------------------------------------------------------ setup: compile, hook `vscode`, spy on spawn

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-vscode-ext-'));
const outDir = path.join(tmp, 'out');
type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const realResolve = loader._resolveFilename;
const childProcess = require('node:child_process') as { spawn: (...args: unknown[]) => ChildProcess };
const realSpawn = childProcess.spawn;
/** Every server process the client started (the CommonJS child_process.spawn that the client calls is wrapped, not replaced). */
const servers: ChildProcess[] = [];
let vscode: FakeVscode;
let extension: Extension;

let cliBroken: Expected;
let cliFixed: Expected;

beforeAll(async () => {
  // compile the extension and ask the CLI for the reference diagnostics, side by side
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin/tsc');
  const [build, cli] = await Promise.all([
    run(process.execPath, [tsc, '-p', path.join(root, 'editors/vscode/tsconfig.json'), '--outDir', outDir]),
    cliDiagnostics([BROKEN, FIXED]),
  ]);
  [cliBroken, cliFixed] = cli;
  expect(build.status, `tsc failed:\n${build.stdout}${build.stderr}`).toBe(0);
  // the compiled extension lives outside the repo; let it find vscode-languageclient as an installed extension would
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(outDir, 'node_modules'), 'junction');

  loader._resolveFilename = function (this: unknown, request, ...rest) {
    return request === 'vscode' ? FAKE_VSCODE : realResolve.call(this, request, ...rest);
  };
  childProcess.spawn = function (this: unknown, ...args: unknown[]) {
    const child = realSpawn.apply(this, args);
    if (child.spawnargs?.includes(SERVER_COMMAND[1]) && child.spawnargs.includes('lsp')) servers.push(child);
    return child;
  };
  vscode = require('vscode') as FakeVscode;
  vscode.harness.configuration.set('mlp.server.command', SERVER_COMMAND);
  vscode.harness.workspaceFolders = [{ uri: vscode.Uri.file(root), name: 'main', index: 0 }];
  extension = require(path.join(outDir, 'extension.js')) as Extension;
}, 30_000);

afterAll(async () => {
  // After a failure the client may still run: stop it first, since killing the server under a
  // running client makes it start a new one (up to 4 times). Then kill whatever is left.
  await withTimeout(extension?.deactivate() ?? Promise.resolve(), 5_000, 'deactivate() in cleanup').catch(() => {});
  for (let round = 0; round < 10; round++) {
    const left = servers.filter((child) => child.exitCode === null && child.signalCode === null);
    if (left.length === 0) break;
    for (const child of left) {
      for (const pid of descendants(child.pid!)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  loader._resolveFilename = realResolve;
  childProcess.spawn = realSpawn;
  // forget the modules bound to this fake, so a rerun (watch mode) loads them afresh
  for (const id of Object.keys(require.cache)) {
    if (id === FAKE_VSCODE || id.startsWith(outDir) || id.includes(`${path.sep}vscode-languageclient${path.sep}`)) delete require.cache[id];
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}, 15_000);

// ------------------------------------------------------------------ the session

describe('editors/vscode extension', () => {
  it('starts the server, shows its diagnostics, restarts on a setting change and stops it on deactivate', async () => {
    const h = vscode.harness;
    const context = { subscriptions: [] as { dispose(): unknown }[] };
    try {
      // 1. activate with a command that does not exist (the default `mlp` when it is not on PATH):
      // the client reports it, activate() still resolves, and fixing the setting starts a server
      h.configuration.set('mlp.server.command', [path.join(tmp, 'no-such-mlp'), 'lsp', '--stdio']);
      await withTimeout(extension.activate(context), 15_000, 'activate() with a missing command');
      expect(h.messages.map((m) => m.severity + ': ' + m.message)).toEqual([expect.stringMatching(/^error: MLP: cannot start the language server: `.*no-such-mlp` was not found\. .*`mlp\.server\.command`/)]);
      expect(servers).toHaveLength(0);
      h.messages.length = 0;
      h.configuration.set('mlp.server.command', SERVER_COMMAND);
      h.changeConfiguration(['mlp.server.command']);
      await waitFor('a server after fixing the setting', () => servers.length === 1);
      expect(servers[0].spawnfile).toBe(process.execPath);
      // exactly the configured command: the client adds no second `--stdio`
      expect(servers[0].spawnargs.slice(1)).toEqual(SERVER_COMMAND.slice(1));
      // providers are registered (after initialize) for mlp documents on disk or unsaved, only
      const hoverProvider = await waitFor('hover provider registered after initialize', () => h.providers.find((p) => p.kind === 'Hover' && !p.disposed));
      const running = descendants(servers[0].pid!);
      expect(running.length, 'bin/mlp.js lsp runs the server in a child process').toBeGreaterThan(0);
      expect(h.watchers.map((w) => w.globPattern)).toEqual(['**/*.{mlp,csv}']);
      expect(vscode.languages.match(hoverProvider!.selector, { uri: vscode.Uri.file(DOC_PATH), languageId: 'mlp' })).toBe(10);
      expect(vscode.languages.match(hoverProvider!.selector, { uri: vscode.Uri.file(DOC_PATH), languageId: 'plaintext' })).toBe(0);
      expect(vscode.languages.match(hoverProvider!.selector, { uri: vscode.Uri.parse('untitled:Untitled-1'), languageId: 'mlp' })).toBe(10);
      expect(vscode.languages.match(hoverProvider!.selector, { uri: vscode.Uri.parse(`git:${DOC_PATH}`), languageId: 'mlp' }), 'not diff views of old revisions').toBe(0);

      // 2. open a document with a misspelled model: its diagnostics reach the collections
      const uri = vscode.Uri.file(DOC_PATH);
      const document = h.openDocument(uri, 'mlp', BROKEN);
      const expected = cliBroken;
      expect(expected).toEqual([
        { code: 'MLP2003', severity: 0, message: 'Unknown model `gausian_nb`.\nDid you mean `gaussian_nb`?', range: [38, 7, 38, 17] },
      ]);
      const shown = await waitFor(`diagnostics for ${uri}`, () => {
        const live = h.diagnosticCollections.filter((c) => !c.disposed && c.get(uri)?.length);
        return live.length > 0 && live.map((c) => c.get(uri)!.map(plain).sort(byPosition));
      });
      // VS Code pulls diagnostics, so the server does not also push them: one collection, no problem twice
      expect(shown).toEqual([expected]);
      const unknownModel = h.visibleDiagnostics(uri).find((d) => d.code === 'MLP2003')!;
      expect(unknownModel.source).toBe('mlp');
      expect(unknownModel.range.start).toMatchObject({ line: 38, character: 7 });
      expect(unknownModel.range.end).toMatchObject({ line: 38, character: 17 });
      expect(unknownModel.message).toMatch(/^Unknown model `gausian_nb`\./);

      // 3. the registered hover provider goes through the client to the server
      const tokens = new vscode.CancellationTokenSource();
      const hover = await withTimeout(Promise.resolve(hoverProvider!.provider.provideHover(document, new vscode.Position(10, 12), tokens.token)), 10_000, 'hover') as { contents: { value: string }[] };
      tokens.dispose();
      expect(hover.contents.map((c) => c.value).join('\n')).toMatch(/species.*category/);

      // 4. changing `mlp.server.*` restarts the server: the old one exits cleanly, the new one re-checks the open document
      const setsBeforeRestart = h.diagnosticSets.length;
      h.changeConfiguration(['mlp.server.command']);
      const first = await withTimeout(exitOf(servers[0]), 10_000, 'first server exit after restart');
      expect(first).toEqual({ code: 0, signal: null });
      await waitFor('a second server', () => servers.length === 2);
      await waitFor('diagnostics from the restarted server', () =>
        h.diagnosticSets.slice(setsBeforeRestart).some((s) => s.uri === uri.toString() && s.diagnostics.some((d) => d.code === 'MLP2003')));
      expect(running.filter(isAlive), 'no process of the first server is left').toEqual([]);

      // 5. fixing the error clears it everywhere
      expect(cliFixed).toEqual([]);
      const setsBeforeFix = h.diagnosticSets.length;
      h.editDocument(document, FIXED);
      await waitFor('cleared diagnostics', () =>
        h.diagnosticSets.slice(setsBeforeFix).some((s) => s.uri === uri.toString() && s.diagnostics.length === 0) && h.visibleDiagnostics(uri).length === 0);

      // 6. deactivate: shutdown + exit, the server process (and the one it started) exit 0
      const second = servers[1];
      const secondTree = descendants(second.pid!);
      expect(secondTree.length).toBeGreaterThan(0);
      await withTimeout(extension.deactivate(), 10_000, 'deactivate()');
      // exit must come from the protocol (the client would SIGKILL a server still alive 2 s after stop)
      expect(await withTimeout(exitOf(second), 1_900, 'server exit after deactivate')).toEqual({ code: 0, signal: null });
      await waitFor('the server tree to exit', () => secondTree.every((pid) => !isAlive(pid)), 2_000);
      expect(h.diagnosticCollections.every((c) => c.disposed), 'deactivate disposes every diagnostic collection').toBe(true);
      expect(h.providers.every((p) => p.disposed), 'deactivate unregisters every provider').toBe(true);

      // the fake was complete enough, and nothing went wrong on the way
      expect(h.missing, 'vscode API members the fake lacks').toEqual([]);
      expect(h.listenerErrors).toEqual([]);
      expect(h.messages, report()).toEqual([]);
    } finally {
      for (const d of context.subscriptions) d.dispose();
    }
  }, 30_000);
});
