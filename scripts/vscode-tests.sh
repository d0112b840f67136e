#!/usr/bin/env bash
# scripts/vscode-tests.sh — the extension in a real VS Code (issue 8), offline.
#
#   scripts/vscode-tests.sh            install what is missing, then tier 1, then tier 2
#   scripts/vscode-tests.sh install    only the (cached, idempotent) code-server install
#   scripts/vscode-tests.sh tier1      only tier 1 (install first if needed)
#   scripts/vscode-tests.sh tier2      only tier 2 (install first if needed)
#
# Tier 1: extension tests inside VS Code — code-server's workbench loaded by headless Chromium
#         with a payload (extensionDevelopmentPath = repo root, extensionTestsPath =
#         test/vscode/suite/index.js); the suite uses the real `vscode` API.
# Tier 2: UI tests — the .vsix from `npm run package` installed into code-server, driven with
#         playwright-core + Debian's chromium (English UI, then Chinese UI via a language-pack stub).
#
# Network: Debian apt + the npm registry only.  Servers bind 127.0.0.1 only.
# Cache:   $ZH_VSCODE_CACHE (default <repo>/.cache/code-server, gitignored): code-server +
#          playwright-core from test/vscode/package-lock.json, rebuilt only when that lock file,
#          the Node version or this installer changes.
# Output:  test-results/*.png (screenshots), test-results/vscode-*.json, logs in test-results/vscode-logs/
#          last line: "vscode: N passed, M failed"; exit status 0 iff M = 0 and nothing crashed.
#
# Env:     ZH_SEEDS (default <repo>/../shared/seeds)   ZH_VSIX (skip `npm run package`, use this file)
#          ZH_EXT_DIR (extension under test for tier 1, default <repo>)   ZH_NO_BUILD=1 (skip npm run build)
#          ZH_NO_APT=1 (never call apt-get)   ZH_VSCODE_TIMEOUT (seconds per tier, default 600)
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TV="$ROOT/test/vscode"
CACHE=${ZH_VSCODE_CACHE:-$ROOT/.cache/code-server}
SEEDS=${ZH_SEEDS:-$ROOT/../shared/seeds}
RESULTS="$ROOT/test-results"
LOGS="$RESULTS/vscode-logs"
MODE=${1:-all}
START=$(date +%s)
phase() { echo "=== [vscode +$(( $(date +%s) - START ))s] $*"; }
die() { echo "vscode-tests: $*" >&2; echo "vscode: 0 passed, 1 failed"; exit 1; }

mkdir -p "$RESULTS" "$LOGS" "$(dirname "$CACHE")"
# one run per cache at a time (the install replaces $CACHE, the tiers clean $CACHE/tmp)
exec 9>"$CACHE.lock"
flock -w 900 9 || die "another vscode-tests run holds $CACHE.lock"

# ------------------------------------------------------------------------------------------
# 0. Debian packages (normally already installed by .ci/run; installed here if missing)
#    build-essential python3 pkg-config: node-gyp   libkrb5-dev: `kerberos` native module
#    ripgrep: replaces the rg @vscode/ripgrep would fetch from GitHub   chromium: the browser
#    fonts-wqy-microhei: CJK glyphs in screenshots
# ------------------------------------------------------------------------------------------
APT_PKGS="build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-wqy-microhei"
ensure_apt() {
  local missing=()
  for p in $APT_PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "${ZH_NO_APT:-0}" = 1 ] || [ "$(id -u)" != 0 ]; then
    die "missing Debian packages: ${missing[*]} (apt-get install -y --no-install-recommends ${missing[*]})"
  fi
  phase "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >"$LOGS/apt.log" 2>&1 || {
    apt-get update >>"$LOGS/apt.log" 2>&1
    apt-get install -y --no-install-recommends "${missing[@]}" >>"$LOGS/apt.log" 2>&1
  } || die "apt-get install failed, see $LOGS/apt.log"
}

