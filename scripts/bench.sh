#!/usr/bin/env bash
# End-to-end performance figures of Faro on this machine, each with the
# command that produced it, checked against the targets:
#
#   1. indexing docs/s and peak RSS: `faro index --rebuild` over 20k generated
#      files (extraction included) and the Go benchmarks (extraction excluded)
#   2. HTTP search p50/p99/req/s/errors at 16 connections: scripts/load's mix,
#      and wrk (installed with apt-get when missing) with random faceted searches
#      that miss the result cache, and 8 repeated ones that hit it; then the
#      random faceted searches again while a small HTML page is uploaded every
#      BENCH_UPLOADS s (and searched for by its unique word) and the oldest
#      upload deleted every 2×BENCH_UPLOADS s
#   3. time from starting `faro serve` on an existing index to /readyz = 200,
#      and the server's RSS after the load and after the run with uploads
#   4. PDF extraction pages/s: `faro extract` vs `pdftotext` on the same PDFs
#   5. (BENCH_PROFILE=1) CPU profiles of the HTTP handler under parallel load
#   6. (BENCH_REFERENCE=N) the reference workload of ../shared/bench: its N
#      documents (gencorpus.py), indexed, then wrk with its queries.lua, alone
#      and while a page is uploaded every BENCH_UPLOADS s, as in step 2
#
# Usage:
#   scripts/bench.sh [--append]        # 10k documents for search (about 7.5 minutes)
#   BENCH_LARGE=1 scripts/bench.sh     # also 100k documents (about 8.5 minutes more on 2 cores: 534 MB of files, a 3-4 minute index build)
#
# --append adds the table, with the machine, Go version and date, to
# BENCHMARKS.md (below what is there). Settings (environment):
#   BENCH_DIR       work folder (default /tmp/faro-bench): corpora, indexes, logs, profiles
#   BENCH_DURATION  length of each load run (default 30s)
#   BENCH_CONNS     connections (default 16)
#   BENCH_INDEX_DOCS  files of the indexing run (default 20000)
#   BENCH_DOCS      documents of the search runs (default 10000)
#   BENCH_LARGE=1   also the search runs over 100000 documents
#   BENCH_PROFILE=1 also CPU profiles (go tool pprof -top) of the handler under load
#   BENCH_REUSE=1   reuse corpora and search indexes of an earlier run in BENCH_DIR
#   BENCH_PDFS      PDFs for step 4 (default ../shared/realdocs/domain/*.pdf, else generated ones)
#   BENCH_UPLOADS   seconds between two uploads in the wrk run with uploads (default 5; deletions every
#                   twice that); 0 turns the runs with uploads off. The server gets a random FARO_ADMIN_TOKEN;
#                   the uploads land in the corpus' uploads/ folder (in BENCH_DIR) and are deleted through
#                   the API, their files removed, at the end of the run, so BENCH_REUSE=1 runs start alike
#   BENCH_REFERENCE documents of the reference workload (step 6; e.g. 100000); unset: step 6 is skipped.
#                   Needs ../shared/bench beside the checkout, python3 and wrk
#   BENCH_SKIP      space-separated steps to skip: index search uploads ready extract
#
# Every step runs under `timeout`; servers started here are stopped on exit.
# Network traffic goes to 127.0.0.1 only.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

APPEND=0
for a in "$@"; do
	case "$a" in
	--append) APPEND=1 ;;
	-h | --help)
		sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "bench.sh: unknown argument $a (try --help)" >&2
		exit 2
		;;
	esac
done

DIR=${BENCH_DIR:-/tmp/faro-bench}
DUR=${BENCH_DURATION:-30s}
CONNS=${BENCH_CONNS:-16}
INDEX_DOCS=${BENCH_INDEX_DOCS:-20000}
DOCS=${BENCH_DOCS:-10000}
LARGE=${BENCH_LARGE:-0}
PROFILE=${BENCH_PROFILE:-0}
REUSE=${BENCH_REUSE:-0}
SKIP=" ${BENCH_SKIP:-} "
UPLOADS=${BENCH_UPLOADS:-5}
mkdir -p "$DIR"
BIN=$DIR/bin
mkdir -p "$BIN"
RESULTS=$DIR/results.md
ROWS=$DIR/rows.md
: >"$ROWS"
NOTES=$DIR/notes.md
: >"$NOTES"

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
	log "$*"
	exit 1
}
skip() { [[ $SKIP == *" $1 "* ]]; }
[[ $UPLOADS =~ ^[0-9]+$ ]] || die "BENCH_UPLOADS must be whole seconds (0 = no runs with uploads), not $UPLOADS"
((UPLOADS > 0)) || SKIP+="uploads "
now_ns() { date +%s%N; }
# row MEASURE TARGET RESULT MET COMMAND
row() { printf '| %s | %s | %s | %s | `%s` |\n' "$1" "$2" "$3" "$4" "$5" >>"$ROWS"; }
note() { printf -- '- %s\n' "$*" >>"$NOTES"; }
# ge A B: "yes" when A >= B, else "**no**" (numbers; "n/a" when A is empty)
ge() { [[ -z $1 ]] && echo "n/a" || awk -v a="$1" -v b="$2" 'BEGIN{print (a+0 >= b+0) ? "yes" : "**no**"}'; }
le() { [[ -z $1 ]] && echo "n/a" || awk -v a="$1" -v b="$2" 'BEGIN{print (a+0 <= b+0) ? "yes" : "**no**"}'; }
fmt1() { awk -v a="$1" 'BEGIN{printf "%.1f", a}'; }
fmt0() { awk -v a="$1" 'BEGIN{s=sprintf("%.0f",a); n=""; while (length(s)>3) {n="," substr(s,length(s)-2) n; s=substr(s,1,length(s)-3)} print s n}'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

need() { command -v "$1" >/dev/null 2>&1; }
for t in go curl jq; do need "$t" || die "needs $t"; done
if ! [[ -x /usr/bin/time ]]; then
	log "installing GNU time (apt-get install time)"
	timeout 300 apt-get install -y -qq time >/dev/null 2>&1 || { timeout 300 apt-get update -qq && timeout 300 apt-get install -y -qq time >/dev/null; } || die "needs /usr/bin/time"
fi
if ! need wrk; then
	log "wrk missing: trying apt-get install wrk"
	timeout 300 apt-get install -y -qq wrk >/dev/null 2>&1 || { timeout 300 apt-get update -qq >/dev/null 2>&1 && timeout 300 apt-get install -y -qq wrk >/dev/null 2>&1; } || log "no wrk: skipping the wrk runs"
fi

# Machine.
NPROC=$(nproc)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
GOV=$(go version | awk '{print $3}')
DATE=$(date -u +%Y-%m-%dT%H:%MZ)
REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " + uncommitted changes" || true)
log "machine: $NPROC CPUs ($CPU), $MEM, $GOV, load $(loadavg)"

