#!/usr/bin/env bash
# Drives `call-lint server` from Neovim's built-in LSP client (nvim --headless --clean), as an
# editor would: diagnostics placed where the command line places them past multi-byte text,
# quick fixes and fix-all as --fix writes, a typed fix clearing its finding, hover with the
# rule's page, and a clean exit. The checks are in neovim_check.lua beside this script.
# Needs Neovim 0.7.2 or later (Debian 12: apt-get install -y neovim).
# Usage: scripts/language-server/neovim_check.sh PATH_TO_CALL_LINT
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 PATH_TO_CALL_LINT" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
binary=$1
if [ ! -x "$binary" ] || [ -d "$binary" ]; then
  echo "neovim-check: FAIL: $binary is not an executable" >&2
  exit 1
fi
# Absolute: nvim runs in the scratch folder, and so does the server it starts.
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
if ! command -v nvim >/dev/null; then
  echo "neovim-check: FAIL: nvim not found (on Debian: apt-get install -y neovim)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The server finds its configuration as the command line does, from the document's folder up;
# the expectations come from --isolated runs, so no configuration may apply to the scratch folder.
unset CALL_LINT_CONFIG
folder=$work
while [ "$folder" != / ]; do
  folder=$(dirname "$folder")
  if [ -e "$folder/.call-lint.json" ]; then
    echo "neovim-check: FAIL: $folder/.call-lint.json would configure the server; set TMPDIR elsewhere" >&2
    exit 1
  fi
done

mkdir "$work/xdg"
status=0
# Neovim's own files (the LSP log among them) go to the scratch folder, not to the home folder.
# stdin is /dev/null so that nvim does not wait on, or read, a terminal. The Lua ends nvim
# itself; the cquit after it is reached only if the Lua could not run (a syntax error).
(cd "$work" && NEOVIM_CHECK_BINARY="$binary" NEOVIM_CHECK_DIR="$work" NEOVIM_CHECK_LOG="$work/check.log" \
  XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_STATE_HOME="$work/xdg/state" \
  XDG_CACHE_HOME="$work/xdg/cache" NEOVIM_CHECK_LUA="$here/neovim_check.lua" \
  timeout 60 nvim --headless --clean -c 'lua dofile(os.getenv("NEOVIM_CHECK_LUA"))' -c cquit \
  </dev/null >"$work/nvim.out" 2>&1) || status=$?
cat "$work/check.log" 2>/dev/null || true
if [ "$status" -ne 0 ] || ! tail -n 1 "$work/check.log" 2>/dev/null | grep -q '^neovim-check: ok ('; then
  [ "$status" -eq 124 ] && echo "neovim-check: FAIL: nvim did not finish within 60 s" >&2
  if [ -s "$work/nvim.out" ]; then
    echo "neovim-check: nvim's own output:" >&2
    cat "$work/nvim.out" >&2
    echo >&2
  fi
  # The client's log holds what the server wrote to stderr and any RPC errors.
  for log in "$work"/xdg/cache/nvim/lsp.log "$work"/xdg/state/nvim/lsp.log; do
    if [ -s "$log" ]; then
      echo "neovim-check: the end of $log:" >&2
      tail -n 40 "$log" >&2
    fi
  done
  echo "neovim-check: FAIL (nvim exited $status)" >&2
  exit 1
fi
