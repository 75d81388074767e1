#!/usr/bin/env bash
# The project's one test command: installs what the suite needs (idempotently), checks the code
# (ruff format, ruff lint, mypy; see static_checks), then runs pytest.
#   bash scripts/test.sh [pytest arguments…]
# Works from any directory on a fresh Debian machine (as root, or with sudo); exit code = pytest's,
# or 1 when a check fails (pytest does not run then).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages: PostgreSQL server for the PostgreSQL tests, pdftoppm for PDF checks, LibreOffice
# Calc to prove the XLSX exports open outside Excel, Chromium to open the certificate verification
# site as a visitor's browser would, Xvfb for the real-client desk test and screenshots, xdotool to
# type into it as a USB scanner does, ImageMagick's import for its screenshots, and the shared
# libraries Qt (PySide6) loads on the offscreen and xcb platforms.
APT_PACKAGES=(
    postgresql poppler-utils xvfb xdotool imagemagick fonts-dejavu-core libreoffice-calc-nogui chromium
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libpulse0
    libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-util1
    libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "test.sh: memasang paket Debian: $*" >&2
    export DEBIAN_FRONTEND=noninteractive
    local log
    log="$(mktemp)"
    # Package lists are refreshed only when something is missing: they may be absent or stale.
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "test.sh: apt-get gagal memasang: $*" >&2
        return 1
    fi
    rm -f "$log"
}

install_debian_packages() {
    command -v dpkg-query >/dev/null || return 0  # not Debian: the caller provides the packages
    local missing=() package
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

python_for_venv() {
    local candidate
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

create_venv() {
    [ -x .venv/bin/python ] && return 0
    local python
    if ! python="$(python_for_venv)"; then
        apt_install python3 python3-venv
        python="$(python_for_venv)" || { echo "test.sh: Python 3.11 atau lebih baru tidak ditemukan." >&2; return 1; }
    fi
    if ! "$python" -m venv .venv >/dev/null 2>&1; then
        rm -rf .venv  # Debian's own Python keeps venv in a separate package
        apt_install python3-venv
        "$python" -m venv .venv
    fi
}

install_python_packages() {
    # Reinstall only when pyproject.toml changed since the last install into this venv.
    local stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
    [ -f "$stamp" ] && return 0
    # The build backend's warnings go to a log; it is shown only when the install fails.
    if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]" >.venv/pip-install.log 2>&1; then
        cat .venv/pip-install.log >&2
        echo "test.sh: pip install gagal (lihat di atas)." >&2
        return 1
    fi
    rm -f .venv/.installed-*
    touch "$stamp"
}

# The parts that are clean stay clean: formatting and lint of the app, its tests, the benchmarks
# and these scripts, and mypy as configured in pyproject.toml (core/ under --strict).
LINTED=(netralitas_desktop tests bench scripts)

static_checks() {
    local failed=0
    .venv/bin/ruff format --check --quiet "${LINTED[@]}" \
        || { echo "test.sh: format berbeda; jalankan: .venv/bin/ruff format ${LINTED[*]}" >&2; failed=1; }
    .venv/bin/ruff check --quiet "${LINTED[@]}" \
        || { echo "test.sh: ruff check menemukan masalah (lihat di atas)." >&2; failed=1; }
    .venv/bin/mypy \
        || { echo "test.sh: mypy menemukan kesalahan tipe (lihat di atas)." >&2; failed=1; }
    return "$failed"
}

install_debian_packages
create_venv
install_python_packages
static_checks

export QT_QPA_PLATFORM=offscreen
exec .venv/bin/pytest "$@"
