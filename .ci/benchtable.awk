# Reads `go test -bench` output and the targets file; prints each figure
# next to its target and marks figures over target.
BEGIN { FS = "\t" }
FNR == NR { if ($0 !~ /^#/ && NF >= 2) { target[$1] = $2; what[$1] = $3 }; next }
/^Benchmark/ {
	n = split($0, f, /[ \t]+/)
	name = f[1]; sub(/-[0-9]+$/, "", name)
	ns = f[3]
	extra = ""
	for (i = 4; i < n; i++) if (f[i+1] ~ /MB$|rows/) extra = extra " [" f[i] " " f[i+1] "]"
	if (name in target) {
		verdict = (ns + 0 <= target[name] + 0) ? "ok" : "OVER TARGET"
		printf "%-40s %12s  target %12s  %-11s %s%s\n", name, human(ns), human(target[name]), verdict, what[name], extra
	} else {
		printf "%-40s %12s  %s\n", name, human(ns), "(no target)"
	}
	next
}
function human(ns) {
	ns += 0
	if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
	if (ns >= 1e6) return sprintf("%.1f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
	return sprintf("%d ns", ns)
}
