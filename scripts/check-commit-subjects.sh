#!/usr/bin/env bash
# Commit subjects are at most 72 characters (details go in the body). Checks every commit after
# the last one whose subject was not checked (older history keeps its long subjects).
#   scripts/check-commit-subjects.sh [REV]   (default HEAD)
set -euo pipefail
cd "$(dirname "$0")/.."
since=26bb006  # the last commit before this check existed
rev="${1:-HEAD}"
if ! git rev-parse -q --verify "$since^{commit}" >/dev/null 2>&1; then
  echo "check-commit-subjects: $since is not in this clone (shallow?); skipped"
  exit 0
fi
long="$(git log --format='%h %s' "$since..$rev" | awk '{ s = substr($0, index($0, " ") + 1); if (length(s) > 72) print "  " $0 " (" length(s) " characters)" }')"
if [ -n "$long" ]; then
  echo "check-commit-subjects: subjects over 72 characters (reword them, details in the body):"
  echo "$long"
  exit 1
fi
