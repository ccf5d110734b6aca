#!/bin/sh
# Copies kea-config/ and corefile-templates/ into the kustomize bases that generate ConfigMaps from them.
# kustomize refuses files outside a kustomization's root (and resolves symlinks before checking), so the
# bases carry copies; tests/Fos1.Manifests.Tests fails when a copy differs from its source.
# Run from anywhere: manifests/sync-config.sh
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"

sync_dir() {
    src="$1"; dst="$2"; shift 2
    rm -rf "$dst"
    mkdir -p "$dst"
    for file in "$@"; do
        mkdir -p "$dst/$(dirname "$file")"
        cp "$src/$file" "$dst/$file"
    done
}

sync_dir "$root/kea-config" "$root/manifests/base/dhcp/kea-config" \
    kea-dhcp4.conf kea-dhcp6.conf kea-ctrl-agent.conf hooks/fos1-lease-hook.sh
sync_dir "$root/corefile-templates" "$root/manifests/base/dns/corefile-templates" \
    server.tmpl process.tmpl root.tmpl zone-grpc.tmpl zone-secondary.tmpl zone-file.tmpl
echo "synced kea-config/ and corefile-templates/ into manifests/base"
