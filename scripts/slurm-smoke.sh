#!/usr/bin/env bash
# Smoke test of `splitsim sweep --shard auto` under a real Slurm: installs Debian's slurm-wlm,
# starts a one-node cluster (munged, slurmctld, slurmd on this host), submits a 4-task
# `sbatch --array` sweep, merges the shards and checks that the merged results.jsonl is byte for
# byte the one a local run of the same grid writes. Needs root (apt-get, daemons) and a Debian-like
# system; CI does not run it. Run from anywhere: scripts/slurm-smoke.sh [work-folder]
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/splitsim-slurm-XXXXXX)}
mkdir -p "$WORK"
SPLITSIM=(node --import tsx "$REPO/src/cli/main.ts")
# 2 schedulers x 3 traces x 4 seeds = 24 runs, small enough for a smoke test.
GRID=(sweep "$REPO/scenarios/quickstart.yaml" --scheduler device-only,neurosurgeon
  --trace "up=$REPO/traces/*.{csv,up}" --seeds 1..4
  --set workload.requests=500 --set workload.warmupRequests=50 --set links.up.offsetS=random)
step() { printf '\n== %s\n' "$*"; }

step "install Slurm and munge from the distribution"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
slurmctld -V

step "configure a one-node cluster on $(hostname -s)"
HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge /etc/munge
cat > /etc/slurm/slurm.conf <<EOF
ClusterName=splitsim-smoke
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=smoke Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
# The plugin is autodetected (v1 or v2); proctrack and task plugins do not use cgroups here.
echo "CgroupAutomount=yes" > /etc/slurm/cgroup.conf
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
chown -R munge:munge /etc/munge /run/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key

step "start munged, slurmctld and slurmd"
STARTED=()
stop_daemons() {
  # Only the daemons this script started, by the pids they wrote.
  for pidfile in "${STARTED[@]}"; do [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
}
trap stop_daemons EXIT
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- munged --force && STARTED+=(/run/munge/munged.pid)
fi
munge -n | unmunge >/dev/null && echo "munge works"
slurmctld && STARTED+=(/run/slurmctld.pid)
slurmd && STARTED+=(/run/slurmd.pid)
for _ in $(seq 1 30); do sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' && break; sleep 1; done
sinfo
if ! sinfo -h -o '%T' | grep -qE '^(idle|mixed)'; then
  echo "the node did not come up; the end of slurmd's log:"; tail -5 /var/log/slurm/slurmd.log; exit 1
fi

step "submit the sweep as a 4-task array (one shard each, --shard auto)"
cat > "$WORK/sweep.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=splitsim-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --output=$WORK/slurm-%A_%a.out
cd "$REPO"
exec ${SPLITSIM[*]} ${GRID[*]@Q} --shard auto --workers 1 --out "$WORK/shard-\$SLURM_ARRAY_TASK_ID"
EOF
JOB=$(sbatch --parsable "$WORK/sweep.sbatch")
echo "submitted array job $JOB"
for _ in $(seq 1 600); do [ -z "$(squeue -h -j "$JOB" 2>/dev/null)" ] && break; sleep 1; done
squeue -h -j "$JOB" | grep -q . && { echo "the array did not finish in 10 minutes"; exit 1; }
for f in "$WORK"/slurm-"$JOB"_*.out; do echo "-- $(basename "$f")"; cat "$f"; done

step "merge the shards and run the same grid locally"
"${SPLITSIM[@]}" merge "$WORK"/shard-{0,1,2,3} --out "$WORK/merged"
"${SPLITSIM[@]}" "${GRID[@]}" --workers 2 --out "$WORK/local" 2> "$WORK/local.log"; tail -1 "$WORK/local.log"

step "compare"
wc -l < "$WORK/merged/results.jsonl" | xargs echo "merged runs:"
if cmp "$WORK/merged/results.jsonl" "$WORK/local/results.jsonl" && cmp "$WORK/merged/summary.csv" "$WORK/local/summary.csv"; then
  echo "OK: the merged Slurm array results equal the local run, byte for byte ($WORK)"
else
  echo "FAILED: the merged results differ from the local run ($WORK)"
  exit 1
fi
