# Sourced by run.sh and torture.sh: the lines every results file starts with.
# common_machine_info ROOT LOAD_BEFORE
common_machine_info() {
  echo "- date: $(date -u +'%F %T') UTC; commit $(git -C "$1" rev-parse --short HEAD)"
  echo "- nproc: $(nproc); model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "- java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "- load average before the run: $2"
}
