/**
 * What a user installs: the CLI is a publishable npm package (`npm install -g
 * perf-eval`, `npx perf-eval textconv` in a finance office's git config), and
 * one "files" list serves both npm and vsce (vsce refuses a .vscodeignore next
 * to it). The release workflow builds the .vsix on a version tag.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { private?: boolean; bin: Record<string, string>; files: string[]; main: string; contributes: Record<string, unknown> };

describe("package (npm and .vsix)", () => {
  it("is publishable, and its files carry the CLI, the server and the extension", () => {
    assert.notEqual(pkg.private, true);
    assert.equal(pkg.bin["perf-eval"], "dist/cli.js");
    for (const f of ["dist/cli.js", "dist/server.js", pkg.main.replace(/^\.\//, ""), "l10n/", "syntaxes/", "language-configuration.json"]) assert.ok(pkg.files.includes(f), f);
    assert.ok(!pkg.files.some((f) => f.endsWith(".map") || f.startsWith("test") || f.startsWith("server/")), "no sources or maps shipped");
    assert.equal(existsSync(join(ROOT, ".vscodeignore")), false, "vsce refuses .vscodeignore together with files");
  });

  it("the release workflow packages the .vsix on a version tag and publishes when tokens are set", () => {
    const wf = readFileSync(join(ROOT, ".github", "workflows", "release.yml"), "utf8");
    assert.match(wf, /tags: \["v\*"\]/);
    assert.match(wf, /npm run package/);
    assert.match(wf, /gh release upload/);
    assert.match(wf, /npm publish/);
    assert.match(wf, /ovsx publish/);
    assert.match(wf, /vsce publish/);
  });
});
