#!/usr/bin/env bash
# Installs the sigstore-js clients that testing/clients drives (npm packages pinned in
# testing/clients/node/package.json + package-lock.json) into testing/clients/node/node_modules.
#
# Idempotent and fast when already installed: `npm ci` runs only when node_modules is missing or
# older than the lock file (npm records what it installed in node_modules/.package-lock.json).
# Only the npm registry is contacted. sigstore-java needs no script: Maven resolves it.
#
# Usage: scripts/install-test-clients.sh [--force]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/testing/clients/node"
lock="$dir/package-lock.json"
installed="$dir/node_modules/.package-lock.json"
stamp="$dir/node_modules/.hallmark-installed"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-test-clients: '$tool' is not on PATH (Node.js 20+ and npm are required)" >&2
    exit 1
  fi
done

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "install-test-clients: Node.js $(node --version) is too old; 20 or newer is required" >&2
  exit 1
fi

fresh() {
  [ -f "$stamp" ] && [ -f "$installed" ] || return 1
  # stale if package.json or the lock changed since the last successful install
  [ "$stamp" -nt "$lock" ] && [ "$stamp" -nt "$dir/package.json" ] || return 1
  # and every pinned package is actually there
  node -e '
    const fs = require("fs"), path = require("path");
    const dir = process.argv[1];
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
    for (const [p, meta] of Object.entries(lock.packages)) {
      if (!p) continue;
      const f = path.join(dir, p, "package.json");
      if (!fs.existsSync(f) || JSON.parse(fs.readFileSync(f, "utf8")).version !== meta.version) {
        process.exit(1);
      }
    }' "$dir"
}

if [ "${1:-}" != "--force" ] && fresh; then
  exit 0
fi

echo "install-test-clients: npm ci in $dir"
cd "$dir"
# sigstore-js 5 declares node ^22 in "engines" but runs on Node 20; the warnings are noise.
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
echo "install-test-clients: installed $(node -p 'Object.keys(require("./package.json").dependencies).join(", ")')"
