#!/bin/sh
# Waits for the config sidecar's first avahi-daemon.conf, then keeps avahi running: the sidecar restarts
# avahi with SIGTERM after each change (avahi reloads only service files on SIGHUP, not its configuration),
# avahi exits 0 and this loop starts it again at once with the new file. A non-zero exit (bad configuration,
# no usable interface) ends the container, so the kubelet's restart and back-off apply.
# Runs as a non-root user: --no-drop-root (there is nothing to drop), --no-chroot, --no-rlimits (raising
# limits needs privileges); port 5353 and multicast membership need no capability.
set -u
conf="${AVAHI_CONFIG:-/etc/avahi-fos1/avahi-daemon.conf}"
while [ ! -s "$conf" ]; do
    sleep 1
done
while avahi-daemon -f "$conf" --no-drop-root --no-chroot --no-rlimits; do
    :
done
