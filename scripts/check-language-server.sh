#!/usr/bin/env bash
# Drives `call-lint server` as editors do: a Python LSP client (pytest-lsp and lsprotocol from
# PyPI, in a throwaway virtualenv) runs scripts/language-server/test_server.py, and Debian's
# Neovim, headless, runs its built-in client (scripts/language-server/neovim_check.sh).
# Usage: scripts/check-language-server.sh [path to call-lint]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/check-setup.sh"
binary=$(call_lint_binary "${1:-}")
scratch_virtualenv "pytest-lsp==1.0.1" "lsprotocol==2025.0.0"
if ! command -v nvim >/dev/null; then
  # Debian's Neovim, for its built-in client (tests may use Debian packages).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >/dev/null
  else
    echo "check-language-server: FAILED: nvim is not installed (apt-get install neovim)" >&2
    exit 1
  fi
fi
CALL_LINT="$binary" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider \
  -o asyncio_default_fixture_loop_scope=function "$root/scripts/language-server/test_server.py"
"$root/scripts/language-server/neovim_check.sh" "$binary"
echo "check-language-server: ok"