# ------------------------------------------------------------------------------------------
# 1. code-server 4.100.x (VS Code 1.100; needs Node 20) + playwright-core into $CACHE.
#    code-server's postinstall would download ripgrep/argon2/headers from GitHub/nodejs.org,
#    so it is replaced by hand (see ../shared/recipes/code-server.md).
# ------------------------------------------------------------------------------------------
cache_key() {
  { cat "$TV/package.json" "$TV/package-lock.json" "$TV/install.sh"; node -v; uname -m; } \
    | sha256sum | cut -c1-16
}
install_ok() {
  [ -f "$CACHE/.installed" ] && [ "$(cat "$CACHE/.installed")" = "$(cache_key)" ] \
    && [ -f "$CACHE/node_modules/code-server/out/node/entry.js" ] \
    && [ -x "$CACHE/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    && [ -f "$CACHE/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]
}
install_code_server() {
  case "$(node -v)" in v20.*) ;; *) die "code-server 4.100.x needs Node 20, found $(node -v)";; esac
  [ -f /usr/include/node/node_api.h ] || [ -n "${npm_config_nodedir:-}" ] \
    || die "Node headers missing (/usr/include/node); set npm_config_nodedir"
  if install_ok; then phase "code-server cached in $CACHE"; return 0; fi
  phase "installing code-server into $CACHE (log: $LOGS/install.log)"
  local log="$LOGS/install.log" t0; t0=$(date +%s)
  rm -rf "$CACHE" && mkdir -p "$CACHE" || die "cannot create $CACHE"
  bash "$TV/install.sh" "$CACHE" >"$log" 2>&1 || { tail -30 "$log" >&2; die "code-server install failed, see $log"; }
  cache_key >"$CACHE/.installed"
  phase "code-server installed in $(( $(date +%s) - t0 ))s: $(node "$CACHE/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | head -1)"
}

ensure_apt
install_code_server
[ "$MODE" = install ] && { echo "vscode: install ok"; exit 0; }
[ -d "$SEEDS" ] || die "seeds not found: $SEEDS"

rm -rf "$CACHE/tmp"      # temp dirs / sockets left by killed runs
export ZH_ROOT="$ROOT" ZH_CACHE="$CACHE" ZH_SEEDS="$SEEDS" ZH_RESULTS="$RESULTS" ZH_LOGS="$LOGS"
TIMEOUT=${ZH_VSCODE_TIMEOUT:-600}
crashed=0 rc1=skip rc2=skip
rm -f "$RESULTS"/vscode-tier1.json "$RESULTS"/vscode-tier2.json

# ------------------------------------------------------------------------------------------
# 2. Tier 1: tests inside VS Code against the extension's development folder
# ------------------------------------------------------------------------------------------
if [ "$MODE" = all ] || [ "$MODE" = tier1 ]; then
  EXT_DIR=${ZH_EXT_DIR:-$ROOT}
  if [ "${ZH_NO_BUILD:-0}" != 1 ] && [ "$EXT_DIR" = "$ROOT" ]; then
    phase "npm run build"
    (cd "$ROOT" && npm run build) >"$LOGS/build.log" 2>&1 || { tail -20 "$LOGS/build.log" >&2; echo "vscode-tests: npm run build failed (counted as a failure)" >&2; crashed=$((crashed+1)); }
  fi
  phase "tier 1: extension tests inside VS Code"
  ZH_EXT_DIR="$EXT_DIR" timeout -k 10 "$TIMEOUT" node "$TV/tier1.mjs"
  rc1=$?
fi

# ------------------------------------------------------------------------------------------
# 3. Tier 2: UI tests on the installed .vsix
# ------------------------------------------------------------------------------------------
if [ "$MODE" = all ] || [ "$MODE" = tier2 ]; then
  VSIX=${ZH_VSIX:-}
  if [ -z "$VSIX" ]; then
    phase "npm run package"
    VSIX="$ROOT/dist/zh-article.vsix"
    rm -f "$VSIX"
    (cd "$ROOT" && npm run package) >"$LOGS/package.log" 2>&1 || { tail -20 "$LOGS/package.log" >&2; echo "vscode-tests: npm run package failed" >&2; }
  fi
  if [ -f "$VSIX" ]; then
    phase "tier 2: UI tests on $(basename "$VSIX")"
    ZH_VSIX="$VSIX" timeout -k 10 "$TIMEOUT" node "$TV/tier2.mjs"
    rc2=$?
  else
    echo "vscode-tests: no VSIX at $VSIX — tier 2 not run" >&2; crashed=$((crashed+1))
  fi
fi

# ------------------------------------------------------------------------------------------
# 4. Summary
# ------------------------------------------------------------------------------------------
# per tier: passed/failed tests from its JSON; a harness error, a missing JSON or a non-zero exit
# without any failed test (crash, timeout) counts as one more failure
read -r passed failed < <(node -e '
  const fs = require("fs"); let p = 0, f = 0;
  for (const [t, rc] of [["tier1", process.argv[2]], ["tier2", process.argv[3]]]) {
    if (rc === "skip") continue;
    const file = process.argv[1] + "/vscode-" + t + ".json";
    let d = { tests: [], error: "no results file" };
    try { d = JSON.parse(fs.readFileSync(file, "utf8")); } catch {}
    const pt = d.tests.filter(x => x.ok).length, ft = d.tests.length - pt + (d.error ? 1 : 0);
    p += pt; f += ft;
    if (rc !== "0" && ft === 0) { f++; console.error(t + ": exit " + rc + " without a failed test (crash/timeout?)"); }
  }
  console.log(p, f);' "$RESULTS" "$rc1" "$rc2")
failed=$((failed + crashed))
phase "done"
echo "vscode: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
