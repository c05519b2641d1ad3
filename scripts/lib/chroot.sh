# SPDX-License-Identifier: GPL-2.0-or-later
# Debian chroots for testing Limes against other QGIS releases (scripts/test-qgis.sh,
# scripts/package.sh). Sourced, not run. A chroot is made once with debootstrap and kept
# under $LIMES_CHROOT_DIR; the packages a build needs are installed inside it by the same
# scripts/lib/common.sh as on a real machine.
LIMES_CHROOT_DIR=${LIMES_CHROOT_DIR:-/var/cache/limes/chroots}

# The Debian mirror this machine's apt already uses (one-line or deb822 sources).
debian_mirror() {
  [ -n "${LIMES_CHROOT_MIRROR:-}" ] && { echo "$LIMES_CHROOT_MIRROR"; return; }
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk '$1 == "deb" && $0 ~ /debian/ && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^(http|https|file):/) { print $i; exit } }')
  [ -n "$uri" ] || uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
    awk '/^URIs:/ && /debian/ && !/security/ { print $2; exit }')
  echo "${uri:-http://deb.debian.org/debian}"
}

chroot_path() { echo "$LIMES_CHROOT_DIR/$1"; }

chroot_prepare() {
  local release=$1 dir tmp
  dir=$(chroot_path "$release")
  if [ ! -x "$dir/bin/bash" ]; then
    command -v debootstrap >/dev/null || {
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
    }
    mkdir -p "$LIMES_CHROOT_DIR"
    # made beside its final place and renamed, so an interrupted debootstrap is never taken for a chroot
    tmp="$dir.partial"
    rm -rf "$tmp"
    echo "limes: debootstrap $release from $(debian_mirror) into $dir"
    debootstrap --variant=minbase "$release" "$tmp" "$(debian_mirror)" >"$LIMES_CHROOT_DIR/debootstrap-$release.log" 2>&1 || {
      tail -20 "$LIMES_CHROOT_DIR/debootstrap-$release.log" >&2
      echo "limes: debootstrap $release failed (log: $LIMES_CHROOT_DIR/debootstrap-$release.log)" >&2
      return 1
    }
    mv "$tmp" "$dir"
  fi
  # services are not started inside the chroot (the tests start their own PostgreSQL) and the
  # PostgreSQL packages need not create a default cluster
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  mkdir -p "$dir/etc/postgresql-common"
  echo "create_main_cluster = false" >"$dir/etc/postgresql-common/createcluster.conf"
  # sid's package snapshot here can carry an expired Release file
  [ "$release" = sid ] && echo 'Acquire::Check-Valid-Until "false";' >"$dir/etc/apt/apt.conf.d/99limes-valid-until"
  cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
  mkdir -p "$dir/limes"
}

chroot_mount() {
  local release=$1 src=$2 dir
  dir=$(chroot_path "$release")
  chroot_umount "$release"
  mount -t proc proc "$dir/proc"
  mount -t sysfs sysfs "$dir/sys"
  mount --rbind /dev "$dir/dev"
  mount --make-rslave "$dir/dev"
  mount --bind "$src" "$dir/limes"
}

chroot_umount() {
  local dir m
  dir=$(chroot_path "$1")
  # deepest first; lazy so that a process that is still ending cannot keep a mount behind;
  # again while any is left (a killed run can leave the same path mounted twice)
  local pass
  for pass in 1 2 3 4 5; do
    m=$(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
    [ -n "$m" ] || return 0
    for m in $m; do
      umount -l "$m" 2>/dev/null || true
    done
  done
}

chroot_run() {
  local release=$1 dir
  shift
  dir=$(chroot_path "$release")
  chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
