#!/usr/bin/env bash
# The hosting-scale benchmark (issues 6 and 16): on two generated trees of FILES files, the
# default profile and the trap-heavy one (`gen_corpus --profile traps`: shipping notes,
# addresses and payment guides naming 제주 and 안심클릭 as often as real Korean shops), in one run,
#   - `check` against ripgrep searching the card's literals (UTF-8 and EUC-KR bytes), both trees,
#   - `check -j1` against `check -j2`, both trees, beside `rg -j1` against `rg -j2` and a job
#     of pure arithmetic run once against two copies at once (what two threads can give at best),
#   - the fixed cost of a run (`check` of an empty folder, beside `--version`),
#   - peak RSS of `check --format json` (GNU time), on the tree and on a million files made of
#     hard-linked copies of it (COPIES),
#   - `fix --write` against `check` on fresh copies of the tree,
#   - hostile pages (issue 12) of each kind at 1, 2 and 4 MB (HOSTILE_SIZES), check and fix.
# Prints a Markdown report (also saved as target/bench/report.md) for BENCHMARKS.md.
#
# Usage: benches/run.sh [FILES] [SEED]     (default: 100000 files, seed 1)
#
# With BEFORE=REV (a commit of this repository), the release binary of REV is built in a
# worktree under target/bench/ and timed beside this one on both trees, in the same hyperfine
# runs, so a change's before and after come from one run on one machine.
# The tree is generated into target/bench/ (never committed) and reused while FILES and SEED
# stay the same. Needs hyperfine, ripgrep and GNU time; installs them with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

files=${1:-100000}
seed=${2:-1}
work=target/bench
tree=$work/corpus-$files-$seed
traps_tree=$work/traps-$files-$seed
copy=$work/copy
mkdir -p "$work"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ "${#need[@]}" -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --locked --bin kspay-migrate --example gen_corpus
tool=target/release/kspay-migrate
before_tool=
if [ -n "${BEFORE:-}" ]; then
    before_src=$work/before-src
    rm -rf "$before_src"
    git worktree prune
    git worktree add --detach "$before_src" "$BEFORE" >&2
    cargo build --release --locked --bin kspay-migrate \
        --manifest-path "$before_src/Cargo.toml" --target-dir "$work/before-target"
    before_tool=$work/before-target/release/kspay-migrate
    git worktree remove --force "$before_src"
fi
if [ ! -d "$tree" ]; then
    target/release/examples/gen_corpus --files "$files" --seed "$seed" "$tree"
fi
# The generator's count of files naming 제주 and 안심클릭 is kept beside its tree (a tree of another
# size or seed has its own); it is written when the generator is done, so a tree without it is
# unfinished and made again.
traps_rates=$traps_tree-rates.txt
if [ ! -d "$traps_tree" ] || [ ! -f "$traps_rates" ]; then
    rm -rf "$traps_tree"
    target/release/examples/gen_corpus --profile traps --files "$files" --seed "$seed" "$traps_tree" \
        | tee "$traps_rates.part"
    mv "$traps_rates.part" "$traps_rates"
fi

# What a hoster would script: the card's names as raw bytes, UTF-8 and EUC-KR (제주 is
# C1 A6 C1 D6 there), every file including binaries and hidden ones, names of matching files.
rg_search="rg -l -uuu -a -e 제주 -e (?-u:\xC1\xA6\xC1\xD6) -e Jeju"

# Every timed command is named (hyperfine -n), and its results are looked up by that name.
# Arguments for hyperfine from NAME COMMAND pairs.
named() {
    while [ "$#" -gt 0 ]; do
        printf '%s\0' -n "$1" "$2"
        shift 2
    done
}
median() { # median of one command's runs over hyperfine JSON exports: NAME FILE...
    python3 -c '
import json, statistics, sys
name = sys.argv[1]
times = [t for f in sys.argv[2:] for r in json.load(open(f))["results"] if r["command"] == name
         for t in r["times"]]
print(statistics.median(times))' "$@"
}
# Median over rounds of A's time over B's in the same round, times SCALE: A B SCALE FILE...
# Two commands of one round run seconds apart, so the machine's drift over a run's minutes
# (one CPU-bound job read 1.6 s and 2.2 s within a minute on the 2-core VM) cancels out of
# their ratio; a ratio of the two medians keeps it.
paired() {
    python3 -c '
import json, statistics, sys
a, b, scale = sys.argv[1], sys.argv[2], float(sys.argv[3])
ratios = []
for f in sys.argv[4:]:
    time = {r["command"]: r["times"][0] for r in json.load(open(f))["results"]}
    ratios.append(scale * time[a] / time[b])
print("%.2f" % statistics.median(ratios))' "$@"
}

