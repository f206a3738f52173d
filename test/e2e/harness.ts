/**
 * End-to-end harness: a REAL VS Code (code-server, on Node 24) in Debian's
 * Chromium, driven with playwright-core. Prepare the machine once with
 * `bash scripts/e2e-setup.sh` (everything lands in the gitignored `.e2e/`).
 *
 * Typical use (see smoke.e2e.ts):
 *
 *   await withCodeServer({ vsix: 'perf-eval-0.1.0.vsix', workspace: dir }, async (wb, cs) => {
 *     await wb.openFile('a.perf');
 *     await wb.waitForViewLineText('→ 42');
 *     await wb.runCommand('Perf: Show Report');
 *     await wb.waitForTab('Report');
 *     assert.deepEqual(await wb.problems(), { errors: 1, warnings: 0, infos: 0 });
 *     await wb.screenshot('.e2e/artifacts/report.png');
 *   });
 *
 * Lower-level pieces (startCodeServer, installExtension, launchBrowser,
 * Workbench) are exported for tests that need more control.
 *
 * Runs under the project's Node 20 (tsx); code-server itself is spawned with
 * the Node 24 binary from `.e2e/node24`. playwright-core is loaded from
 * `.e2e/tools` (it is not a project dependency), so the few Playwright types
 * used here are declared locally and the project's `tsc` stays happy.
 *
 * Environment knobs:
 *   E2E_DIR        root of the setup output (default <repo>/.e2e)
 *   E2E_KEEP_TMP=1 keep .e2e/tmp-* folders (user data, logs) after the run
 *   E2E_HEADED=1   show the browser (needs a display, e.g. xvfb-run)
 *   E2E_DEBUG=1    echo code-server's output
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

// ---------------------------------------------------------------------------
// Paths

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const E2E_DIR = process.env.E2E_DIR ?? path.join(REPO_ROOT, '.e2e');
export const NODE24 = process.env.E2E_NODE ?? path.join(E2E_DIR, 'node24', 'bin', 'node');
export const CODE_SERVER_ENTRY =
  process.env.E2E_CODE_SERVER ?? path.join(E2E_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const PLAYWRIGHT_DIR = process.env.E2E_PLAYWRIGHT ?? path.join(E2E_DIR, 'tools', 'node_modules', 'playwright-core');
export const VSCE = process.env.E2E_VSCE ?? path.join(E2E_DIR, 'tools', 'node_modules', '@vscode', 'vsce', 'vsce');
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');

const debug = process.env.E2E_DEBUG === '1';

function checkSetup(): void {
  for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER_ENTRY], ['playwright-core', PLAYWRIGHT_DIR], ['chromium', CHROMIUM]]) {
    if (!fs.existsSync(p)) throw new Error(`e2e: ${what} not found at ${p}; run: bash scripts/e2e-setup.sh`);
  }
}

// ---------------------------------------------------------------------------
// Minimal Playwright typings (only what the harness uses; the real objects
// have everything - cast to `any` in a test if you need more).

export interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  count(): Promise<number>;
  click(o?: { timeout?: number }): Promise<void>;
  hover(o?: { timeout?: number }): Promise<void>;
  innerText(o?: { timeout?: number }): Promise<string>;
  textContent(o?: { timeout?: number }): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, o?: { timeout?: number }): Promise<string | null>;
  waitFor(o?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  locator(selector: string): Locator;
  filter(o: { hasText?: string | RegExp }): Locator;
}
export interface Keyboard {
  press(key: string, o?: { delay?: number }): Promise<void>;
  type(text: string, o?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}
export interface Mouse {
  move(x: number, y: number, o?: { steps?: number }): Promise<void>;
  click(x: number, y: number): Promise<void>;
}
export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string): Locator;
  first(): FrameLocator;
}
export interface Page {
  frameLocator(selector: string): FrameLocator;
  goto(url: string, o?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: Keyboard;
  mouse: Mouse;
  screenshot(o?: { path?: string; fullPage?: boolean }): Promise<Buffer>;
  // Pass a string expression / function source: the project's tsconfig has
  // no DOM lib, so page-side code is written as strings.
  evaluate<T = unknown>(expression: string): Promise<T>;
  waitForFunction(expression: string, arg?: unknown, o?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'console' | 'pageerror', cb: (x: { text?: () => string; message?: string }) => void): void;
  setDefaultTimeout(ms: number): void;
}
export interface Browser {
  newPage(o?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightModule {
  chromium: { launch(o: { executablePath: string; headless: boolean; args: string[]; timeout?: number }): Promise<Browser> };
}

// ---------------------------------------------------------------------------
// code-server

export interface CodeServerOptions {
  /** Folder to open (absolute path). Created if missing. */
  workspace: string;
  /** `.vsix` file(s) to install before the server starts (the real artefact). */
  vsix?: string | string[];
  /** Extra user settings, merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so the extension host (e.g. a flag for a test-only extension). */
  env?: Record<string, string>;
  /** Milliseconds to wait for the server to answer /healthz (default 60 s). */
  startTimeoutMs?: number;
  /** Extra code-server arguments (e.g. `--locale zh-cn`). */
  args?: string[];
}

