#!/usr/bin/env bash
# Installs Debian's NetworkX for the export tests that open our GraphML and GEXF with NetworkX's
# own readers (tests/unit/export/graph-tools.test.ts). Debian's package because CI reaches the
# Debian mirrors but no Python package index. Does nothing when a python3 with networkx is there.
set -euo pipefail
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null && "$python" -c 'import networkx' 2>/dev/null; then
    echo "networkx: $("$python" -c 'import networkx; print(networkx.__version__)') ($python)"
    exit 0
  fi
done
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y python3-networkx
/usr/bin/python3 -c 'import networkx; print("networkx:", networkx.__version__)'
