#!/usr/bin/env bash
# ZeroPark's two commands (and a few more). Each one first makes sure the machine has what the
# build needs, so it works the same on a fresh Debian 12 and on a developer's machine.
#
#   ./zeropark.sh run   [SCENARIO] [zeropark run options]       set up, build, simulate, print KPIs
#                       (a .yaml path, or a name in scenarios/: qingdao_olympic_sailing_center, ...)
#   ./zeropark.sh view  [SCENARIO] [zeropark-view options]      set up, build, watch the park live
#   ./zeropark.sh test                                          set up, build, run the whole suite
#   ./zeropark.sh bench                                         set up, build, print benchmark figures
#   ./zeropark.sh setup                                         only install packages and build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="${ZEROPARK_BUILD_DIR:-$here/build}"
jobs="${ZEROPARK_JOBS:-$(nproc)}"

# Debian 12 packages the build, the tests and the trace checks use.
packages=(
  build-essential cmake pkg-config
  libsimgrid-dev libboost-graph-dev libyaml-cpp-dev
  libglpk-dev                                                # the mpc controller's LP solver
  libopenmpi-dev openmpi-bin                                 # distributed sweeps (zeropark-mpi)
  libhdf5-dev hdf5-tools catch2 nlohmann-json3-dev
  python3 python3-h5py python3-pandas python3-numpy
  libimgui-dev libglfw3-dev libstb-dev libgl-dev             # the live view
  xvfb xauth libgl1-mesa-dri python3-matplotlib              # its headless test (Mesa's llvmpipe)
)

# A shipped scenario may be named without its folder and extension.
resolve_scenario() {
  if [ ! -e "$1" ] && [ -f "$here/scenarios/$1.yaml" ]; then echo "$here/scenarios/$1.yaml"; else echo "$1"; fi
}

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "zeropark.sh: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Builds the given targets (all when none). Build chatter goes to stderr: stdout is the KPI table.
build() {
  install_missing_packages
  cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build "$build_dir" -j "$jobs" "${targets[@]}" >&2
}

command="${1:-run}"
[ $# -gt 0 ] && shift
case "$command" in
  setup)
    build ;;
  run)
    build zeropark
    scenario="$here/scenarios/baoshan_carbon_zero_park.yaml"
    if [ $# -gt 0 ] && [[ "$1" != -* ]]; then scenario="$(resolve_scenario "$1")"; shift; fi
    name="$(basename "$scenario" .yaml)"
    mkdir -p "$here/out"
    "$build_dir/sim/zeropark" run "$scenario" -o "$here/out/$name.h5" "$@" ;;
  test)
    build
    # Each Catch2 test case runs as its own process (SimGrid allows one engine per process).
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" ;;
  view)
    build zeropark-view
    scenario="$here/scenarios/baoshan_carbon_zero_park.yaml"
    if [ $# -gt 0 ] && [[ "$1" != -* ]]; then scenario="$(resolve_scenario "$1")"; shift; fi
    "$build_dir/viz/zeropark-view" "$scenario" "$@" ;;
  bench)
    build zeropark_bench
    cmake --build "$build_dir" --target bench ;;
  -h|--help|help)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    echo "zeropark.sh: unknown command '$command' (try: run, view, test, bench, setup, --help)" >&2
    exit 2 ;;
esac
