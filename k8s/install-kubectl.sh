#!/usr/bin/env bash
# Makes sure `kubectl` is on PATH for the kustomize test (charts/src/test/.../KustomizeTest).
# Idempotent: does nothing when kubectl is already there. As root it installs Debian's kubectl
# (package kubernetes-client) with apt-get; otherwise it says what to install and fails.
set -euo pipefail

if command -v kubectl >/dev/null 2>&1; then
  exit 0
fi

PACKAGE=kubernetes-client

if [ "$(id -u)" -ne 0 ]; then
  echo "install-kubectl: kubectl is not installed; as root run: apt-get install -y $PACKAGE (Debian's kubectl)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-kubectl: no apt-get here; install kubectl (any version >= 1.20) and rerun" >&2
  exit 1
fi

echo "install-kubectl: installing $PACKAGE with apt-get …"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "$PACKAGE" >/dev/null; then
  # the package lists may be missing or stale on a fresh image
  apt-get update -qq
  apt-get install -y --no-install-recommends "$PACKAGE" >/dev/null
fi
kubectl version --client >/dev/null
echo "install-kubectl: $(command -v kubectl) installed"
