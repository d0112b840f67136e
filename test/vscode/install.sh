#!/usr/bin/env bash
# test/vscode/install.sh CACHE_DIR — install code-server + playwright-core (versions from
# test/vscode/package-lock.json) into CACHE_DIR without any download except the npm registry.
# Called by scripts/vscode-tests.sh (which handles caching); runs with -e: any failing step fails.
#
# code-server's own postinstall.sh would fetch ripgrep from GitHub and node headers from
# nodejs.org, so its steps are done by hand (see ../shared/recipes/code-server.md):
#   npm ci --ignore-scripts; argon2 from source; lib/vscode deps without scripts; Debian's rg as
#   @vscode/ripgrep/bin/rg; npm rebuild (all native modules, node-gyp against /usr/include/node);
#   the symlinks postinstall.sh makes; the built-in extensions' deps.
set -euo pipefail
CACHE=$1
HERE=$(cd "$(dirname "$0")" && pwd)

export npm_config_nodedir=${npm_config_nodedir:-/usr}   # node-gyp: never fetch headers
export npm_config_yes=true          # node-pty's install script runs `npx node-gyp …` (npm registry)
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_progress=false

step() { echo "## $(date +%T) $*"; }

cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/"
cd "$CACHE"
step "npm ci --ignore-scripts (code-server, playwright-core)"
npm ci --ignore-scripts

# code-server's only top-level native dependency; its install script (node-pre-gyp) tries
# GitHub first.  (Allowed in test/vscode/package.json's allowScripts.)
step "argon2 from source"
npm rebuild argon2 --build-from-source --foreground-scripts

cd node_modules/code-server/lib/vscode
step "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts

# ripgrep from Debian; @vscode/ripgrep's postinstall exits early ("bin/ folder already exists")
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

# npm 11 runs dependency install scripts only when allowed in package.json's allowScripts.
# This package.json is the cache's copy inside code-server, not the product's.
step "lib/vscode: allowScripts for the native modules"
node -e '
  const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.allowScripts = Object.fromEntries(["kerberos", "@vscode/spdlog", "@vscode/deviceid",
    "native-watchdog", "node-pty", "@parcel/watcher", "@vscode/ripgrep",
    "@vscode/windows-process-tree", "@vscode/windows-registry"].map(n => [n, true]));
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");'
step "lib/vscode: npm rebuild (native modules)"
npm rebuild --foreground-scripts

# the symlinks code-server's postinstall.sh makes
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)

step "built-in extensions: npm install --omit=dev"
(cd extensions && npm install --omit=dev)

step "sanity checks"
for m in kerberos @vscode/spdlog native-watchdog node-pty @parcel/watcher @vscode/deviceid; do
  node -e "require('$m')"
  echo "loads: $m"
done
for f in kerberos/build/Release/kerberos.node @vscode/spdlog/build/Release/spdlog.node \
         node-pty/build/Release/pty.node native-watchdog/build/Release/watchdog.node; do
  test -f "node_modules/$f" || { echo "missing native build: $f"; exit 1; }
done
node -e 'const {rgPath}=require("@vscode/ripgrep"); console.log(require("child_process").execFileSync(rgPath,["--version"]).toString().split("\n")[0])'
cd "$CACHE"
node -e 'require("argon2"); require("playwright-core"); console.log("loads: argon2, playwright-core")'
node node_modules/code-server/out/node/entry.js --version
step "done"