# A CPU-bound yardstick timed in the same rounds: bash arithmetic, no files and no system calls
# in its loop, about 0.2 s. Two copies at once against one show what a second thread gives work
# that reads nothing (2.0x on two free cores; less where the VM's vCPUs share a core or the host
# is busy).
spin='for ((i = 0; i < 60000; i++)); do x=$((x + i)); done'
spin_one="bash -c '$spin'"
spin_two="bash -c '($spin) & ($spin); wait'"

# Times ripgrep and the read-only commands on one tree: rg, check, check -j1, check -j2, rg -j1,
# rg -j2 (what the machine's two threads give a search that does little but read), with BEFORE
# the old check, and the arithmetic yardstick once and twice at once. After a warm-up, each
# round runs every command once, and the medians are over READ_ROUNDS rounds: on a shared VM
# the machine's speed drifts over the minutes a run takes, and rounds spread that drift over
# all commands alike, where hyperfine's runs of one command after another's put it on whichever
# ran when it was slow. Exports NAME-ROUND.json.
read_rounds=${READ_ROUNDS:-31}
time_reads() {
    local on=$1 name=$2
    local commands=(rg "$rg_search $on" check "$tool check -q $on"
        check-j1 "$tool check -q -j1 $on" check-j2 "$tool check -q -j2 $on"
        rg-j1 "$rg_search -j1 $on" rg-j2 "$rg_search -j2 $on")
    [ -z "$before_tool" ] || commands+=(before "$before_tool check -q $on")
    commands+=(arithmetic-one "$spin_one" arithmetic-two "$spin_two")
    local args
    mapfile -d '' args < <(named "${commands[@]}")
    hyperfine -N --warmup 3 --runs 2 --ignore-failure "${args[@]}" >/dev/null 2>&1
    rm -f "$work/$name"-*.json
    for round in $(seq "$read_rounds"); do
        hyperfine -N --runs 1 --ignore-failure --export-json "$work/$name-$round.json" "${args[@]}" >&2
    done
}
time_reads "$tree" read
# The same on the trap-heavy tree, where a third of the files name 제주 without being stale.
time_reads "$traps_tree" traps

# The fixed cost of a run: rules loaded, thread pool up, nothing to read. A hoster running one
# `check` per tenant pays it once per tenant. `--version` is what starting the binary costs.
empty=$work/empty
rm -rf "$empty" && mkdir -p "$empty"
fixed_commands=(empty "$tool check -q $empty" version "$tool --version")
[ -z "$before_tool" ] || fixed_commands+=(before-empty "$before_tool check -q $empty")
mapfile -d '' fixed_args < <(named "${fixed_commands[@]}")
hyperfine -N --warmup 10 --runs 100 --ignore-failure --export-json "$work/fixed.json" \
    "${fixed_args[@]}" >&2
rm -rf "$empty"

# Hostile pages (issue 12): one page of each kind at growing sizes, check and fix (dry run),
# time and peak RSS; the cost of the largest against the one half its size shows whether it
# grows linearly (2x) or worse. A command past 10 minutes is cut and shown as such.
hostile_sizes=${HOSTILE_SIZES:-"1000000 2000000 4000000"}
hostile_rows=$work/hostile.md
: >"$hostile_rows"
for kind in long-line nested-tables radio-lists options open-divs; do
    for size in $hostile_sizes; do
        page=$work/hostile-$kind-$size.html
        target/release/examples/gen_corpus --hostile "$kind" --size "$size" "$page" >/dev/null
        row="| $kind | $((size / 1000)) KB"
        for mode in check fix; do
            if timeout 600 /usr/bin/time -f '%e %M' -o "$work/hostile-cost" \
                "$tool" "$mode" --format json "$page" >/dev/null 2>&1 || [ $? -ne 124 ]; then
                read -r seconds kib < <(tail -1 "$work/hostile-cost")
                row="$row | $seconds s / $((kib / 1024)) MiB"
            else
                row="$row | over 600 s"
            fi
        done
        echo "$row |" >>"$hostile_rows"
        rm -f "$page"
    done
