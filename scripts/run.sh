#!/usr/bin/env bash
# Install what is missing and start Netralitas Desktop from this checkout (Debian/Ubuntu).
#
#   bash scripts/run.sh                          # the window, on the default SQLite file
#   bash scripts/run.sh --db sqlite:///acara.db  # the window, on another database
#   bash scripts/run.sh event list               # any command of the command line
#
# Safe to run again: it only installs what is missing. As root it apt-get installs the
# Qt runtime libraries; without a screen (no DISPLAY / WAYLAND_DISPLAY) the window runs
# on a virtual screen (Xvfb).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.netralitas-installed"

# Libraries the Qt "xcb" and "wayland" platform plugins of PySide6 load (checked with ldd).
QT_PACKAGES=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libpulse0
  libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0
  libxcb-render0 libxcb-util1 libwayland-cursor0 libwayland-egl1
)

say() { printf '%s\n' "$*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

have_apt() { command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# Debian 13 renamed some libraries (libglib2.0-0 -> libglib2.0-0t64); use the name apt knows.
apt_name() {
  if apt-cache show "$1" >/dev/null 2>&1; then echo "$1"
  elif apt-cache show "${1}t64" >/dev/null 2>&1; then echo "${1}t64"
  else echo "$1"
  fi
}

APT_UPDATED=0
apt_install() {
  local wanted=() name
  for name in "$@"; do
    is_installed "$name" || is_installed "${name}t64" || wanted+=("$name")
  done
  [ "${#wanted[@]}" -eq 0 ] && return 0
  if ! is_root; then
    say "Paket sistem belum terpasang: ${wanted[*]}"
    say "Pasang sebagai root: sudo apt-get install ${wanted[*]}"
    return 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "Memperbarui daftar paket (apt-get update)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  local resolved=()
  for name in "${wanted[@]}"; do resolved+=("$(apt_name "$name")"); done
  say "Memasang paket sistem: ${resolved[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${resolved[@]}" \
    >/dev/null 2> >(grep -v '^debconf:' >&2)
}

# The first python3.X (3.11 or newer) that can create a venv.
find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  if [ -x "$VENV/bin/python" ]; then
    return 0
  fi
  local python
  if ! python="$(find_python)"; then
    if have_apt && is_root; then
      apt_install python3 python3-venv
      python="$(find_python)" || { say "Python 3.11 atau lebih baru tidak tersedia di sistem ini."; exit 1; }
    else
      say "Perlu Python 3.11 atau lebih baru dengan modul venv (Debian: apt-get install python3 python3-venv)."
      exit 1
    fi
  fi
  say "Membuat lingkungan Python di $VENV ($("$python" --version))…"
  "$python" -m venv "$VENV"
}

# pip runs again only when pyproject.toml changed since the last successful install,
# so a second start is quick and works offline.
ensure_package() {
  local wanted
  wanted="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ] && [ -x "$VENV/bin/netralitas" ]; then
    return 0
  fi
  say "Memasang Netralitas Desktop dan pustakanya ke $VENV (perlu internet)…"
  if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT"; then
    if [ -x "$VENV/bin/netralitas" ]; then  # offline, but an earlier install is there
      say "Pemasangan gagal (tidak ada internet?); memakai versi yang sudah terpasang."
      return 0
    fi
    say "Pemasangan gagal; periksa sambungan internet lalu jalankan lagi."
    exit 1
  fi
  echo "$wanted" >"$STAMP"
}

opens_window() {
  "$VENV/bin/python" - "$@" >/dev/null 2>&1 <<'PY'
import sys
from netralitas_desktop.cli import opens_gui
sys.exit(0 if opens_gui(sys.argv[1:]) else 1)
PY
}

if have_apt; then
  apt_install "${QT_PACKAGES[@]}" || say "Lanjut tanpa pustaka di atas; jendela aplikasi mungkin gagal dibuka."
fi
ensure_venv
ensure_package

if ! opens_window "$@"; then
  exec "$VENV/bin/netralitas" "$@"   # a command of the command line: no screen needed
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$VENV/bin/netralitas" "$@"
fi

if ! command -v xvfb-run >/dev/null 2>&1 && have_apt; then
  apt_install xvfb xauth || true
fi
if command -v xvfb-run >/dev/null 2>&1; then
  say "Layar tidak ditemukan (DISPLAY dan WAYLAND_DISPLAY kosong): jendela aplikasi berjalan di layar virtual (Xvfb) dan tidak terlihat."
  exec xvfb-run -a -s "-screen 0 1366x768x24" "$VENV/bin/netralitas" "$@"
fi
say "Layar tidak ditemukan dan Xvfb tidak tersedia: aplikasi berjalan tanpa tampilan (QT_QPA_PLATFORM=offscreen)."
QT_QPA_PLATFORM=offscreen exec "$VENV/bin/netralitas" "$@"
