#!/bin/sh
# Takes a screenshot of a devmsan HTML report with headless Chromium, to look at the lifecycle
# pictures without a desktop (and to keep docs/img/ current).
#
#   scripts/html-screenshot.sh <report.html> <out.png> [width [height]]
#
# Needs Debian's chromium package (apt-get install -y chromium). The report loads nothing from
# the network; the flags below keep Chromium itself offline and quiet too. Chromium's stderr
# (dbus noise on headless machines) is dropped; the exit code and the PNG are what count.
set -eu

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
    echo "usage: $0 <report.html> <out.png> [width [height]]  (default 1400 x 1000)" >&2
    exit 2
fi
html=$1
png=$2
width=${3:-1400}
height=${4:-1000}

if [ ! -f "$html" ]; then
    echo "$0: $html is not a file; expected an HTML report such as target/devmsan/devmsan.html" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "$0: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png_abs=$(mkdir -p "$(dirname "$png")" && cd "$(dirname "$png")" && pwd)/$(basename "$png")
rm -f "$png_abs"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$png_abs" "file://$html_abs" 2>/dev/null >/dev/null

if [ ! -s "$png_abs" ]; then
    echo "$0: chromium wrote no screenshot to $png_abs" >&2
    exit 1
fi
echo "$png_abs"
