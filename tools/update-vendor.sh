#!/usr/bin/env bash
# Refreshes the npm packages vendored into the function runtime's built-in modules
# (src/EdgeNode/Runtime/Scripts/vendor/<package>/) from package.json + package-lock.json next to them.
# The build never needs the network: the copied files are committed. Run this after changing the
# versions in package.json (then `npm install --package-lock-only` there) or to check the copies:
# `git diff` after running it shows any difference from what the lock file pins.
set -euo pipefail
cd "$(dirname "$0")/.."
vendor=src/EdgeNode/Runtime/Scripts/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$vendor/package.json" "$vendor/package-lock.json" "$work/"
# npm ci installs exactly what the lock file records and checks each package's integrity hash.
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund)

# package -> the files the runtime loads (plus LICENSE and package.json, kept for provenance)
declare -A files=(
  [buffer]="index.js"
  [base64-js]="index.js"
  [ieee754]="index.js"
  [events]="events.js"
  [path-browserify]="index.js"
)
for package in "${!files[@]}"; do
  rm -rf "${vendor:?}/$package"
  mkdir -p "$vendor/$package"
  for file in ${files[$package]} LICENSE package.json; do
    cp "$work/node_modules/$package/$file" "$vendor/$package/$file"
  done
done
echo "vendored: $(cd "$vendor" && ls -d */ | tr -d / | tr '\n' ' ')"
