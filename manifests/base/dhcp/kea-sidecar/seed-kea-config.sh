#!/bin/sh
# Init step of the kea pod: copies the kea-config ConfigMap into Kea's writable /etc/kea (an emptyDir),
# because the kea sidecar applies DHCPv4Service/DHCPv6Service resources with config-set + config-write
# and Kea must be able to write its own file. A ConfigMap change renames the generated ConfigMap, which
# rolls the pod and re-runs this step, so nothing here needs a subPath mount or a file watch.
#  - /etc/kea/*.conf            what Kea starts with (and config-write replaces)
#  - /etc/kea/templates/*.conf  what the kea sidecar renders from (never written by Kea)
#  - /etc/kea/hooks/fos1-lease-hook.sh  the run_script hook (ConfigMap files are not executable)
# ISC's images are Alpine builds with the hook libraries in /usr/lib/kea/hooks; the kea-config templates
# name Debian's path. @THIS_SERVER_NAME@ (HA overlay) becomes server1 for pod ...-0, server2 for ...-1.
set -eu
umask 0002
src="${KEA_CONFIG_SOURCE:-/etc/fos1/kea-config}"
dst="${KEA_CONFIG_DIR:-/etc/kea}"
hooks_dir="${KEA_HOOKS_DIR:-/usr/lib/kea/hooks}"
ordinal="${POD_NAME##*-}"
case "$ordinal" in
    '' | *[!0-9]*) ordinal=0 ;;
esac
server="server$((ordinal + 1))"

/bin/mkdir -p "$dst/templates" "$dst/hooks"
for file in kea-dhcp4.conf kea-dhcp6.conf kea-ctrl-agent.conf; do
    /bin/sed -e "s#/usr/lib/x86_64-linux-gnu/kea/hooks#$hooks_dir#g" -e "s#@THIS_SERVER_NAME@#$server#g" \
        "$src/$file" > "$dst/templates/$file"
    /bin/cp "$dst/templates/$file" "$dst/$file"
done
/bin/cp "$src/fos1-lease-hook.sh" "$dst/hooks/fos1-lease-hook.sh"
/bin/chmod 0755 "$dst/hooks/fos1-lease-hook.sh"
echo "seeded $dst for $server from $src (hooks in $hooks_dir)"
