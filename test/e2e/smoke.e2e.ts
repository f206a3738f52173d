/**
 * Smoke test of the e2e harness (not part of `npm test`: mocha's spec glob is
 * test/**\/*.test.ts). Run after `bash scripts/e2e-setup.sh`:
 *
 *   node -r tsx/cjs test/e2e/smoke.e2e.ts
 *
 * It generates a throwaway extension (language `demo` for `.demo` files, an
 * inlay hint `→ 42` at the end of every line, a hover, an error diagnostic on
 * lines containing "bad", and a command "Demo Hello" opening a webview),
 * packages it with vsce, installs the .vsix into code-server and checks what
 * the workbench shows. Screenshot: .e2e/artifacts/smoke.png
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR, packageVsix, tmpDir, withCodeServer } from './harness';

const EXTENSION_JS = `
const vscode = require('vscode');
exports.activate = function (context) {
  context.subscriptions.push(vscode.languages.registerInlayHintsProvider({ language: 'demo' }, {
    provideInlayHints(doc, range) {
      const hints = [];
      for (let i = range.start.line; i <= range.end.line && i < doc.lineCount; i++) {
        const line = doc.lineAt(i);
        if (line.isEmptyOrWhitespace) continue;
        const h = new vscode.InlayHint(line.range.end, '→ 42', vscode.InlayHintKind.Type);
        h.paddingLeft = true;
        hints.push(h);
      }
      return hints;
    },
  }));
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'demo' }, {
    provideHover(doc, pos) {
      const r = doc.getWordRangeAtPosition(pos);
      if (r) return new vscode.Hover('Demo hover: ' + doc.getText(r));
    },
  }));
  const diags = vscode.languages.createDiagnosticCollection('demo');
  context.subscriptions.push(diags);
  const check = (doc) => {
    if (doc.languageId !== 'demo') return;
    const out = [];
    for (let i = 0; i < doc.lineCount; i++) {
      const c = doc.lineAt(i).text.indexOf('bad');
      if (c >= 0) out.push(new vscode.Diagnostic(new vscode.Range(i, c, i, c + 3), 'bad is bad', vscode.DiagnosticSeverity.Error));
    }
    diags.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument(e => check(e.document)));
  context.subscriptions.push(vscode.commands.registerCommand('demo.hello', () => {
    const panel = vscode.window.createWebviewPanel('demoHello', 'Demo Panel 你好', vscode.ViewColumn.Beside, {});
    panel.webview.html = '<!DOCTYPE html><html><body><h1>Hello 绩效自评</h1></body></html>';
  }));
};
exports.deactivate = function () {};
`;

function writeDemoExtension(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'demo-e2e',
    displayName: 'Demo e2e',
    description: 'Throwaway extension for the e2e harness smoke test',
    version: '0.0.1',
    publisher: 'perf-eval-test',
    license: 'MIT',
    engines: { vscode: '^1.80.0' },
    main: './extension.js',
    activationEvents: ['onLanguage:demo'],
    contributes: {
      languages: [{ id: 'demo', extensions: ['.demo'], aliases: ['Demo'] }],
      commands: [{ command: 'demo.hello', title: 'Demo Hello' }],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), EXTENSION_JS);
  fs.writeFileSync(path.join(dir, 'README.md'), '# demo-e2e\n\nThrowaway extension for the e2e smoke test.\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const lap = (what: string) => console.log(`  ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const work = tmpDir('perf-eval-e2e-');
  try {
    const extDir = path.join(work, 'ext');
    writeDemoExtension(extDir);
    const vsix = await packageVsix(extDir, path.join(work, 'demo-e2e-0.0.1.vsix'));
    lap('packaged vsix');

    const ws = path.join(work, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'hello.demo'), '第一行 hello world\nsecond line is bad\n绩效自评 第三行\n');

    await withCodeServer({ vsix, workspace: ws }, async (wb) => {
      lap('code-server up, workbench loaded');
      await wb.openFile('hello.demo');
      const lines = await wb.waitForViewLineText('→ 42');
      lap('file open, hint shown');
      console.log('  view lines:', JSON.stringify(lines));
      assert.equal(lines.filter((l) => l.includes('→ 42')).length, 3, 'one hint per non-empty line');
      assert.ok(lines[0].startsWith('第一行 hello world'), lines[0]);

      const problems = await wb.waitForProblems({ errors: 1 });
      assert.deepEqual(problems, { errors: 1, warnings: 0, infos: 0 });
      lap('problems read');

      const hover = await wb.hoverText('hello');
      assert.match(hover, /Demo hover: hello/);
      const hover2 = await wb.hoverAt(2, 9);
      assert.match(hover2, /Demo hover: line/);
      lap('hovers read');

      await wb.runCommand('Demo Hello');
      await wb.waitForTab('Demo Panel 你好');
      assert.ok((await wb.tabs()).some((t) => t.includes('Demo Panel 你好')), 'webview tab present');
      lap('command ran, webview tab shown');

      assert.match(await wb.webviewText('h1'), /Hello 绩效自评/);
      lap('webview content read');
      const shot = await wb.screenshot(path.join(ARTIFACTS_DIR, 'smoke.png'));
      console.log(`  screenshot: ${shot}`);
    });
    lap('all shut down');
    console.log('smoke.e2e: 1 passed, 0 failed');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  console.log('smoke.e2e: 0 passed, 1 failed');
  process.exit(1);
});
