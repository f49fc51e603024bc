#!/usr/bin/env bash
# sign.sh FILE...: Authenticode-signs Windows executables and MSI packages
# in place with osslsigncode (Debian's package), so Windows SmartScreen and
# the installer show the vendor instead of "Unknown publisher".
#
#   SIGN_P12        the vendor's code-signing certificate and key (.p12/.pfx)
#   SIGN_PASS_FILE  a file holding its password (never a command-line word)
#   SIGN_TIMESTAMP  an RFC 3161 timestamp server URL (optional; needs the
#                   network, and keeps signatures valid after the
#                   certificate expires)
set -euo pipefail
: "${SIGN_P12:?SIGN_P12 names the code-signing certificate (.p12)}"
args=(sign -pkcs12 "$SIGN_P12" -n ChannelDesk -i https://github.com/channeldesk -h sha256)
[[ -n ${SIGN_PASS_FILE:-} ]] && args+=(-readpass "$SIGN_PASS_FILE")
[[ -n ${SIGN_TIMESTAMP:-} ]] && args+=(-ts "$SIGN_TIMESTAMP")
for f in "$@"; do
  osslsigncode "${args[@]}" -in "$f" -out "$f.signed" >/dev/null ||
    { rm -f "$f.signed"; echo "sign.sh: could not sign $f" >&2; exit 1; }
  mv "$f.signed" "$f"
  echo "signed $f"
done