/** Settings that keep the workbench quiet and deterministic. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'editor.inlayHints.enabled': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'window.commandCenter': false,
};

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  /** .e2e/tmp-XXXX: holds user-data, extensions, xdg dirs and the log. */
  tmpDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  proc: ChildProcess;
  /** URL of the workbench with `folder` open (default: the workspace). */
  folderUrl(folder?: string): string;
  /** Everything code-server printed so far. */
  log(): string;
  /** Stop the server (whole process group) and, unless E2E_KEEP_TMP=1, delete tmpDir. Idempotent. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function codeServerEnv(tmpDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  env.PATH = `${path.dirname(NODE24)}${path.delimiter}${env.PATH ?? ''}`;
  // Keep code-server away from ~/.config/code-server and ~/.local/share/code-server.
  env.XDG_CONFIG_HOME = path.join(tmpDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(tmpDir, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(tmpDir, 'xdg-cache');
  delete env.NODE_OPTIONS; // tsx's loader must not leak into Node 24
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: opts.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}

/** Create the per-run folders under .e2e/tmp-* and write user settings. */
export function makeCodeServerDirs(settings?: Record<string, unknown>): { tmpDir: string; userDataDir: string; extensionsDir: string } {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(E2E_DIR, 'tmp-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  fs.writeFileSync(path.join(tmpDir, 'config.yaml'), 'auth: none\n');
  return { tmpDir, userDataDir, extensionsDir };
}

/**
 * Install a `.vsix` with `code-server --install-extension` into the given
 * dirs (do it before startCodeServer, or reload the window afterwards).
 */
export async function installExtension(
  dirs: { tmpDir: string; userDataDir: string; extensionsDir: string },
  vsix: string,
): Promise<string> {
  checkSetup();
  if (!fs.existsSync(vsix)) throw new Error(`e2e: vsix not found: ${vsix}`);
  const out = await run(
    NODE24,
    [CODE_SERVER_ENTRY, '--config', path.join(dirs.tmpDir, 'config.yaml'), '--user-data-dir', dirs.userDataDir,
      '--extensions-dir', dirs.extensionsDir, '--force', '--install-extension', path.resolve(vsix)],
    { env: codeServerEnv(dirs.tmpDir), timeoutMs: 120_000 },
  );
  if (!/successfully installed/i.test(out)) throw new Error(`e2e: installing ${vsix} did not report success:\n${out}`);
  return out;
}

/**
 * Start code-server on 127.0.0.1:<free port> with `--auth none`, a fresh
 * user-data-dir and extensions-dir under `.e2e/tmp-*`, installing
 * `opts.vsix` first. Resolves when /healthz answers.
 */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  checkSetup();
  const workspace = path.resolve(opts.workspace);
  fs.mkdirSync(workspace, { recursive: true });
  const dirs = makeCodeServerDirs(opts.settings);
  for (const v of opts.vsix === undefined ? [] : Array.isArray(opts.vsix) ? opts.vsix : [opts.vsix]) {
    await installExtension(dirs, v);
  }
  const port = await freePort();
  const logFile = path.join(dirs.tmpDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const proc = spawn(
    NODE24,
    [CODE_SERVER_ENTRY, '--config', path.join(dirs.tmpDir, 'config.yaml'), '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--ignore-last-opened', ...(opts.args ?? []), workspace],
    // detached: own process group, so stop() can end the extension host and
    // every other child with one signal to -pid.
    { env: codeServerEnv(dirs.tmpDir, opts.env), stdio: ['ignore', logFd, logFd], detached: true },
  );
  fs.closeSync(logFd);
  let exited: number | null | undefined;
  proc.on('exit', (code) => { exited = code; });
  const log = () => { try { return fs.readFileSync(logFile, 'utf8'); } catch { return ''; } };
  let stopped = false;
  const cs: CodeServer = {
    url: `http://127.0.0.1:${port}/`,
    port,
    workspace,
    ...dirs,
    logFile,
    proc,
    folderUrl: (folder = workspace) => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`,
    log,
    async stop() {
      if (stopped) return;
      stopped = true;
      await killGroup(proc);
      if (debug) process.stderr.write(log());
      if (process.env.E2E_KEEP_TMP !== '1') fs.rmSync(dirs.tmpDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) {
      const text = log();
      await cs.stop();
      throw new Error(`e2e: code-server exited (${exited}) during start:\n${text}`);
    }
    try {
      const r = await fetch(`${cs.url}healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      const text = log();
      await cs.stop();
      throw new Error(`e2e: code-server did not answer /healthz in time:\n${text}`);
    }
    await sleep(200);
  }
  return cs;
}

