# Sourced by the check scripts, for what each of them sets up the same way.

# `binary=$(call_lint_binary "${1:-}")`: the call-lint named (made absolute, since checks run it
# from other folders), or a debug build when none is.
call_lint_binary() {
  local root named=$1
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [ -z "$named" ]; then
    (cd "$root" && swift build --product call-lint >/dev/null)
    named="$root/.build/debug/call-lint"
  fi
  echo "$(cd "$(dirname "$named")" && pwd)/$(basename "$named")"
}

# `scratch_virtualenv PACKAGE...`: a folder `$work`, removed when the script exits, holding a
# virtualenv `$work/venv` with the packages from PyPI installed.
scratch_virtualenv() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check "$@"
}
