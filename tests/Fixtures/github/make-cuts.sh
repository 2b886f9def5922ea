#!/usr/bin/env bash
# Re-makes the checked-in cuts of GitHub's OpenAPI descriptions: the operations of spec/actions.yaml, with their
# $ref closure, from the npm package @octokit/openapi (installed into a cache folder, not into the repository).
#   tests/Fixtures/github/make-cuts.sh            # ACTIONSGEN_NPM_CACHE overrides ~/.cache/actionsgen/npm
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="${ACTIONSGEN_NPM_CACHE:-$HOME/.cache/actionsgen/npm}"

# Installs @octokit/openapi@<version> once into its own cache folder and prints that folder.
install() {
  local dir="$cache/octokit-openapi-$1"
  if [ ! -f "$dir/node_modules/@octokit/openapi/package.json" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "@octokit/openapi@$1" >&2
  fi
  echo "$dir/node_modules/@octokit/openapi"
}

ids="$(mktemp)"
trap 'rm -f "$ids"' EXIT
grep -E '^\s*operationId:' "$root/spec/actions.yaml" | sed -E 's/^\s*operationId:\s*//' > "$ids"

# cut <version> <file in the package> <output name>
cut() {
  local package
  package="$(install "$1")"
  node "$here/cut.mjs" "$package/$2" "$ids" "$here/$3" "npm @octokit/openapi@$1, $2"
}

cut 23.0.2 generated/api.github.com.json api.github.com.actions.json
cut 14.0.0 generated/ghes-3.8.json ghes-3.8.actions.json