async function killGroup(proc: ChildProcess): Promise<void> {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise<void>((r) => proc.once('exit', () => r()));
  const sig = (s: NodeJS.Signals) => { try { process.kill(-proc.pid!, s); } catch { /* already gone */ } };
  sig('SIGTERM');
  const t = setTimeout(() => sig('SIGKILL'), 5_000);
  let t2: NodeJS.Timeout | undefined;
  await Promise.race([gone, new Promise<void>((r) => { t2 = setTimeout(r, 8_000); })]);
  clearTimeout(t);
  clearTimeout(t2);
  sig('SIGKILL'); // leftovers of the group (extension host, file watcher, ...)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------
// Chromium

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Launch Debian's Chromium (headless unless E2E_HEADED=1) and open one page. */
export async function launchBrowser(o: { width?: number; height?: number } = {}): Promise<{ browser: Browser; page: Page }> {
  checkSetup();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const pw = require(PLAYWRIGHT_DIR) as PlaywrightModule;
  const browser = await pw.chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.E2E_HEADED !== '1',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage({ viewport: { width: o.width ?? 1400, height: o.height ?? 900 } });
    page.setDefaultTimeout(60_000);
    return { browser, page };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Workbench: the VS Code UI in a page

export interface ProblemCounts { errors: number; warnings: number; infos: number }

export class Workbench {
  constructor(public readonly page: Page, public readonly cs: CodeServer) {}

  /** Load the workbench with `folder` open (default: the workspace) and wait until it is usable. */
  async openFolder(folder?: string, timeoutMs = 90_000): Promise<void> {
    await this.page.goto(this.cs.folderUrl(folder), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    // The explorer shows the folder once the remote file system answers.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs })
      .catch(() => undefined); // empty folders have no rows
    await this.dismissNotifications();
  }

  /** Close any toasts (they can cover the status bar or the editor). */
  async dismissNotifications(): Promise<void> {
    const toasts = this.page.locator('.notification-toast .codicon-notifications-clear');
    for (let i = await toasts.count(); i > 0; i--) await toasts.first().click({ timeout: 2_000 }).catch(() => undefined);
  }

  /** Focus the editor area so keyboard shortcuts go to the workbench. */
  private async focusWorkbench(): Promise<void> {
    await this.page.locator('.monaco-workbench').first().waitFor({ state: 'visible' });
  }

  /** Open the quick input with `key` (Ctrl+P: files; F1: commands) and type `text` into it. */
  private async quickInput(key: string, text: string, timeoutMs: number): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press(key);
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.insertText(text);
  }

  /**
   * Open a file by its path relative to the workspace, through Quick Open
   * (Ctrl+P), and wait for its tab to be active.
   */
  async openFile(relPath: string, timeoutMs = 60_000): Promise<void> {
    await this.quickInput('Control+P', relPath, timeoutMs);
    const base = path.basename(relPath);
    // Wait for a result row naming the file, then accept the first one.
    await this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: base }).first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
    await this.waitForTab(base, timeoutMs);
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * Run a command from the command palette by its title as shown there
   * (e.g. "Demo Hello", or "Category: Title" for commands with a category).
   */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    await this.quickInput('F1', title, timeoutMs);
    // Pick the row whose label is exactly the title (rows carry it in aria-label).
    const row = this.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    const rows = this.page.locator('.quick-input-widget .monaco-list-row');
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const label = (await rows.nth(i).locator('.label-name').first().textContent().catch(() => null))?.trim();
      if (label === title) { await rows.nth(i).click(); return; }
    }
    await row.click();
  }

  /** Texts of the visible `.view-line` elements of the active editor, top to bottom (inlay hints included). */
  async viewLines(): Promise<string[]> {
    const js = `(() => {
      const ed = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor')
        || document.querySelector('.monaco-editor');
      if (!ed) return [];
      return [...ed.querySelectorAll('.view-lines .view-line')]
        .map(e => [parseFloat(e.style.top) || 0, e.textContent.replace(/\\u00a0/g, ' ')])
        .sort((a, b) => a[0] - b[0]).map(x => x[1]);
    })()`;
    return this.page.evaluate<string[]>(js);
  }

  /** Wait until some `.view-line` of the active editor contains `text`; returns all lines. */
  async waitForViewLineText(text: string | RegExp, timeoutMs = 60_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let lines: string[] = [];
    for (;;) {
      lines = await this.viewLines();
      if (lines.some((l) => (typeof text === 'string' ? l.includes(text) : text.test(l)))) return lines;
      if (Date.now() > deadline) throw new Error(`e2e: no .view-line contains ${String(text)}; lines:\n${lines.join('\n')}`);
      await sleep(250);
    }
  }

  /** Problem counts from the status bar item (`#status.problems`). */
  async problems(): Promise<ProblemCounts> {
    const item = this.page.locator('[id="status.problems"]').first();
    await item.waitFor({ state: 'visible' });
    const label = `${(await item.getAttribute('aria-label')) ?? ''} ${(await item.locator('a').first().getAttribute('aria-label').catch(() => null)) ?? ''}`;
    const num = (re: RegExp) => Number(re.exec(label)?.[1] ?? 0);
    if (/Errors|Warnings|Infos/i.test(label)) {
      return { errors: num(/Errors?:\s*(\d+)/i), warnings: num(/Warnings?:\s*(\d+)/i), infos: num(/Infos?:\s*(\d+)/i) };
    }
    if (/No Problems/i.test(label)) return { errors: 0, warnings: 0, infos: 0 };
    // Fallback: the visible numbers are errors, warnings[, infos].
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText gives the text as rendered, which is what the user sees.
    const nums = ((await item.innerText()).match(/\d+/g) ?? []).map(Number);
    return { errors: nums[0] ?? 0, warnings: nums[1] ?? 0, infos: nums[2] ?? 0 };
  }

  /** Wait until the status bar shows the given number of errors (and warnings, if given). */
  async waitForProblems(want: Partial<ProblemCounts>, timeoutMs = 60_000): Promise<ProblemCounts> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = await this.problems();
      if (Object.entries(want).every(([k, v]) => got[k as keyof ProblemCounts] === v)) return got;
      if (Date.now() > deadline) throw new Error(`e2e: problems ${JSON.stringify(got)}, wanted ${JSON.stringify(want)}`);
      await sleep(250);
    }
  }

  /**
   * Hover over the first occurrence of `text` in the active editor's visible
   * lines and return the hover widget's text ('' if no hover appeared).
   */
  async hoverText(text: string, timeoutMs = 10_000): Promise<string> {
    const js = `(() => {
      const needle = ${JSON.stringify(text)};
      const ed = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor') || document.querySelector('.monaco-editor');
      for (const line of ed ? ed.querySelectorAll('.view-lines .view-line') : []) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const s = n.nodeValue.replace(/\\u00a0/g, ' ');
          const i = s.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i); r.setEnd(n, i + Math.min(needle.length, 2));
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    })()`;
    const pos = await this.page.evaluate<{ x: number; y: number } | null>(js);
    if (!pos) throw new Error(`e2e: text not visible in the editor: ${text}`);
    return this.hoverAtPoint(pos.x, pos.y, timeoutMs);
  }

  /**
   * Hover at (1-based) line and column: moves the cursor there with Go to Line
   * (Ctrl+G "line:col") and runs "Show or Focus Hover" (Ctrl+K Ctrl+I).
   */
  async hoverAt(line: number, column: number, timeoutMs = 10_000): Promise<string> {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible' });
    await this.page.keyboard.insertText(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await sleep(200);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    return this.readHover(timeoutMs);
  }

  /** Move the mouse to page pixel (x, y) and return the hover widget's text. */
  async hoverAtPoint(x: number, y: number, timeoutMs = 10_000): Promise<string> {
    await this.page.mouse.move(x - 30, y - 30);
    await this.page.mouse.move(x, y, { steps: 5 });
    return this.readHover(timeoutMs);
  }

  private async readHover(timeoutMs: number): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    const deadline = Date.now() + timeoutMs;
    let text = '';
    try {
      await hover.waitFor({ state: 'visible', timeout: timeoutMs });
      // The widget first says "Loading..." while providers answer.
      for (;;) {
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText gives the text as rendered, which is what the user sees.
        text = (await hover.innerText({ timeout: 2_000 }).catch(() => '')).trim();
        if (text && !/^Loading\.\.\.$/.test(text)) return text;
        if (Date.now() > deadline) return text;
        await sleep(200);
      }
    } catch {
      return text;
    }
  }

  /** Labels of the open editor tabs (all groups). */
  async tabs(): Promise<string[]> {
    return (await this.page.locator('.tabs-container .tab .label-name, .tabs-container .tab .monaco-icon-label-container').allTextContents())
      .map((s) => s.trim()).filter(Boolean);
  }

  /** Wait for an editor tab (webview panels included) whose label contains `label`. */
  async waitForTab(label: string, timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.tabs-container .tab').filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * Locator inside the content of the (first visible, or given) webview panel.
   * VS Code nests the page: iframe.webview > iframe#active-frame > your HTML.
   */
  webview(selector = 'body', nth = 0): Locator {
    return this.page.frameLocator(`iframe.webview.ready >> nth=${nth}`).frameLocator('#active-frame').locator(selector);
  }

  /** Text of the webview's `selector` once it is visible (waits up to timeoutMs). */
  async webviewText(selector = 'body', timeoutMs = 60_000, nth = 0): Promise<string> {
    const loc = this.webview(selector, nth).first();
    await loc.waitFor({ state: 'visible', timeout: timeoutMs });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText gives the text as rendered, which is what the user sees.
    return (await loc.innerText()).trim();
  }

  /** Save a PNG of the page. */
  async screenshot(file: string): Promise<string> {
    const p = path.resolve(file);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    await this.page.screenshot({ path: p });
    return p;
  }
}

