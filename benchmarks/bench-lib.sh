# Functions the benchmark scripts share; sourced, not run.

# posint OPTION VALUE MIN: exits with a usage error unless VALUE is an integer >= MIN.
posint() { [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= $3 )) || { echo "$0: $1 needs an integer >= $3" >&2; exit 2; }; }

# median "N N N...": the median of the numbers, rounded down between the two middle ones.
median() {
  tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# children_cpu_ms FILE: the CPU time (user + sys, ms) of the children in the output of bash's `times` in FILE.
children_cpu_ms() {
  awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$1"
}
