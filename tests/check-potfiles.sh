#!/usr/bin/env bash
# Every source or .ui file with a translatable message is in po/POTFILES.in,
# and every file listed there exists: otherwise its messages would silently
# never reach translators.
set -u
cd "${1:-.}" || exit 2
status=0
while IFS= read -r f; do
  grep -qxF "$f" po/POTFILES.in || { echo "$f: has translatable messages but is not in po/POTFILES.in"; status=1; }
done < <(grep -rlE '(^|[^A-Za-z0-9_])N?_\(|translatable="yes"' src ui --include='*.c' --include='*.ui' | sort)
while IFS= read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -f "$f" ] || { echo "po/POTFILES.in: $f does not exist"; status=1; }
done < po/POTFILES.in
exit $status
