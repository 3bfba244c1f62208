#!/usr/bin/env bash
# Creates the Secrets the platform (k8s/overlays/*) and the chart (charts/esop) reference but never
# contain: one database login per service and for Keycloak, the Redis password, the workbench's OIDC
# client secret. Random values; an existing Secret is left untouched, so reruns are safe.
#   k8s/create-secrets.sh NAMESPACE
# ESOP_WEB_CLIENT_SECRET: the secret of Keycloak client esop-web; when unset a random one is made and
# must then be set on the client in Keycloak (docs/deploy.md, step 4).
set -euo pipefail

NAMESPACE="${1:?usage: k8s/create-secrets.sh NAMESPACE}"

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }
exists() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }

# CloudNativePG managed roles want basic-auth Secrets whose username is the role, labelled for reload.
for role in customer opportunity order sla workbench keycloak; do
  name="esop-$role-db"
  if exists "$name"; then echo "kept    $name"; continue; fi
  kubectl -n "$NAMESPACE" create secret generic "$name" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(random)" >/dev/null
  kubectl -n "$NAMESPACE" label secret "$name" cnpg.io/reload=true app.kubernetes.io/part-of=esop-platform >/dev/null
  echo "created $name"
done

if exists esop-redis; then echo "kept    esop-redis"; else
  kubectl -n "$NAMESPACE" create secret generic esop-redis --from-literal=password="$(random)" >/dev/null
  echo "created esop-redis"
fi

if exists esop-workbench-oidc; then echo "kept    esop-workbench-oidc"; else
  secret="${ESOP_WEB_CLIENT_SECRET:-$(random)}"
  kubectl -n "$NAMESPACE" create secret generic esop-workbench-oidc --from-literal=client-secret="$secret" >/dev/null
  echo "created esop-workbench-oidc${ESOP_WEB_CLIENT_SECRET:+ (from ESOP_WEB_CLIENT_SECRET)}"
  [ -n "${ESOP_WEB_CLIENT_SECRET:-}" ] || echo "        set the same value as the secret of client esop-web in Keycloak (docs/deploy.md)"
fi
