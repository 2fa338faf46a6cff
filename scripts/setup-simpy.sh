#!/usr/bin/env bash
# Installs SimPy for the bench's SimPy reference (bench/reference/simpy_pipeline.py, section 6 of
# `npm run bench`). PyPI is not reachable on the reference machine, so this takes Debian's
# python3-simpy3 (SimPy 3.0.11: env.process, env.timeout and simpy.Resource as in SimPy 4), which
# lands in /usr/bin/python3's dist-packages; the bench tries `python3`, then /usr/bin/python3.
# Idempotent; exits 0 with a reason when it may not install (not root, no apt-get), 1 when apt-get
# fails: either way the bench then prints its SimPy rows as skipped. Never run by CI or the tests.
set -euo pipefail
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c 'import simpy; simpy.Environment' 2>/dev/null; then
    echo "setup-simpy: $py already imports simpy $("$py" -c 'import simpy; print(simpy.__version__)')"
    exit 0
  fi
done
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "setup-simpy: not root or no apt-get: simpy not installed; the bench's SimPy rows will say skipped"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-simpy3 >/dev/null; }; then
  echo "setup-simpy: apt-get could not install python3-simpy3 (no package lists or no network?)" >&2
  exit 1
fi
echo "setup-simpy: installed python3-simpy3 ($(/usr/bin/python3 -c 'import simpy; print(simpy.__version__)') for /usr/bin/python3)"
