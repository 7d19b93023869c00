# Sourced by the check scripts: `binary=$(call_lint_binary "${1:-}")` is the call-lint named
# (made absolute, since checks run it from other folders), or a debug build when none is.
call_lint_binary() {
  local root named=$1
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [ -z "$named" ]; then
    (cd "$root" && swift build --product call-lint >/dev/null)
    named="$root/.build/debug/call-lint"
  fi
  echo "$(cd "$(dirname "$named")" && pwd)/$(basename "$named")"
}