// ---------------------------------------------------------------------------
// All in one

export interface WithCodeServerOptions extends CodeServerOptions {
  /** Folder to open in the browser (default: workspace). */
  folder?: string;
  /** Where to save a screenshot if `fn` throws (default .e2e/artifacts/failure-<time>.png). */
  failureScreenshot?: string;
  width?: number;
  height?: number;
}

/**
 * Start code-server (installing `vsix`), open Chromium on the workbench with
 * the workspace folder, run `fn`, and always shut everything down. On
 * failure: takes a screenshot, prints the tail of code-server's log, rethrows.
 */
export async function withCodeServer<T>(
  opts: WithCodeServerOptions,
  fn: (wb: Workbench, cs: CodeServer) => Promise<T>,
): Promise<T> {
  const cs = await startCodeServer(opts);
  let browser: Browser | undefined;
  let wb: Workbench | undefined;
  try {
    const b = await launchBrowser({ width: opts.width, height: opts.height });
    browser = b.browser;
    wb = new Workbench(b.page, cs);
    await wb.openFolder(opts.folder);
    return await fn(wb, cs);
  } catch (e) {
    if (wb) {
      const shot = opts.failureScreenshot ?? path.join(ARTIFACTS_DIR, `failure-${Date.now()}.png`);
      await wb.screenshot(shot).then((p) => console.error(`e2e: failure screenshot: ${p}`)).catch(() => undefined);
    }
    const tail = cs.log().split('\n').slice(-40).join('\n');
    console.error(`e2e: code-server log (tail):\n${tail}`);
    throw e;
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    await cs.stop();
  }
}

// ---------------------------------------------------------------------------
// Packaging helper

/**
 * Package the extension in `dir` with @vscode/vsce from `.e2e/tools`
 * (no npm scripts: pass a folder that needs no build step, or build first).
 */
export async function packageVsix(dir: string, outFile: string): Promise<string> {
  if (!fs.existsSync(VSCE)) throw new Error(`e2e: vsce not found at ${VSCE}; run: bash scripts/e2e-setup.sh`);
  await run(process.execPath, [VSCE, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', outFile],
    { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' }, timeoutMs: 120_000 });
  return outFile;
}

export function tmpDir(prefix = 'e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