# Servers started here, stopped on exit.
SERVER_PID=
stop_server() {
	if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
	fi
	SERVER_PID=
}
# The upload loop of the runs with uploads (upload_loop), stopped on exit.
LOOP_PID=
stop_all() {
	if [[ -n $LOOP_PID ]]; then kill "$LOOP_PID" 2>/dev/null; fi
	stop_server
	rm -f "${AUTH:-}"
}
trap 'stop_all' EXIT
trap 'stop_all; exit 130' INT TERM

log "building faro, scripts/load and scripts/gencorpus into $BIN"
timeout 600 go build -o "$BIN/faro" ./cmd/faro || die "go build ./cmd/faro failed"
timeout 600 go build -o "$BIN/load" ./scripts/load || die "go build ./scripts/load failed"
timeout 600 go build -o "$BIN/gencorpus" ./scripts/gencorpus || die "go build ./scripts/gencorpus failed"
FARO=$BIN/faro

# corpus N: generated corpus of N documents (seed 1), reused when present.
corpus() {
	local n=$1 c=$DIR/corpus-$1
	if [[ -f $c/.gencorpus.json ]] && jq -e ".n == $n and .seed == 1" "$c/.gencorpus.json" >/dev/null 2>&1; then
		echo "$c"
		return
	fi
	rm -rf "$c"
	log "generating $n documents: gencorpus -n $n -seed 1 -out $c"
	timeout 1800 "$BIN/gencorpus" -n "$n" -seed 1 -out "$c" >&2 || die "gencorpus -n $n failed"
	echo "$c"
}

# timed_index CORPUS INDEX LIMIT: faro index --rebuild under /usr/bin/time -v;
# sets IDX_DOCS IDX_FAILED IDX_WALL IDX_RSS_MB IDX_CMD.
timed_index() {
	local c=$1 idx=$2 limit=$3 out=$DIR/index-$(basename "$2")
	IDX_CMD="faro index --rebuild --corpus $c --index $idx"
	log "indexing: $IDX_CMD (at most ${limit}s)"
	timeout "$limit" /usr/bin/time -v "$FARO" index --rebuild --corpus "$c" --index "$idx" --log-level warn >"$out.out" 2>"$out.err"
	local rc=$?
	IDX_DOCS=$(sed -n 's/^indexed \([0-9]*\) documents.*/\1/p' "$out.out")
	IDX_FAILED=$(sed -n 's/.*flagged, \([0-9]*\) failed).*/\1/p' "$out.out")
	IDX_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$out.err")
	IDX_RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out.err")
	if [[ $rc -ne 0 || -z $IDX_DOCS ]]; then
		log "indexing failed (exit $rc): see $out.out $out.err"
		IDX_DOCS=
	fi
	cat "$out.out" >&2
}

# ---------------------------------------------------------------- 1. indexing
if ! skip index; then
	C=$(corpus "$INDEX_DOCS")
	rm -rf "$DIR/idx-index-run"
	timed_index "$C" "$DIR/idx-index-run" 1800
	if [[ -n $IDX_DOCS ]]; then
		rate=$(awk -v n="$IDX_DOCS" -v s="$IDX_WALL" 'BEGIN{printf "%.0f", n/s}')
		row "Indexing $(fmt0 "$IDX_DOCS") generated files, **extraction included** (HTML/MD/TXT/PDF, $(jq -r '.stats.sidecars' "$C/.gencorpus.json") sidecars)" \
			"(report)" "**$rate docs/s** ($(fmt1 "$IDX_WALL") s wall, $IDX_FAILED failed), peak RSS **$IDX_RSS_MB MB**" "—" \
			"/usr/bin/time -v $IDX_CMD"
	else
		row "Indexing $INDEX_DOCS generated files, extraction included" "(report)" "failed or timed out" "**no**" "/usr/bin/time -v $IDX_CMD"
	fi
	rm -rf "$DIR/idx-index-run"

	log "go test ./search/bleve -bench 'Index\$' -benchtime 3x (extraction excluded, 2,000 documents x 3)"
	timeout 900 /usr/bin/time -v go test ./search/bleve -count=1 -run '^$' -bench 'Index$' -benchtime 3x >"$DIR/bench-index.out" 2>"$DIR/bench-index.err"
	cat "$DIR/bench-index.out" >&2
	r=$(awk '/^BenchmarkIndex/ {for(i=1;i<=NF;i++) if($(i+1)=="docs/s") print $i}' "$DIR/bench-index.out" | tail -1)
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$DIR/bench-index.err")
	row "Indexing, **extraction excluded**: BenchmarkIndex, the engine under the default collector settings (2,000 synthetic 3-5 KB docs per op, 3 ops)" "(report)" \
		"**${r:-?} docs/s**, peak RSS ${rss:-?} MB" "—" "go test ./search/bleve -run '^\$' -bench Index -benchtime 3x"

	log "go test ./indexer -bench IndexSynthetic (extraction excluded, $INDEX_DOCS documents)"
	timeout 1200 /usr/bin/time -v env FARO_BENCH_DOCS="$INDEX_DOCS" go test ./indexer -count=1 -run '^$' -bench 'IndexSynthetic' -benchtime 1x -timeout 20m >"$DIR/bench-index20k.out" 2>"$DIR/bench-index20k.err"
	cat "$DIR/bench-index20k.out" >&2
	r=$(awk '/^BenchmarkIndexSynthetic/ {for(i=1;i<=NF;i++) if($(i+1)=="docs/s") print $i}' "$DIR/bench-index20k.out" | tail -1)
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$DIR/bench-index20k.err")
	row "Indexing, **extraction excluded**, at $(fmt0 "$INDEX_DOCS") docs: BenchmarkIndexSynthetic (one index of $(fmt0 "$INDEX_DOCS") synthetic docs)" "≥ 2,000 docs/s" \
		"**${r:-?} docs/s**, peak RSS ${rss:-?} MB" "$(ge "$r" 2000)" "FARO_BENCH_DOCS=$INDEX_DOCS go test ./indexer -run '^\$' -bench IndexSynthetic -benchtime 1x"
fi

