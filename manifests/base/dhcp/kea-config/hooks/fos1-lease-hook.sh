#!/bin/sh
# Kea run_script hook (libdhcp_run_script.so) for the Fos1 kea sidecar.
#
# Kea runs this once per lease event with the hook point name as $1 and the lease as environment
# variables (LEASE4_*, LEASES6_AT0_*, QUERY4_TYPE, ...). It writes the event to one file in the spool
# directory; the sidecar reads the files in name order and deletes each one once the change is
# durably queued.
#
# Why it looks the way it does:
# - Kea gives the script no PATH (only its own variables), so every command is an absolute path.
# - Kea starts the script without waiting (sync: false) and runs many copies at once: each event gets
#   its own file, written under tmp/ and then renamed into the spool directory. A rename within one
#   file system is atomic, so the sidecar never sees a half-written file.
# - Values are Kea's raw strings (a client-chosen host name may hold any byte but NUL), so the file is
#   `env -0` output: NUL-terminated NAME=VALUE entries, never ambiguous. FOS1_HOOK_POINT carries $1.
# - The name is the nanosecond clock plus the PID: fixed-width digits sort in arrival order until the
#   year 2286, and the PID separates two events started in the same nanosecond.
#
# Configure: edit SPOOL_DIR (must match the sidecar's HookSpool:Directory and be writable by Kea).
# Set FSYNC=0 to trade durability across a power loss for less disk I/O in large bursts.

SPOOL_DIR=/var/lib/kea/fos1-spool
FSYNC=1

case "$1" in
    leases4_committed | lease4_renew | lease4_release | lease4_decline | lease4_expire | lease4_recover | \
    leases6_committed | lease6_renew | lease6_rebind | lease6_release | lease6_decline | lease6_expire | lease6_recover) ;;
    *) exit 0 ;;
esac

[ -d "$SPOOL_DIR/tmp" ] || /bin/mkdir -p "$SPOOL_DIR/tmp" || exit 1

name="$(/bin/date +%s%N)-$$.event"
temp="$SPOOL_DIR/tmp/$name"

FOS1_HOOK_POINT="$1" FOS1_SPOOL_FORMAT=1 /usr/bin/env -0 > "$temp" || { /bin/rm -f "$temp"; exit 1; }
if [ "$FSYNC" = 1 ]; then
    /bin/sync "$temp"
fi
/bin/mv -f "$temp" "$SPOOL_DIR/$name" || { /bin/rm -f "$temp"; exit 1; }
