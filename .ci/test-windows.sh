#!/usr/bin/env bash
# make test-windows: the Windows build (already cross-compiled into WIN_OUT)
# under Wine, against the Linux build LINUX_BIN on the same data.
#
#   .ci/test-windows.sh build/windows ./channeldesk dist/ChannelDesk-0.1.0-windows-amd64.msi
#
# 1. the command line: version, demo, import partners (a Windows-1251 CSV),
#    export plan --all, export report, backup, check — in a folder whose
#    name has Cyrillic letters and spaces; the PDFs' text and the workbook's
#    sheets and row counts must equal the Linux build's for the same data;
#    the default data folder %AppData%\ChannelDesk; a Russian Windows
#    locale gives the Russian interface (see that step for what Wine
#    allows to prove and how);
# 2. signing with a throwaway certificate (osslsigncode verifies it); the
#    MSI: per-user install (program, Start-menu shortcuts), a newer
#    version replacing it in place, uninstall — the user's data untouched;
# 3. the Windows-only Go tests (assets, data, app/files), built with go test -c;
# 4. the GUI under Xvfb: its window appears (screenshot kept as
#    WIN_OUT/wine-gui.png), Ctrl+O opens the system's own Open dialog
#    (WIN_OUT/wine-open-dialog.png), and Alt+F4 ends it with the lock file
#    removed.
#
# Wine 8 lacks bcryptprimitives.dll!ProcessPrng, which Go >= 1.24 needs; a
# shim built from .ci/wine/bcryptprimitives.c goes into the test prefix's
# system32 (a test harness only: it is never shipped).
# Every failure says what failed and exits 1; nothing is skipped.
set -euo pipefail
out=${1:?usage: test-windows.sh WIN_OUT LINUX_BIN}
linux=$(realpath "${2:?usage: test-windows.sh WIN_OUT LINUX_BIN}")
msi=$(realpath "${3:?usage: test-windows.sh WIN_OUT LINUX_BIN MSI}")
out=$(realpath "$out")
repo=$(realpath "$(dirname "$0")/..")
exe="$out/channeldesk.exe"
cli="$out/channeldesk-cli.exe"
for f in "$exe" "$cli" "$linux"; do
  [[ -x $f || -f $f ]] || { echo "test-windows: FAIL: $f is missing (make build-windows build)" >&2; exit 1; }
done
start=$SECONDS

fail() { echo "test-windows: FAIL: $*" >&2; exit 1; }
step() { echo "== test-windows: $* ($((SECONDS - start)) s)"; }

export WINEPREFIX="$out/wineprefix" WINEARCH=win64 WINEDEBUG=-all
# no Mono or Gecko download prompts; our ProcessPrng shim, not a builtin
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=en
wine=(timeout 300 wine)

step "Wine prefix and the ProcessPrng shim"
if [[ ! -f $WINEPREFIX/system.reg ]]; then
  timeout 600 wineboot -i >/dev/null 2>&1 || fail "wineboot could not create $WINEPREFIX"
  timeout 120 wineserver -w || true
fi
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$out/bcryptprimitives.dll" "$repo/.ci/wine/bcryptprimitives.c" -ladvapi32 ||
  fail "could not build the bcryptprimitives.dll shim"
cp "$out/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"

# All the work in a folder named like a Russian user's, with spaces.
work="$out/wine-run/Данные Ольги"
rm -rf "$out/wine-run"
mkdir -p "$work/win" "$work/linux"
cd "$work"

# wcli ARGS...: the Windows command line; its stdout, a failure message on error.
wcli() {
  local rc=0
  "${wine[@]}" "$cli" "$@" 2>"$work/stderr.txt" | tr -d '\r' || rc=$?
  if ((rc != 0)); then
    cat "$work/stderr.txt" >&2
    fail "channeldesk-cli.exe $* exited with $rc under Wine"
  fi
}