done

# Peak memory (KiB) of `check --format json` over ARGS, one line per run, RUNS runs (check
# exits 1 on findings; that is no failure here).
peak_rss() {
    local runs=$1
    shift
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%M' -o "$work/rss" "$tool" check --format json "$@" >/dev/null || true
        tail -1 "$work/rss"
    done
}
# The highest of three runs: the target is a ceiling, and runs differ by which large files the
# threads happen to read at once.
rss_kib=$(peak_rss 3 "$tree" | sort -n | tail -1)

# A million files: COPIES hard-linked copies of the default tree (by default as many as make a
# million files; 0 skips this), each copy a folder of tenants, tenants named two folders deep
# as a hoster running over many servers' trees would. Generating a million-file tree takes
# about an hour on 2 cores; linking takes under a minute and holds no file data twice.
copies=${COPIES:-$((1000000 / files))}
million_rss=()
if [ "$copies" -gt 0 ]; then
    million=$work/million
    rm -rf "$million"
    mkdir -p "$million"
    for n in $(seq -w 1 "$copies"); do cp -al "$tree" "$million/c$n"; done
    mapfile -t million_rss < <(peak_rss 5 --tenant-depth 2 "$million")
    million_files=$(find "$million" -type f | wc -l)
    rm -rf "$million"
fi

# fix --write needs a fresh copy each run (hard links would be refused); check runs on fresh
# copies too, so both pay the same cache state. The two alternate, one run each in turn: the
# copies make this take minutes, and a shift in the machine's load over them then falls on both
# alike instead of on whichever ran second.
prepare="rm -rf $copy && cp -a $tree $copy && sync"
write_runs=9
rm -f "$work"/write-*.json
for run in $(seq "$write_runs"); do
    hyperfine --runs 1 --ignore-failure --prepare "$prepare" --export-json "$work/write-$run.json" \
        -n fix-write "$tool fix --write -q $copy" \
        -n check-fresh "$tool check -q $copy" >&2
done
rm -rf "$copy"

arithmetic=$(paired arithmetic-one arithmetic-two 2 "$work"/read-*.json "$work"/traps-*.json)
fixed_median=$(median empty "$work/fixed.json")
start_median=$(median version "$work/fixed.json")
write_median=$(median fix-write "$work"/write-*.json)
fresh_check_median=$(median check-fresh "$work"/write-*.json)
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
ms() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1000:.0f} ms')" "$1"; }
ms_tenths() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1000:.1f} ms')" "$1"; }

# Report rows from one tree's rounds: ROUNDS is `read` (the default tree) or `traps`.
# `check` against rg: ROUNDS TREE TARGET.
vs_rg_row() {
    local check rg
    check=$(median check "$work/$1"-*.json)
    rg=$(median rg "$work/$1"-*.json)
    echo "| \`check\` / \`rg\`, $2 | $(ms "$check") / $(ms "$rg") = **$(ratio "$check" "$rg")x** | $3 |"
}
# One thread against two, as a ratio of medians and as the median of the rounds' own ratios:
# ROUNDS TREE COMMAND (check or rg) WHAT TARGET (a row without a target is not in bold).
threads_row() {
    local j1 j2 bold=
    j1=$(median "$3-j1" "$work/$1"-*.json)
    j2=$(median "$3-j2" "$work/$1"-*.json)
    [ -z "$5" ] || bold='**'
    echo "| \`$3 -j1\` / \`$3 -j2\`$4, $2: medians; median of the rounds' ratios | $(ms "$j1") / $(ms "$j2") = $bold$(ratio "$j1" "$j2")x$bold; $bold$(paired "$3-j1" "$3-j2" 1 "$work/$1"-*.json)x$bold | $5 |"
}

