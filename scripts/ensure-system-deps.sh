#!/usr/bin/env bash
# The test suite needs two things npm cannot install: Java 17+ (DynamoDB Local is the official jar)
# and Chromium (browser end-to-end tests). Install them from Debian's packages when missing and we
# are allowed to; otherwise say exactly what to install.
set -euo pipefail

missing=()
java_major=$( (java -version 2>&1 || true) | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
if [ -z "${java_major}" ] || [ "${java_major}" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them, e.g. on Debian/Ubuntu: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