# ------------------------------------------------------- 2-3. search and ready
# The admin token of the runs with uploads: 48 random hex characters, given
# to the server in FARO_ADMIN_TOKEN and to curl in a header file (-H @FILE),
# so that it shows in no command line.
TOKEN=
AUTH=$DIR/admin-auth.header
if ! skip uploads; then
	TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
	((${#TOKEN} >= 32)) || die "could not make an admin token from /dev/urandom"
	(umask 077 && printf 'Authorization: Bearer %s\n' "$TOKEN" >"$AUTH")
fi

# start_server INDEX CORPUS LOG: starts faro serve on 127.0.0.1 (free port),
# waits for /readyz = 200 (at most 120 s); sets URL, SERVER_PID, READY_S.
start_server() {
	local idx=$1 c=$2 lg=$3 t0 t1 code
	: >"$lg"
	t0=$(now_ns)
	FARO_ADMIN_TOKEN=$TOKEN "$FARO" serve --addr 127.0.0.1:0 --index "$idx" --corpus "$c" --log-format json --log-level info >"$lg" 2>&1 &
	SERVER_PID=$!
	URL=
	READY_S=
	local deadline=$(($(date +%s) + 120))
	while (($(date +%s) < deadline)); do
		kill -0 "$SERVER_PID" 2>/dev/null || { log "faro serve exited: $(tail -3 "$lg")"; SERVER_PID=; return 1; }
		if [[ -z $URL ]]; then
			URL=$(grep -o '"url":"http://127\.0\.0\.1:[0-9]*"' "$lg" | head -1 | sed 's/"url":"//; s/"$//')
		fi
		if [[ -n $URL ]]; then
			code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/readyz" || true)
			if [[ $code == 200 ]]; then
				t1=$(now_ns)
				READY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
				return 0
			fi
		fi
		sleep 0.005
	done
	log "faro serve not ready after 120 s"
	stop_server
	return 1
}

# rss_mb PID FIELD: VmRSS or VmHWM of a process in MB.
rss_mb() { awk -v f="$2:" '$1==f {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

# Lua scripts for wrk. search-facets.lua draws each request from ~34,000
# faceted searches (text × facet selection × paging/sorting × years), far
# more than the engine's result cache holds (1,024), so nearly every request
# is searched; 7 disjunctive facet counts and snippets come with every
# search. search-repeat.lua rotates 8 fixed searches: all cache hits.
WRK_LUA=$DIR/search-facets.lua
cat >"$WRK_LUA" <<'EOF'
-- Random faceted searches (scripts/bench.sh): text x facets x paging x years.
local texts = {
  "trata", "migraci%C3%B3n", "migracion", "remesas", "ni%C3%B1ez", "retorno", "reintegraci%C3%B3n",
  "regularizaci%C3%B3n", "di%C3%A1spora", "campa%C3%B1a", "trafficking", "smuggling", "remittances",
  "reintegration", "campaign", "recruitment", "climate", "children", "retour", "r%C3%A9int%C3%A9gration",
  "migrants", "protecci%C3%B3n+consular", "%22return+reintegration%22", "%22trata+de+personas%22",
  "%22fair+recruitment%22", "%28trata+OR+trafficking%29+AND+-smuggling", "trata+AND+ni%C3%B1ez",
  "remesas+OR+remittances", "migra%2A", "title%3Acampa%C3%B1a", "country%3AHND+AND+trata", "gcm%3A10",
  "theme%3Ac4d", "lang%3Afr+climat", "year%3A2019", "",
}
local filters = {
  "", "&country=HND", "&country=GTM&country=SLV", "&gcm=10", "&gcm=3&gcm=10", "&theme=c4d", "&lang=es",
  "&lang=fr", "&lang=en", "&type=guide", "&country=MEX&lang=es", "&theme=trafficking&country=HND",
  "&principle=human-rights", "&type=study&gcm=10", "&country=HTI&lang=fr", "&theme=return-reintegration&gcm=21",
  "&country=HND&gcm=10&theme=trafficking",
}
local extras = { "", "", "", "&page=2", "&page=3", "&sort=date_desc", "&size=20" }
local years = { "", "", "", "", "&year_from=2015", "&year_from=2018&year_to=2022", "&year_to=2014", "&year_from=2020" }
local n = 0
function setup(thread)
  n = n + 1
  thread:set("tid", n)
end
function init(args)
  math.randomseed(7919 * (tid or 1))
end
local function pick(t) return t[math.random(#t)] end
request = function()
  return wrk.format("GET", "/api/v1/search?q=" .. pick(texts) .. pick(filters) .. pick(extras) .. pick(years))
end
EOF
WRK_REPEAT=$DIR/search-repeat.lua
cat >"$WRK_REPEAT" <<'EOF'
-- Eight fixed faceted searches in rotation (scripts/bench.sh): result-cache hits.
local paths = {
  "/api/v1/search?q=trata&country=HND",
  "/api/v1/search?q=migraci%C3%B3n&lang=es&gcm=10",
  "/api/v1/search?q=%22return+reintegration%22&country=GTM&country=SLV",
  "/api/v1/search?q=%28trata+OR+trafficking%29+AND+-smuggling&gcm=10&gcm=3",
  "/api/v1/search?q=&country=MEX&theme=c4d",
  "/api/v1/search?q=campagne+information&lang=fr&year_from=2015",
  "/api/v1/search?q=migra*&country=HND&gcm=10",
  "/api/v1/search?q=children&type=study&year_from=2018&year_to=2022",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF

# ms VALUE: wrk latency ("812.00us", "3.21ms", "1.02s") in ms.
ms() { awk -v v="$1" 'BEGIN{u=v; sub(/^[0-9.]+/,"",u); n=v+0; if(u=="us") n/=1000; else if(u=="s") n*=1000; else if(u=="m") n*=60000; printf "%.2f", n}'; }

# wrk_parse FILE: sets W50 W99 (ms), WRPS, WERRS (non-2xx/3xx + socket errors).
wrk_parse() {
	W50=$(ms "$(awk '$1=="50%" {print $2; exit}' "$1")")
	W99=$(ms "$(awk '$1=="99%" {print $2; exit}' "$1")")
	WRPS=$(awk '/^Requests\/sec:/ {print $2}' "$1")
	local non sock
	non=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1")
	sock=$(awk '/Socket errors:/ {gsub(/,/,""); print $4+$6+$8+$10}' "$1")
	WERRS=$((${non:-0} + ${sock:-0}))
	[[ -n $WRPS ]] || WERRS="wrk failed"
}

# dur_s DURATION: a wrk duration ("30s", "2m", "1h", "45") in whole seconds.
dur_s() { awk -v d="$1" 'BEGIN{n=d+0; u=d; sub(/^[0-9.]+/,"",u); if(u=="m") n*=60; else if(u=="h") n*=3600; printf "%d", n}'; }

# upload_loop URL SECONDS EVERY OUT STOP: for SECONDS (or until the file STOP
# exists), uploads a small HTML page with a unique word every EVERY s from
# the start, searches for that word right after, and deletes the oldest
# upload still there every 2×EVERY s (after that moment's upload). Writes
# one line per event to OUT:
#   up OK MS ID SOURCE WORD | up FAIL MS HTTP-CODE ;  find OK|FAIL ID ;  del OK|FAIL MS ID
upload_loop() {
	local url=$1 secs=$2 every=$3 out=$4 stop=$5 t0 k=0 at word id src code tt page resp
	local -a live=()
	local run
	run=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n' | tr 0-9 g-p)
	page=$DIR/upload-page.html
	: >"$out"
	t0=$(now_ns)
	while :; do
		at=$((k * every))
		((at < secs)) || break
		while (($(now_ns) < t0 + at * 1000000000)); do
			[[ -e $stop ]] && return
			sleep 0.05
		done
		[[ -e $stop ]] && return
		k=$((k + 1))
		# Letters only, so that no analyzer splits it: "benchup" + the run's tag + k in letters.
		word="benchup${run}x$(tr 0-9 a-j <<<"$k")"
		printf '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Bench upload %d of run %s</title></head>\n<body><h1>Bench upload %d</h1>\n<p>This page was uploaded by scripts/bench.sh while random faceted searches ran. Its unique word is %s.</p>\n<p>Migrants, return and reintegration: a short note of upload number %d.</p></body></html>\n' \
			"$k" "$run" "$k" "$word" "$k" >"$page"
		resp=$(curl -s -o "$DIR/upload-response.json" -w '%{http_code} %{time_total}' --max-time 60 -H @"$AUTH" \
			-F "file=@$page;filename=bench-upload-$word.html;type=text/html" "$url/api/v1/documents" 2>/dev/null) || true
		code=${resp%% *}
		tt=$(awk -v t="${resp#* }" 'BEGIN{printf "%.0f", t*1000}')
		id='' src=''
		if [[ $code == 201 ]]; then
			id=$(jq -r '.id // empty' "$DIR/upload-response.json" 2>/dev/null)
			src=$(jq -r '.source // empty' "$DIR/upload-response.json" 2>/dev/null)
		fi
		if [[ -n $id ]]; then
			echo "up OK $tt $id ${src:-?} $word" >>"$out"
			live+=("$id")
			if curl -s --max-time 10 "$url/api/v1/search?q=$word&size=10" 2>/dev/null |
				jq -e --arg id "$id" '.total >= 1 and any(.hits[]; .id == $id)' >/dev/null 2>&1; then
				echo "find OK $id" >>"$out"
			else
				echo "find FAIL $id" >>"$out"
			fi
		else
			echo "up FAIL $tt ${code:-none}" >>"$out"
			log "upload $k failed: HTTP ${code:-none} $(head -c 200 "$DIR/upload-response.json" 2>/dev/null)"
		fi
		if ((k % 2 == 1 && k > 1 && ${#live[@]} > 0)); then
			id=${live[0]}
			live=("${live[@]:1}")
			resp=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -X DELETE -H @"$AUTH" "$url/api/v1/documents/$id" 2>/dev/null) || true
			tt=$(awk -v t="${resp#* }" 'BEGIN{printf "%.0f", t*1000}')
			if [[ ${resp%% *} == 204 ]]; then
				echo "del OK $tt $id" >>"$out"
			else
				echo "del FAIL $tt $id" >>"$out"
				log "deleting $id failed: HTTP ${resp%% *}"
			fi
		fi
	done
}

# uploads_cleanup URL CORPUS OUT: deletes through the API the uploads of
# upload_loop's OUT still there, then removes their files from the corpus
# and from the "deleted" folder beside the index, so that BENCH_REUSE=1 runs
# start alike. Sets CLEAN_FAILED.
uploads_cleanup() {
	local url=$1 c=$2 out=$3 id code src
	CLEAN_FAILED=0
	while read -r id; do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -X DELETE -H @"$AUTH" "$url/api/v1/documents/$id" 2>/dev/null) || true
		[[ $code == 204 ]] || { CLEAN_FAILED=$((CLEAN_FAILED + 1)); log "cleanup: deleting $id answered HTTP $code"; }
	done < <(awk '$1=="up" && $2=="OK" {live[$4]=1} $1=="del" && $2=="OK" {delete live[$4]} END {for (i in live) print i}' "$out")
	while read -r src; do
		[[ $src == uploads/* ]] || continue
		rm -f "$c/$src" "$DIR"/deleted/*-"${src//\//__}"
	done < <(awk '$1=="up" && $2=="OK" {print $5}' "$out")
	rmdir "$c/uploads" "$DIR/deleted" 2>/dev/null || true
}

# search_index CORPUS INDEX N WHAT [FLOOR]: with BENCH_REUSE=1 an existing
# INDEX is used as it is; otherwise it is built from CORPUS (N documents)
# and a row WHAT reports its docs/s, against FLOOR docs/s when given.
# Returns 1 when the build failed (a row says so).
search_index() {
	local c=$1 idx=$2 n=$3 what=$4 floor=${5:-} rate
	if [[ $REUSE == 1 && -d $idx ]]; then
		log "reusing the index $idx"
		return 0
	fi
	rm -rf "$idx"
	timed_index "$c" "$idx" $((n / 20 + 900))
	if [[ -z $IDX_DOCS ]]; then
		row "$what" "${floor:+≥ $floor docs/s}" "index build failed" "**no**" "$IDX_CMD"
		return 1
	fi
	rate=$(awk -v n="$IDX_DOCS" -v s="$IDX_WALL" 'BEGIN{printf "%.0f", n/s}')
	if [[ -n $floor ]]; then
		row "$what (extraction included)" "≥ $(fmt0 "$floor") docs/s" "**$(fmt0 "$rate") docs/s** ($(fmt1 "$IDX_WALL") s), peak RSS $IDX_RSS_MB MB, $IDX_FAILED failed" "$(ge "$rate" "$floor")" "/usr/bin/time -v $IDX_CMD"
	else
		row "$what (extraction included)" "(report)" "$rate docs/s ($(fmt1 "$IDX_WALL") s), peak RSS $IDX_RSS_MB MB, $IDX_FAILED failed" "—" "/usr/bin/time -v $IDX_CMD"
	fi
}

search_size() {
	local n=$1 label c idx lg
	label=$(awk -v n="$n" 'BEGIN{ if (n%1000==0) printf "%dk", n/1000; else print n}')
	c=$(corpus "$n")
	idx=$DIR/idx-$label
	search_index "$c" "$idx" "$n" "Building the $label search index" || return
	local big=0
	[[ $n -ge 100000 ]] && big=1

	# 3. ready time: three starts on the existing index.
	if ! skip ready; then
		local times=()
		for k in 1 2 3; do
			start_server "$idx" "$c" "$DIR/serve-$label-start$k.log" || break
			times+=("$READY_S")
			stop_server
		done
		if ((${#times[@]} == 3)); then
			local sorted med mx
			sorted=$(printf '%s\n' "${times[@]}" | sort -g)
			med=$(sed -n 2p <<<"$sorted")
			mx=$(sed -n 3p <<<"$sorted")
			row "Ready after start on an existing $label index (spawn → /readyz 200; median of 3, page cache warm)" "≤ 1 s" \
				"**$(fmt1 "$(awk -v a="$med" 'BEGIN{print a*1000}')") ms** (max $(awk -v a="$mx" 'BEGIN{printf "%.0f", a*1000}') ms)" \
				"$(le "$med" 1)" "faro serve --index $idx --corpus $c; curl \$URL/readyz"
		else
			row "Ready after start on an existing $label index" "≤ 1 s" "server did not become ready" "**no**" "faro serve --index $idx"
		fi
	fi

	skip search && return
	start_server "$idx" "$c" "$DIR/serve-$label.log" || { row "Search at $label docs" "" "server did not start" "**no**" "faro serve --index $idx"; return; }
	# Searches are served from /readyz on; the in-memory tables that make
	# them fast are built in the background: wait for them (at most 120 s).
	local deadline=$(($(date +%s) + 120)) t0w
	t0w=$(now_ns)
	until grep -q '"search tables ready"' "$DIR/serve-$label.log" || (($(date +%s) >= deadline)); do sleep 0.05; done
	local tables_ms
	tables_ms=$(grep -o '"search tables ready","took_ms":[0-9]*' "$DIR/serve-$label.log" | grep -o '[0-9]*$' | head -1)
	row "Search tables (facet values, text postings) built after ready on the $label index, in the background" "(report)" \
		"${tables_ms:-not built} ms, the server answering meanwhile" "—" "faro serve log: \"search tables ready\""
	log "serving $idx at $URL (pid $SERVER_PID, ready in ${READY_S}s, tables in ${tables_ms:-?} ms); warming up 5s"
	timeout 60 "$BIN/load" -addr "$URL" -c "$CONNS" -d 5s >/dev/null 2>&1 || true

	log "load: scripts/load -c $CONNS -d $DUR (load $(loadavg))"
	note "Load average when the $label load started: $(loadavg)."
	local out=$DIR/load-$label.json
	timeout 700 "$BIN/load" -addr "$URL" -c "$CONNS" -d "$DUR" -json >"$out" 2>"$DIR/load-$label.err" || true
	if jq -e .requests "$out" >/dev/null 2>&1; then
		local p50 p99 rps errs sp50 sp99 sreq
		p50=$(jq .latency_ms.p50 "$out")
		p99=$(jq .latency_ms.p99 "$out")
		rps=$(jq .requests_per_second "$out")
		errs=$(jq .errors "$out")
		sp50=$(jq '.kinds.search.latency_ms.p50 // empty' "$out")
		sp99=$(jq '.kinds.search.latency_ms.p99 // empty' "$out")
		sreq=$(jq '.kinds.search.requests // 0' "$out")
		jq -c '{requests, requests_per_second, errors, latency_ms, kinds: (.kinds | map_values({requests, errors, p50: .latency_ms.p50, p99: .latency_ms.p99}))}' "$out" >&2
		local tgt50="≤ 10 ms" tgt99="≤ 50 ms" tgtr="≥ 500 req/s" m50 m99 mr me
		if ((big)); then
			m50=$(le "$p50" 10)
			m99=$(le "$p99" 50)
			mr=$(ge "$rps" 500)
			me=$([[ $errs == 0 ]] && echo yes || echo "**no**")
		else
			m50="($(le "$p50" 10) at $label)"
			m99="($(le "$p99" 50) at $label)"
			mr="($(ge "$rps" 500) at $label)"
			me="($([[ $errs == 0 ]] && echo yes || echo no) at $label)"
			tgt50="≤ 10 ms at 100k"
			tgt99="≤ 50 ms at 100k"
			tgtr="≥ 500 req/s at 100k"
		fi
		local cmd="load -addr \$URL -c $CONNS -d $DUR -json"
		row "HTTP at $label docs, scripts/load mix (searches, pages, documents, facets), $CONNS conns: p50" "$tgt50" "**$(fmt1 "$p50") ms** (API searches alone: $(fmt1 "$sp50") ms)" "$m50" "$cmd"
		row "HTTP at $label docs, scripts/load mix: p99" "$tgt99" "**$(fmt1 "$p99") ms** (API searches alone: $(fmt1 "$sp99") ms)" "$m99" "$cmd"
		row "HTTP at $label docs, scripts/load mix: throughput" "$tgtr" "**$(fmt0 "$rps") req/s** ($(fmt0 "$sreq") of $(fmt0 "$(jq .requests "$out")") requests were API searches)" "$mr" "$cmd"
		row "HTTP at $label docs, scripts/load mix: errors" "0" "**$errs**" "$me" "$cmd"
	else
		row "HTTP at $label docs, scripts/load" "" "load failed: $(head -c 200 "$DIR/load-$label.err")" "**no**" "load -addr \$URL -c $CONNS -d $DUR"
	fi
	local rss hwm
	rss=$(rss_mb "$SERVER_PID" VmRSS)
	hwm=$(rss_mb "$SERVER_PID" VmHWM)

	if need wrk; then
		log "wrk -t2 -c$CONNS -d$DUR --latency -s $WRK_LUA $URL"
		local wout=$DIR/wrk-$label.txt
		timeout 700 wrk -t2 -c"$CONNS" -d"$DUR" --timeout 10s --latency -s "$WRK_LUA" "$URL" >"$wout" 2>&1 || true
		cat "$wout" >&2
		wrk_parse "$wout"
		local cmd="wrk -t2 -c$CONNS -d$DUR --latency -s search-facets.lua \$URL"
		if ((big)); then
			row "HTTP search at $label docs, wrk, random faceted searches (7 disjunctive facet counts + snippets on every search; few cache hits), $CONNS conns: p50 / p99" "≤ 10 ms / ≤ 50 ms" \
				"**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms**" "$(le "$W50" 10) / $(le "$W99" 50)" "$cmd"
			row "HTTP search at $label docs, wrk random faceted searches: throughput, errors" "≥ 500 req/s, 0 errors" "**$(fmt0 "$WRPS") req/s, $WERRS errors**" \
				"$(ge "$WRPS" 500) / $([[ $WERRS == 0 ]] && echo yes || echo "**no**")" "$cmd"
		else
			row "HTTP search at $label docs, wrk, random faceted searches (7 disjunctive facet counts + snippets on every search; few cache hits), $CONNS conns: p50 / p99" "≤ 10 ms / ≤ 50 ms at 100k" \
				"**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms**" "($(le "$W50" 10) / $(le "$W99" 50) at $label)" "$cmd"
			row "HTTP search at $label docs, wrk random faceted searches: throughput, errors" "≥ 500 req/s, 0 errors at 100k" "**$(fmt0 "$WRPS") req/s, $WERRS errors**" \
				"($(ge "$WRPS" 500) / $([[ $WERRS == 0 ]] && echo yes || echo no) at $label)" "$cmd"
		fi
		log "wrk -t2 -c$CONNS -d10s --latency -s $WRK_REPEAT $URL"
		wout=$DIR/wrk-repeat-$label.txt
		timeout 300 wrk -t2 -c"$CONNS" -d10s --timeout 10s --latency -s "$WRK_REPEAT" "$URL" >"$wout" 2>&1 || true
		wrk_parse "$wout"
		row "HTTP search at $label docs, wrk, 8 repeated faceted searches (result-cache hits): p50 / p99, throughput, errors" "(report)" \
			"$(fmt1 "$W50") ms / $(fmt1 "$W99") ms, $(fmt0 "$WRPS") req/s, $WERRS errors" "—" "wrk -t2 -c$CONNS -d10s --latency -s search-repeat.lua \$URL"
		hwm=$(rss_mb "$SERVER_PID" VmHWM)
		rss=$(rss_mb "$SERVER_PID" VmRSS)
	fi
	# RSS right after the load holds the index pages read in the last
	# interval of --mapped-limit's check (2 s); 3 s later they are handed
	# back to the page cache. The peak includes building the search tables.
	local anon file rss2 anon2 file2
	anon=$(rss_mb "$SERVER_PID" RssAnon)
	file=$(rss_mb "$SERVER_PID" RssFile)
	sleep 3
	rss2=$(rss_mb "$SERVER_PID" VmRSS)
	anon2=$(rss_mb "$SERVER_PID" RssAnon)
	file2=$(rss_mb "$SERVER_PID" RssFile)
	local tr="≤ 300 MB at 100k" mt
	if ((big)); then
		tr="≤ 300 MB"
		mt=$(le "$rss2" 300)
	else
		mt="($(le "$rss2" 300) at $label)"
	fi
	row "faro serve RSS after the load at $label docs, 3 s later (mapped-limit pass) / right after / peak (heap, stacks, off-heap text table + file-backed pages of the mmapped index, $(du -sm "$idx" | cut -f1) MB on disk)" "$tr" \
		"**$rss2 MB** ($anon2 MB anonymous + $file2 MB file-backed) / $rss MB ($anon + $file) / peak $hwm MB" "$mt" "grep -E 'VmRSS|VmHWM|RssAnon|RssFile' /proc/\$PID/status"

	# The random faceted searches again, as long, while a page is uploaded
	# every $UPLOADS s and the oldest upload deleted every 2×$UPLOADS s.
	if need wrk && ! skip uploads; then
		local uout=$DIR/uploads-$label.txt stopf=$DIR/uploads-$label.stop secs
		secs=$(dur_s "$DUR")
		rm -f "$stopf"
		log "wrk -t2 -c$CONNS -d$DUR --latency -s $WRK_LUA $URL, with an upload every ${UPLOADS}s and a deletion every $((2 * UPLOADS))s"
		upload_loop "$URL" "$secs" "$UPLOADS" "$uout" "$stopf" &
		LOOP_PID=$!
		local wout=$DIR/wrk-uploads-$label.txt
		timeout 700 wrk -t2 -c"$CONNS" -d"$DUR" --timeout 10s --latency -s "$WRK_LUA" "$URL" >"$wout" 2>&1 || true
		touch "$stopf"
		wait "$LOOP_PID"
		LOOP_PID=
		rm -f "$stopf"
		local urss uhwm
		urss=$(rss_mb "$SERVER_PID" VmRSS)
		uhwm=$(rss_mb "$SERVER_PID" VmHWM)
		cat "$wout" >&2
		wrk_parse "$wout"
		local ups upf finf dels delf slow slowdel
		ups=$(awk '$1=="up" && $2=="OK"' "$uout" | wc -l)
		upf=$(awk '$1=="up" && $2=="FAIL"' "$uout" | wc -l)
		finf=$(awk '$1=="find" && $2=="FAIL"' "$uout" | wc -l)
		dels=$(awk '$1=="del" && $2=="OK"' "$uout" | wc -l)
		delf=$(awk '$1=="del" && $2=="FAIL"' "$uout" | wc -l)
		slow=$(awk '$1=="up" && $2=="OK" && $3+0 > m {m=$3+0} END {print m+0}' "$uout")
		slowdel=$(awk '$1=="del" && $2=="OK" && $3+0 > m {m=$3+0} END {print m+0}' "$uout")
		log "uploads: $ups done, $upf failed, $finf not found at once; deletions: $dels done, $delf failed; slowest upload $slow ms"
		local cmd="wrk -t2 -c$CONNS -d$DUR --latency -s search-facets.lua \$URL + every ${UPLOADS} s curl -F file=@page.html \$URL/api/v1/documents, every $((2 * UPLOADS)) s curl -X DELETE \$URL/api/v1/documents/\$ID"
		local what="HTTP search at $label docs, wrk random faceted searches **with one upload every $UPLOADS s and one deletion every $((2 * UPLOADS)) s**, $CONNS conns"
		local werr_met rss_met rss_tgt="≤ 300 MB at 100k"
		if ((big)); then
			werr_met=$([[ $WERRS == 0 ]] && echo yes || echo "**no**")
			row "$what: p50 / p99" "≤ 10 ms / ≤ 50 ms" "**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms**" "$(le "$W50" 10) / $(le "$W99" 50)" "$cmd"
			row "$what: throughput, errors" "≥ 500 req/s, 0 errors" "**$(fmt0 "$WRPS") req/s, $WERRS errors**" "$(ge "$WRPS" 500) / $werr_met" "$cmd"
			rss_tgt="≤ 300 MB"
			rss_met=$(le "$urss" 300)
		else
			werr_met=$([[ $WERRS == 0 ]] && echo yes || echo no)
			row "$what: p50 / p99" "≤ 10 ms / ≤ 50 ms at 100k" "**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms**" "($(le "$W50" 10) / $(le "$W99" 50) at $label)" "$cmd"
			row "$what: throughput, errors" "≥ 500 req/s, 0 errors at 100k" "**$(fmt0 "$WRPS") req/s, $WERRS errors**" "($(ge "$WRPS" 500) / $werr_met at $label)" "$cmd"
			rss_met="($(le "$urss" 300) at $label)"
		fi
		local ok_met=yes
		((ups == 0 || upf + finf + delf > 0)) && ok_met="**no**"
		row "Uploads during that run (a small HTML page with a unique word each, searched for right after; the oldest deleted): uploads done / failed / not found at once, deletions done / failed, slowest upload (slowest deletion)" \
			"0 failed, each found at once" "**$ups / $upf / $finf, $dels / $delf, $slow ms** ($slowdel ms)" "$ok_met" "$cmd"
		row "faro serve RSS right after the run with uploads at $label docs / peak (VmHWM, the whole server's life)" "$rss_tgt" \
			"**$urss MB** / peak $uhwm MB" "$rss_met" "grep -E 'VmRSS|VmHWM' /proc/\$PID/status"
		uploads_cleanup "$URL" "$c" "$uout"
		((CLEAN_FAILED == 0)) || note "At $label, $CLEAN_FAILED uploads could not be deleted after the run with uploads (see $DIR/serve-$label.log); their files were removed."
	fi
	stop_server

	if [[ $PROFILE == 1 ]]; then
		log "CPU profile of the handler under parallel load over $idx"
		local prof=$DIR/serve-$label.pprof
		timeout 900 env FARO_BENCH_INDEX="$idx" go test ./search/web -count=1 -run '^$' -bench 'Serve/search' -benchtime 20s -timeout 15m \
			-cpuprofile "$prof" -o "$DIR/web.test" >"$DIR/bench-serve-$label.out" 2>&1
		cat "$DIR/bench-serve-$label.out" >&2
		go tool pprof -top -nodecount=40 "$DIR/web.test" "$prof" >"$DIR/serve-$label.top.txt" 2>/dev/null
		go tool pprof -top -cum -nodecount=60 "$DIR/web.test" "$prof" >"$DIR/serve-$label.cum.txt" 2>/dev/null
		local ns
		ns=$(awk '/^BenchmarkServe\/search/ {print $3}' "$DIR/bench-serve-$label.out")
		[[ -n $ns ]] && row "In-process handler, varied API searches at $label docs, result cache off, all CPUs (no network, no client)" "(report)" \
			"$(fmt0 "$(awk -v ns="$ns" 'BEGIN{print 1e9/ns}')") req/s" "—" \
			"FARO_BENCH_INDEX=$idx go test ./search/web -run '^\$' -bench Serve/search -benchtime 20s -cpuprofile $prof"
		log "single requests by kind of search over $idx (result cache off)"
		timeout 900 env FARO_BENCH_INDEX="$idx" go test ./search/web -count=1 -run '^$' -bench 'ServeQueries' -benchtime 10x -timeout 15m >"$DIR/bench-queries-$label.out" 2>&1
		note "One request at a time by kind of search at $label (result cache off; \`FARO_BENCH_INDEX=$idx go test ./search/web -run '^\$' -bench ServeQueries -benchtime 10x\`): $(awk '/^BenchmarkServeQueries\// {n=$1; sub(/^BenchmarkServeQueries\//,"",n); sub(/-[0-9]+$/,"",n); printf "%s%s %.1f ms", sep, n, $3/1e6; sep=", "}' "$DIR/bench-queries-$label.out")."
		note "CPU profile at $label: \`go tool pprof -top $DIR/web.test $prof\` (text in $DIR/serve-$label.top.txt, cumulative in serve-$label.cum.txt)"
	fi
}

if ! skip search || ! skip ready; then
	search_size "$DOCS"
	[[ $LARGE == 1 ]] && search_size 100000
fi

# ------------------------------------------------- 6. the reference workload
# reference_workload N: ../shared/bench's N documents, indexed (reused with
# BENCH_REUSE=1), served, and wrk with its distinct faceted queries: alone,
# then while a page is uploaded every $UPLOADS s (upload_loop).
reference_workload() {
	local n=$1 shared=$ROOT/../shared/bench label
	label="reference $(awk -v n="$n" 'BEGIN{ if (n%1000==0) printf "%dk", n/1000; else print n}')"
	if [[ ! -f $shared/gencorpus.py || ! -f $shared/queries.lua ]] || ! need python3 || ! need wrk; then
		note "BENCH_REFERENCE: $shared (gencorpus.py, queries.lua), python3 or wrk missing: the reference workload was skipped."
		return
	fi
	local c=$DIR/ref-docs-$n idx=$DIR/idx-ref-$n
	if [[ ! -f $c.done ]]; then
		rm -rf "$c" "$idx"
		log "generating the reference workload's $n documents: python3 $shared/gencorpus.py $c $n"
		timeout 1800 python3 "$shared/gencorpus.py" "$c" "$n" >&2 || { note "gencorpus.py $n failed: the reference workload was skipped."; return; }
		touch "$c.done"
	fi
	search_index "$c" "$idx" "$n" "Indexing the $label documents" 2000 || return
	start_server "$idx" "$c" "$DIR/serve-ref.log" || { row "Search, $label" "" "server did not start" "**no**" "faro serve --index $idx --corpus $c"; return; }
	sleep 5
	local cmd="wrk -t2 -c$CONNS -d$DUR --latency -s ../shared/bench/queries.lua \$URL"
	log "wrk -t2 -c$CONNS -d$DUR --latency -s $shared/queries.lua $URL (load $(loadavg))"
	timeout 700 wrk -t2 -c"$CONNS" -d"$DUR" --timeout 10s --latency -s "$shared/queries.lua" "$URL" >"$DIR/wrk-ref.txt" 2>&1 || true
	cat "$DIR/wrk-ref.txt" >&2
	wrk_parse "$DIR/wrk-ref.txt"
	row "HTTP search, $label documents, wrk with its distinct faceted queries, $CONNS conns: p50 / p99, throughput, errors" "≤ 10 ms / ≤ 50 ms, ≥ 500 req/s, 0" \
		"**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms, $(fmt0 "$WRPS") req/s, $WERRS errors**" "$(le "$W50" 10) / $(le "$W99" 50), $(ge "$WRPS" 500)" "$cmd"
	if ! skip uploads && ((UPLOADS > 0)); then
		local uout=$DIR/uploads-ref.txt stopf=$DIR/uploads-ref.stop
		rm -f "$stopf"
		log "the same while a page is uploaded every ${UPLOADS}s and deleted every $((2 * UPLOADS))s"
		upload_loop "$URL" "$(dur_s "$DUR")" "$UPLOADS" "$uout" "$stopf" &
		LOOP_PID=$!
		timeout 700 wrk -t2 -c"$CONNS" -d"$DUR" --timeout 10s --latency -s "$shared/queries.lua" "$URL" >"$DIR/wrk-ref-uploads.txt" 2>&1 || true
		touch "$stopf"
		wait "$LOOP_PID"
		LOOP_PID=
		rm -f "$stopf"
		cat "$DIR/wrk-ref-uploads.txt" >&2
		wrk_parse "$DIR/wrk-ref-uploads.txt"
		local ups fails
		ups=$(awk '$1=="up" && $2=="OK"' "$uout" | wc -l)
		fails=$(awk '($1=="up" || $1=="find" || $1=="del") && $2=="FAIL"' "$uout" | wc -l)
		row "HTTP search, $label documents, wrk with its queries **with one upload every $UPLOADS s and one deletion every $((2 * UPLOADS)) s**: p50 / p99, throughput, errors (uploads done, failures)" \
			"≤ 10 ms / ≤ 50 ms, ≥ 500 req/s, 0" "**$(fmt1 "$W50") ms / $(fmt1 "$W99") ms, $(fmt0 "$WRPS") req/s, $WERRS errors** ($ups uploads, $fails failed)" \
			"$(le "$W50" 10) / $(le "$W99" 50), $(ge "$WRPS" 500)" "$cmd + every ${UPLOADS} s curl -F file=@page.html \$URL/api/v1/documents"
		uploads_cleanup "$URL" "$c" "$uout"
	fi
	row "faro serve RSS after the $label runs" "≤ 300 MB" "**$(rss_mb "$SERVER_PID" VmRSS) MB** / peak $(rss_mb "$SERVER_PID" VmHWM) MB" "$(le "$(rss_mb "$SERVER_PID" VmRSS)" 300)" "grep -E 'VmRSS|VmHWM' /proc/\$PID/status"
	stop_server
}

if [[ -n ${BENCH_REFERENCE:-} ]]; then
	reference_workload "$BENCH_REFERENCE"
fi

# ------------------------------------------------------------ 4. extraction
if ! skip extract; then
	PDFS=()
	if [[ -n ${BENCH_PDFS:-} ]]; then
		read -r -a PDFS <<<"$BENCH_PDFS"
		SRC="BENCH_PDFS"
	elif compgen -G "$ROOT/../shared/realdocs/domain/*.pdf" >/dev/null; then
		PDFS=("$ROOT"/../shared/realdocs/domain/*.pdf)
		SRC="../shared/realdocs/domain/*.pdf"
	else
		C=$(corpus "$DOCS")
		mapfile -t PDFS < <(find "$C" -name '*.pdf' | sort | head -500)
		SRC="generated PDFs ($C, first 500)"
	fi
	if need pdftotext && ((${#PDFS[@]} > 0)); then
		log "extraction: faro extract vs pdftotext on ${#PDFS[@]} PDFs from $SRC (best of 3 each)"
		best_faro= best_pop= faro_pages= pop_pages=
		for k in 1 2 3; do
			t0=$(now_ns)
			timeout 600 "$FARO" extract --json "${PDFS[@]}" >"$DIR/extract.jsonl" 2>/dev/null
			t1=$(now_ns)
			s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b-a)/1e9}')
			[[ -z $best_faro ]] || awk -v a="$s" -v b="$best_faro" 'BEGIN{exit !(a<b)}' && best_faro=$s
			t0=$(now_ns)
			pp=0
			for f in "${PDFS[@]}"; do
				timeout 120 pdftotext -q "$f" "$DIR/pdftotext.txt" 2>/dev/null || true
				if [[ -f $DIR/pdftotext.txt ]]; then
					pp=$((pp + $(tr -cd '\f' <"$DIR/pdftotext.txt" | wc -c)))
					rm -f "$DIR/pdftotext.txt"
				fi
			done
			t1=$(now_ns)
			s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b-a)/1e9}')
			[[ -z $best_pop ]] || awk -v a="$s" -v b="$best_pop" 'BEGIN{exit !(a<b)}' && best_pop=$s
			pop_pages=$pp
		done
		faro_pages=$(jq -s 'map(.pages | length) | add' "$DIR/extract.jsonl")
		faro_failed=$(jq -s 'map(select(.error != "")) | length' "$DIR/extract.jsonl")
		fr=$(awk -v p="$faro_pages" -v s="$best_faro" 'BEGIN{printf "%.1f", p/s}')
		pr=$(awk -v p="$pop_pages" -v s="$best_pop" 'BEGIN{printf "%.1f", p/s}')
		ratio=$(awk -v a="$fr" -v b="$pr" 'BEGIN{printf "%.2f", a/b}')
		row "PDF extraction: faro extract, ${#PDFS[@]} PDFs ($SRC), one process" "(report)" "**$fr pages/s** ($faro_pages pages in $(fmt1 "$best_faro") s, $faro_failed files failed)" "—" \
			"faro extract --json FILES"
		row "PDF extraction: pdftotext (poppler), same PDFs, one process per file" "(report)" "**$pr pages/s** ($pop_pages pages in $(fmt1 "$best_pop") s)" "—" \
			"for f in FILES; do pdftotext -q \$f out.txt; done"
		row "PDF extraction: faro ÷ pdftotext pages/s" "≥ 1.0×" "**${ratio}×**" "$(ge "$ratio" 1.0)" "(the two rows above, best of 3 runs each)"
	else
		log "no pdftotext or no PDFs: skipping the extraction comparison"
	fi
fi

# ------------------------------------------------------------------- report
{
	echo "### bench.sh run of $DATE"
	echo
	echo "Machine: $NPROC CPUs ($CPU), $MEM RAM; $GOV; faro at $REV$DIRTY. Load average at the end: $(loadavg)."
	echo "Client and server share the machine's CPUs. Corpora: \`scripts/gencorpus -seed 1\` (HTML, Markdown, text, PDF; ~10% sidecars)."
	echo
	echo "| Measure | Target | Result | Met | Command |"
	echo "|---|---|---|---|---|"
	cat "$ROWS"
	if [[ -s $NOTES ]]; then
		echo
		cat "$NOTES"
	fi
	echo
} >"$RESULTS"
cat "$RESULTS"

if ((APPEND)); then
	B=$ROOT/BENCHMARKS.md
	if [[ ! -f $B ]]; then
		printf '# Benchmarks\n\n' >"$B"
	fi
	if ! grep -q '^## End-to-end performance (scripts/bench.sh)' "$B"; then
		printf '\n## End-to-end performance (scripts/bench.sh)\n\nFigures from `scripts/bench.sh` (see its header for settings); each run appends a table below.\n\n' >>"$B"
	fi
	cat "$RESULTS" >>"$B"
	log "appended to $B"
fi
