#!/usr/bin/env bash
# The differential tests of the phone-number checks against libphonenumber (PyPI phonenumbers
# at the pinned version, in a throwaway virtualenv): see scripts/phone-differential/. The
# differential itself, the pasted forms' rewrites (pasted.py), and the emergency and short
# numbers (short_numbers.py); any of them failing fails the check.
# Usage: scripts/check-phone-numbers.sh [path to call-lint]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/check-setup.sh"
binary=$(call_lint_binary "${1:-}")
version=$(cat "$root/scripts/numbering-plan/PHONENUMBERS_VERSION")
scratch_virtualenv "phonenumbers==$version"
"$work/venv/bin/python" "$root/scripts/phone-differential/differential.py" "$binary"
"$work/venv/bin/python" "$root/scripts/phone-differential/pasted.py" "$binary"
"$work/venv/bin/python" "$root/scripts/phone-differential/short_numbers.py" "$binary"
