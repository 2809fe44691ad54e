#!/usr/bin/env python3
# Counts GTest cases from meson's JSON test log: each TAP "ok"/"not ok"
# line is one case; a test program without TAP output counts as one.
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        result = test.get("result", "")
        tap = [l for l in test.get("stdout", "").splitlines()
               if re.match(r"^(not )?ok \d+", l)]
        if not tap:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
            continue
        for l in tap:
            if l.startswith("not ok"):
                if "# TODO" in l:
                    skipped += 1
                else:
                    failed += 1
            elif "# SKIP" in l:
                skipped += 1
            else:
                passed += 1
        # A program that crashed after some cases passed still failed.
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(l.startswith("not ok") for l in tap):
            failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
