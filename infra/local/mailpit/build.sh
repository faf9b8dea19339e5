#!/usr/bin/env bash
# Builds Mailpit (the local stack's mail server) from its Go module, with its web UI.
#
#   build.sh VERSION OUTPUT   (called by stack.sh fetch; GOMODCACHE, GOCACHE and NPM_CACHE set)
#
# The published module leaves out the built web UI (server/ui/dist): a plain `go build` still
# compiles (`//go:embed ui` finds the icons) and the API works, but the UI page is blank. So the
# UI is built first from the module's own sources (esbuild), as Mailpit's release build does.
# Its package-lock.json cannot be used: it pins versions the registry here does not serve
# (sass-embedded 1.108.1, rapidoc 12). npm resolves the module's package.json instead, less the
# tools the UI build does not run (lint, browser tests), with rapidoc (the API docs page) at 9.x.
# When the UI does not build, the binary is built without it and OUTPUT.no-ui says so.
set -euo pipefail

VERSION=$1
OUTPUT=$2
log() { printf '[stack] %s\n' "$*" >&2; }

module=$(cd "$(dirname "$OUTPUT")" && go mod download -json "github.com/axllent/mailpit@$VERSION" |
  sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
[[ -d $module ]] || { log "error: cannot download the Mailpit module $VERSION"; exit 1; }

src="$(dirname "$OUTPUT")/src"
rm -rf "$src" && cp -r "$module" "$src" && chmod -R u+w "$src"
rm -f "$OUTPUT.no-ui"

build_ui() {
  (
    cd "$src"
    rm -f package-lock.json
    node -e '
      const fs = require("fs");
      const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
      const used = ["esbuild", "esbuild-plugin-vue-next", "esbuild-sass-plugin", "@vue/compiler-sfc"];
      for (const name of Object.keys(pkg.devDependencies)) if (!used.includes(name)) delete pkg.devDependencies[name];
      delete pkg.overrides; // for eslint only
      pkg.dependencies.rapidoc = "^9.3.8";
      fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
    '
    # No install scripts: esbuild and sass-embedded find their platform packages without them.
    npm install --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error \
      --cache "$NPM_CACHE" >npm-install.log 2>&1 || { tail -n 20 npm-install.log; exit 1; }
    npm run build >npm-build.log 2>&1 || { tail -n 20 npm-build.log; exit 1; }
    [[ -s server/ui/dist/app.js ]]
  ) >&2
}

if build_ui; then
  log "built Mailpit's web UI"
else
  log "warning: Mailpit's web UI did not build (see above); building the API alone"
  touch "$OUTPUT.no-ui.pending"
fi
(cd "$src" && CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$VERSION" -o "$OUTPUT.tmp" .) >&2
rm -rf "$src" # the npm packages stay in NPM_CACHE, the Go ones in GOMODCACHE
[[ -f $OUTPUT.no-ui.pending ]] && mv "$OUTPUT.no-ui.pending" "$OUTPUT.no-ui"
mv "$OUTPUT.tmp" "$OUTPUT"