tree_files=$(find "$tree" -type f | wc -l)
tree_size=$(du -sh "$tree" | cut -f1)
findings=$($tool check -q "$tree" | wc -l || true)
traps_files=$(find "$traps_tree" -type f | wc -l)
traps_size=$(du -sh "$traps_tree" | cut -f1)
traps_findings=$($tool check -q "$traps_tree" | wc -l || true)

report=$work/report.md
{
    echo "### $(date -u +%Y-%m-%d): $files files, seed $seed"
    echo
    echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/^Mem:/ {print $2}') GiB,"
    echo "$(uname -sr); $(rustc --version); $(rg --version | sed -n 1p); $(hyperfine --version)."
    echo "Default tree: $tree_files files, $tree_size, $findings findings. Trap-heavy tree: $traps_files files, $traps_size, $traps_findings findings; $(head -1 "$traps_rates")."
    echo "Warm cache; medians of $read_rounds rounds, each running every read-only command once ($write_runs for writes, alternating with \`check\`)."
    echo
    echo "| measure | result | target |"
    echo "| --- | --- | --- |"
    vs_rg_row read "default tree" "<= 1.0x"
    vs_rg_row traps "trap-heavy tree" "<= 1.5x"
    threads_row read "default tree" check "" ">= 1.8x"
    threads_row traps "trap-heavy tree" check "" ">= 1.8x"
    threads_row read "default tree" rg " (a search that mostly reads)" ""
    threads_row traps "trap-heavy tree" rg " (a search that mostly reads)" ""
    echo "| arithmetic yardstick, two copies at once against one, median of all rounds | ${arithmetic}x | |"
    echo "| fixed cost of a run: \`check\` of an empty folder (\`--version\`: $(ms_tenths "$start_median")), median of 100 | $(ms_tenths "$fixed_median") | |"
    echo "| peak RSS of \`check --format json\`, default tree, highest of 3 runs | **$((rss_kib / 1024)) MiB** | <= 64 MiB |"
    if [ "${#million_rss[@]}" -gt 0 ]; then
        highest=$(printf '%s\n' "${million_rss[@]}" | sort -n | tail -1)
        all=$(printf '%s\n' "${million_rss[@]}" | awk '{printf "%s%d", (NR > 1 ? ", " : ""), $1 / 1024}')
        echo "| peak RSS of \`check --format json --tenant-depth 2\`, $million_files files ($copies linked copies), highest of 5 runs ($all MiB) | **$((highest / 1024)) MiB** | <= 64 MiB |"
    fi
    echo "| \`fix --write\` / \`check\` (fresh copy) | $(ms "$write_median") / $(ms "$fresh_check_median") = **$(ratio "$write_median" "$fresh_check_median")x** | <= 1.2x |"
    echo
    echo "Hostile pages (one file each; time and peak RSS; a page twice as large should cost about twice as much):"
    echo
    echo "| page | size | \`check\` | \`fix\` (dry run) |"
    echo "| --- | --- | --- | --- |"
    cat "$hostile_rows"
    if [ -n "$before_tool" ]; then
        before_fixed_median=$(median before-empty "$work/fixed.json")
        echo
        echo "Before: the release binary of \`$BEFORE\` ($(git rev-parse --short "$BEFORE")), timed in the same runs:"
        echo
        echo "| measure | before | now |"
        echo "| --- | --- | --- |"
        for rounds in read traps; do
            before=$(median before "$work/$rounds"-*.json)
            check=$(median check "$work/$rounds"-*.json)
            rg=$(median rg "$work/$rounds"-*.json)
            tree=$([ "$rounds" = read ] && echo "default tree" || echo "trap-heavy tree")
            echo "| \`check\` / \`rg\`, $tree | $(ms "$before") / $(ms "$rg") = **$(ratio "$before" "$rg")x** | $(ratio "$check" "$rg")x |"
        done
        echo "| before / now, each round's ratio, median: default; trap-heavy | $(paired before check 1 "$work"/read-*.json)x; $(paired before check 1 "$work"/traps-*.json)x | |"
        echo "| fixed cost: \`check\` of an empty folder, median of 100 | $(ms_tenths "$before_fixed_median") | $(ms_tenths "$fixed_median") |"
    fi
} | tee "$report"