# wintest_build PKG: the Windows test binary of ./PKG, WIN_OUT/PKG-WITH-DASHES.test.exe
wintest_build() {
  # the same settings as the program, so the compiled packages are shared with its build
  (cd "$repo" && GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc go test -c -tags migrated_fynedo -o "$out/${1//\//-}.test.exe" "./$1") ||
    fail "go test -c ./$1 for Windows"
}
# wintest PKG RUN [VAR=VALUE...]: runs the tests matching RUN of PKG's
# Windows test binary under Wine (in the package's folder, with the given
# environment); fails the run unless they pass.
wintest() {
  local pkg=$1 run=$2 name=${1//\//-}
  shift 2
  # the binary's own exit status is not used: see .ci/wine/gotest-verdict.awk
  (cd "$repo/$pkg" && env "$@" "${wine[@]}" "$out/$name.test.exe" -test.run "$run" -test.count=1 -test.v 2>&1 | tr -d '\r') \
    >"$out/$name.test.txt" || true
  awk -f "$repo/.ci/wine/gotest-verdict.awk" "$out/$name.test.txt" ||
    { cat "$out/$name.test.txt"; fail "Windows Go tests in ./$pkg (-run '$run' $*), output above"; }
}

step "version"
want=$("$linux" version)
got=$(wcli version)
[[ $got == "$want" ]] || fail "version: Windows says '$got', Linux says '$want'"

step "demo"
wcli demo --db "win/channeldesk.db" --partners 12 >/dev/null
[[ -s win/channeldesk.db ]] || fail "demo wrote no database"
[[ ! -e win/channeldesk.db.lock ]] || fail "demo left win/channeldesk.db.lock behind (lock file must go on a clean exit)"
cp win/channeldesk.db linux/channeldesk.db

step "import partners from a Windows-1251 CSV"
csv="$repo/app/importer/testdata/ru-excel-1251.csv"
"$linux" import partners "$csv" --skip-invalid --db linux/channeldesk.db >linux/import.txt ||
  fail "the Linux build could not import $csv"
wcli import partners "$csv" --skip-invalid --db "win/channeldesk.db" >win/import.txt
diff -u linux/import.txt win/import.txt || fail "import partners reports differ (Linux -, Windows +)"

step "a Russian Windows locale"
# What decides the language on Windows: with no LANG, LC_* or LANGUAGE in
# the program's environment (a real Windows has none), the Windows user
# locale, GetUserDefaultLocaleName, which Fyne's go-locale reads. Wine 8
# sets a process's Windows locale when the process starts, from that
# process's own Unix locale (LC_ALL, else LC_MESSAGES, else LANG; Wine's
# dlls/ntdll/unix/env.c, init_locale); it writes HKCU\Control Panel\
# International from it but never reads it back, and the Windows
# environment a program sees is that same Unix environment (an empty
# value under HKCU\Environment does not remove a variable). So under Wine
# a whole program cannot be started with a Russian Windows locale and no
# LANG. Proven here instead, and each part fails the run:
#  1. channeldesk-cli.exe under a Russian Windows locale says what the
#     Linux build says in Russian;
#  2. inside a Windows test binary whose Windows locale is ru-RU (en-US) —
#     it checks GetUserDefaultLocaleName says so — with LANG, LC_* and
#     LANGUAGE removed from its environment, the interface language the
#     program starts with is ru (en): TestWindowsLocaleDecidesLanguage-
#     WithoutLANG in ./assets. It also checks Fyne's lang.SystemLocale.
# Wine needs the Unix locale to exist.
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
  localedef -i ru_RU -f UTF-8 ru_RU.UTF-8 2>/dev/null ||
    fail "no ru_RU.UTF-8 locale and localedef could not make it (run as root, package locales)"
fi
ru_env=(env LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 LANGUAGE=)
cp win/channeldesk.db ru.db
"${ru_env[@]}" "${wine[@]}" "$cli" import partners "$csv" --dry-run --skip-invalid --db ru.db 2>&1 |
  tr -d '\r' >win/import-ru.txt || fail "channeldesk-cli.exe under a Russian Windows locale failed: $(cat win/import-ru.txt)"
"${ru_env[@]}" "$linux" import partners "$csv" --dry-run --skip-invalid --db ru.db >linux/import-ru.txt 2>&1 ||
  fail "the Linux build could not dry-run $csv in Russian"
grep -qP '\p{Cyrillic}' linux/import-ru.txt || fail "the Linux build's Russian output has no Russian in it: $(head -3 linux/import-ru.txt)"
diff -u linux/import-ru.txt win/import-ru.txt ||
  fail "under a Russian Windows locale the Windows build does not say what the Linux build says in Russian (Linux -, Windows +)"
wintest_build assets
wintest assets WindowsLocale LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 LANGUAGE= CD_WANT_WINDOWS_LOCALE=ru-RU
wintest assets WindowsLocale LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= CD_WANT_WINDOWS_LOCALE=en-US
echo "   ru-RU gives the Russian interface, en-US the English one, with no LANG in the program's environment"

step "export plan --all, export report"
"$linux" export plan --all --out linux/plans --db linux/channeldesk.db >/dev/null
"$linux" export report --out linux/report.xlsx --db linux/channeldesk.db >/dev/null
mkdir -p win/plans
wcli export plan --all --out "win/plans" --db "win/channeldesk.db" >/dev/null
wcli export report --out "win/report.xlsx" --db "win/channeldesk.db" >/dev/null
diff <(cd linux/plans && ls) <(cd win/plans && ls) || fail "export plan --all wrote other files on Windows"
n=0
for pdf in linux/plans/*.pdf; do
  name=$(basename "$pdf")
  diff -u <(pdftotext -layout "$pdf" -) <(pdftotext -layout "win/plans/$name" -) ||
    fail "plan PDF '$name': text differs (Linux -, Windows +)"
  n=$((n + 1))
done
((n > 0)) || fail "export plan --all wrote no PDF"
diff -u <(go run "$repo/.ci/xlsxsum" linux/report.xlsx) <(go run "$repo/.ci/xlsxsum" win/report.xlsx) ||
  fail "report workbook: sheets or row counts differ (Linux -, Windows +)"
echo "   $n plan PDFs and the report workbook match the Linux build's"

step "backup and check"
wcli backup --out "win/backup copy.db" --db "win/channeldesk.db" >/dev/null
[[ -s "win/backup copy.db" ]] || fail "backup wrote nothing"
wcli check --db "win/backup copy.db" >/dev/null
wcli check --db "win/channeldesk.db" >/dev/null

step "the default data folder, %AppData%\\ChannelDesk"
# Wine sets %AppData% from its prefix and ignores the variable from outside,
# so a Cyrillic profile with a space is tested by the Windows Go test
# TestDefaultDBPathWindowsCyrillicProfile (./app/files) below.
unixdata="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/ChannelDesk"
mkdir -p "$unixdata"
cp win/channeldesk.db "$unixdata/channeldesk.db"
wcli check >/dev/null
wcli backup --out "win/from-appdata.db" >/dev/null
[[ -s win/from-appdata.db ]] || fail "backup from %AppData%\\ChannelDesk wrote nothing"
[[ ! -e $unixdata/channeldesk.db.lock ]] || fail "check left the lock file in %AppData%\\ChannelDesk"

step "signing: the programs and the MSI take an Authenticode signature"
# A throwaway certificate stands in for the vendor's (make package-windows
# SIGN_P12=...); osslsigncode must verify what packaging/windows/sign.sh made.
sig="$out/sign-test"
rm -rf "$sig" && mkdir -p "$sig"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$sig/key.pem" -out "$sig/cert.pem" -days 2 \
  -subj "/CN=ChannelDesk test signing/O=ChannelDesk" -addext "extendedKeyUsage=codeSigning" 2>/dev/null ||
  fail "openssl could not make a test certificate"
echo "test-only" >"$sig/pass"
openssl pkcs12 -export -inkey "$sig/key.pem" -in "$sig/cert.pem" -out "$sig/cert.p12" -passout "file:$sig/pass" ||
  fail "openssl could not make the .p12"
cp "$cli" "$msi" "$sig/"
SIGN_P12="$sig/cert.p12" SIGN_PASS_FILE="$sig/pass" "$repo/packaging/windows/sign.sh" "$sig/$(basename "$cli")" "$sig/$(basename "$msi")" >/dev/null ||
  fail "packaging/windows/sign.sh could not sign"
for f in "$sig/$(basename "$cli")" "$sig/$(basename "$msi")"; do
  osslsigncode verify -CAfile "$sig/cert.pem" -in "$f" >"$sig/verify.txt" 2>&1 ||
    { cat "$sig/verify.txt"; fail "the signature of $(basename "$f") does not verify"; }
done
got=$("${wine[@]}" "$sig/$(basename "$cli")" version | tr -d '\r')
[[ $got == "$("$linux" version)" ]] || fail "the signed channeldesk-cli.exe says '$got'"
echo "   channeldesk-cli.exe and the MSI signed and verified; the signed program runs"

step "the MSI: install for this user, upgrade in place, uninstall; data kept"
cd "$repo"
profile="$WINEPREFIX/drive_c/users/$(id -un)"
programs="$profile/AppData/Local/Programs/ChannelDesk"
menu="$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
data="$profile/AppData/Roaming/ChannelDesk"
mkdir -p "$data"
cp "$work/win/channeldesk.db" "$data/channeldesk.db"
sum=$(sha256sum <"$data/channeldesk.db")
products() { # the installed ChannelDesk versions, one a line
  local k
  for k in $(wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null | tr -d '\r' | grep '{'); do
    wine reg query "$k" 2>/dev/null | tr -d '\r' | grep -q 'DisplayName.*ChannelDesk' &&
      wine reg query "$k" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $3}'
  done
  return 0
}
# a run stopped half-way can leave a newer test version installed in the
# reused prefix, which would refuse this one: take it out first
for k in $(wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null | tr -d '\r' | grep '{'); do
  if wine reg query "$k" 2>/dev/null | tr -d '\r' | grep -q 'DisplayName.*ChannelDesk'; then
    echo "   removing ChannelDesk $(wine reg query "$k" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $3}') left in the prefix by an earlier run"
    "${wine[@]}" msiexec /x "${k##*\\}" /qn || fail "could not remove the ChannelDesk an earlier run left installed (${k##*\\})"
  fi
done
[[ -z $(products) ]] || fail "ChannelDesk is still installed in the test prefix: $(products)"
"${wine[@]}" msiexec /i "$msi" /qn || fail "msiexec /i $(basename "$msi") failed"
for f in "$programs/channeldesk.exe" "$programs/channeldesk-cli.exe" "$menu/ChannelDesk.lnk" "$menu/Uninstall ChannelDesk.lnk"; do
  [[ -f $f ]] || fail "the MSI did not install ${f#"$profile"/}"
done
got=$("${wine[@]}" "$programs/channeldesk-cli.exe" version | tr -d '\r')
[[ $got == "$("$linux" version)" ]] || fail "the installed channeldesk-cli.exe says '$got'"
# the same programs as a later version: must replace, not sit beside
wixl -a x64 -D Version=99.0.0 -D Bin="$(realpath --relative-to=. "$out")" -o "$out/upgrade-test.msi" packaging/windows/channeldesk.wxs 2>/dev/null ||
  fail "wixl could not build the upgrade test package"
"${wine[@]}" msiexec /i "$out/upgrade-test.msi" /qn || fail "msiexec /i of a newer version failed"
installed=$(products | tr '\n' ' ')
[[ $installed == "99.0.0 " ]] || fail "after the upgrade the installed versions are '$installed', want only 99.0.0"
[[ $(sha256sum <"$data/channeldesk.db") == "$sum" ]] || fail "the upgrade changed the user's database"
"${wine[@]}" msiexec /x "$out/upgrade-test.msi" /qn || fail "msiexec /x failed"
[[ ! -e $programs/channeldesk.exe && ! -e $menu/ChannelDesk.lnk ]] || fail "uninstall left the program or its shortcut"
[[ -z $(products) ]] || fail "uninstall left ChannelDesk registered: $(products)"
[[ $(sha256sum <"$data/channeldesk.db") == "$sum" ]] || fail "uninstall touched %AppData%\\ChannelDesk\\channeldesk.db"
echo "   installed per user, upgraded in place, uninstalled; %AppData%\\ChannelDesk\\channeldesk.db unchanged"

step "Windows-only Go tests (go test -c, GOOS=windows) under Wine"
cd "$repo"
for spec in "data:Lock|SecondInstance|CloseLeaves|Replace|Windows" "app/files:DefaultDBPath|WriteFileAtomic|FileHeldOpen|Windows"; do
  pkg=${spec%%:*}
  wintest_build "$pkg"
  wintest "$pkg" "${spec#*:}"
done

step "the GUI under Xvfb + Wine"
cd "$work"
disp=":$((200 + RANDOM % 300))"
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
gui=""
cleanup() {
  [[ -n $gui ]] && kill "$gui" 2>/dev/null
  kill "$xvfb" 2>/dev/null
  wineserver -k 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$disp
sleep 1
"${wine[@]}" "$exe" --db "win/channeldesk.db" >"$out/wine-gui.log" 2>&1 &
gui=$!
win=""
for _ in $(seq 120); do
  win=$(xdotool search --onlyvisible --name '^ChannelDesk' 2>/dev/null | head -1) && [[ -n $win ]] && break
  kill -0 "$gui" 2>/dev/null || { cat "$out/wine-gui.log"; fail "channeldesk.exe ended before a window appeared"; }
  sleep 1
done
[[ -n $win ]] || { cat "$out/wine-gui.log"; fail "no ChannelDesk window within 120 s"; }
sleep 5 # let it draw the dashboard
xwininfo -id "$win" | grep -E 'xwininfo|Width|Height' | sed 's/^/   /'
import -display "$disp" -window root "$out/wine-gui.png" || fail "could not take the screenshot"
echo "   screenshot: $out/wine-gui.png"
[[ -e win/channeldesk.db.lock ]] || fail "the running GUI holds no lock file"
# File › Open database (Ctrl+O) must bring up the system's own Open dialog
# (comdlg32, a window of its own titled "Open"), not Fyne's dialog drawn
# inside ChannelDesk's window; Escape closes it and the app goes on.
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
xdotool key --window "$win" ctrl+o
dlg=""
for _ in $(seq 30); do
  dlg=$(xdotool search --onlyvisible --name '^Open$' 2>/dev/null | head -1) && [[ -n $dlg ]] && break
  sleep 1
done
[[ -n $dlg ]] || { import -display "$disp" -window root "$out/wine-open-dialog.png" || true
  fail "Ctrl+O showed no system Open dialog within 30 s (screen: $out/wine-open-dialog.png)"; }
sleep 2
import -display "$disp" -window root "$out/wine-open-dialog.png" || fail "could not take the screenshot"
echo "   the system's Open dialog appeared: $out/wine-open-dialog.png"
xdotool windowactivate --sync "$dlg" 2>/dev/null || xdotool windowfocus "$dlg"
xdotool key --window "$dlg" Escape
for _ in $(seq 15); do xdotool search --onlyvisible --name '^Open$' >/dev/null 2>&1 || break; sleep 1; done
if xdotool search --onlyvisible --name '^Open$' >/dev/null 2>&1; then fail "Escape did not close the system Open dialog"; fi
kill -0 "$gui" 2>/dev/null || fail "channeldesk.exe ended after its Open dialog was cancelled: $(cat "$out/wine-gui.log")"
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
xdotool key --window "$win" alt+F4
for _ in $(seq 30); do kill -0 "$gui" 2>/dev/null || break; sleep 1; done
if kill -0 "$gui" 2>/dev/null; then fail "Alt+F4 did not end channeldesk.exe"; fi
wait "$gui" || fail "channeldesk.exe exited with an error after Alt+F4: $(cat "$out/wine-gui.log")"
gui=""
[[ ! -e win/channeldesk.db.lock ]] || fail "the lock file stayed after the GUI closed cleanly"

step "passed"
