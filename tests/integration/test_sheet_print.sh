#!/bin/sh
# Printing a sheet through a real CUPS: the test starts its own cupsd (a
# private configuration and a private socket, so a system cupsd is left
# alone), adds a cups-pdf queue, prints, waits for the job to complete,
# checks the printed PDF with pdfinfo (cups-pdf writes outlines, so no
# pdftotext), then removes the queue and stops the cupsd it started.
# cupsd and cups-pdf need root: as another user the test says so and skips.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/sheet_data.sh"

if [ "$(id -u)" != 0 ]; then
	skip "the CUPS printing test starts its own cupsd and needs root"
fi
for tool in /usr/sbin/cupsd lpadmin lpstat lp pdfinfo sqlite3; do
	command -v "$tool" >/dev/null ||
		{ echo "FAIL: $tool is needed (packages cups, cups-client, printer-driver-cups-pdf)"; exit 1; }
done
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -f $ppd ] || { echo "FAIL: $ppd is missing (package printer-driver-cups-pdf)"; exit 1; }

# cupsd's filters run as user lp: the private tree must be reachable by it.
C=$(mktemp -d /tmp/doorstep-cups-XXXXXX)
chmod 755 "$C"
mkdir -p "$C/root/ppd" "$C/spool" "$C/cache" "$C/state" "$C/log" "$C/tmp"
chmod 1777 "$C/tmp"
cat >"$C/cupsd.conf" <<EOC
LogLevel info
Listen $C/cups.sock
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOC
cat >"$C/cups-files.conf" <<EOC
ServerRoot $C/root
RequestRoot $C/spool
CacheDir $C/cache
StateDir $C/state
TempDir $C/tmp
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
SystemGroup root
EOC
mkdir -p /run/cups
/usr/sbin/cupsd -f -c "$C/cupsd.conf" -s "$C/cups-files.conf" &
cupsd_pid=$!
export CUPS_SERVER="$C/cups.sock"
out_dir=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF
cleanup() {
	lpadmin -x TESTPDF 2>/dev/null
	kill "$cupsd_pid" 2>/dev/null
	wait "$cupsd_pid" 2>/dev/null
	rm -f "$out_dir"/*-job_"${jobno:-none}".pdf "$out_dir"/*-job_"${jobrno:-none}".pdf
	rm -rf "$C" "$T"
}
trap cleanup EXIT

i=0
until lpstat -r 2>/dev/null | grep -q 'is running'; do
	i=$((i + 1))
	[ $i -lt 50 ] || { echo "FAIL: the private cupsd did not start"; cat "$C/log/error_log"; exit 1; }
	sleep 0.1
done
lpadmin -p TESTPDF -E -v cups-pdf:/ -P $ppd -o printer-error-policy=abort-job 2>/dev/null ||
	{ echo "FAIL: lpadmin could not add the cups-pdf queue"; exit 1; }
lpstat -a | grep -q '^TESTPDF accepting' || fail "lpstat -a does not list TESTPDF"

sheet_data a.db 50 || { echo "FAIL: test data"; exit 1; }

# an unknown queue: a clear error, the PDF kept, nothing audited
expect_status 1 "$BIN" --db a.db sheet isolation --print --printer NOSUCHQUEUE -o iso.pdf &&
	expect_grep 'no printer queue "NOSUCHQUEUE"' "$T/err" && expect_grep "kept at $T/iso.pdf" "$T/err"
[ -s iso.pdf ] || fail "the PDF was not kept after a refused job"

# no default queue and no --printer
expect_status 1 "$BIN" --db a.db sheet isolation --print -o iso.pdf &&
	expect_grep 'no default printer' "$T/err"

# a real job: the isolation sheet (A4 landscape; its table, then the
# temperature curves), every page of it
expect_status 0 "$BIN" --db a.db sheet isolation --print --printer TESTPDF -o iso.pdf &&
	expect_grep 'as job TESTPDF-[0-9]' "$T/out"
job=$(sed -n 's/.* as job \(TESTPDF-[0-9]*\).*/\1/p' "$T/out")
jobno=${job#TESTPDF-}
i=0
while lpstat -o TESTPDF 2>/dev/null | grep -q "^$job "; do
	i=$((i + 1))
	[ $i -lt 300 ] || { fail "job $job did not complete in 30 s"; break; }
	sleep 0.1
done
lpstat -W completed -o TESTPDF | grep -q "^$job " || fail "job $job is not listed as completed"
printed=$(ls "$out_dir"/*-job_"$jobno".pdf 2>/dev/null | head -n 1)
if [ -z "$printed" ]; then
	fail "cups-pdf wrote no file for job $job in $out_dir"
	grep "Job $jobno" "$C/log/error_log" | tail -n 20
else
	# cups-pdf may still be writing the file when lpstat calls the job
	# completed: give it a few seconds to be a whole PDF.
	i=0
	until pdfinfo "$printed" >info.txt 2>/dev/null || [ $i -ge 100 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	pdfinfo "$printed" >info.txt || fail "pdfinfo cannot open the printed file"
	want=$(pdfinfo iso.pdf | sed -n 's/^Pages: *//p')
	expect_grep "^Pages: *$want\$" info.txt
	grep -qE '^Page size: *(842 x 595|595 x 842)' info.txt || fail "the printed page is not A4"
fi
[ "$(sqlite3 a.db "SELECT count(*) FROM audit_log WHERE action = 'print' AND changes LIKE '%$job%'")" = 1 ] ||
	fail "the printed sheet is not in the audit log"
# the audit row names the file by its absolute path
sqlite3 a.db "SELECT changes FROM audit_log WHERE action = 'print' AND changes LIKE '%$job%'" |
	grep -qF "\"file\":\"$T/iso.pdf\"" || fail "the audit row does not name $T/iso.pdf"

# a printed receipt's audit row names its receipt number and absolute path
expect_status 0 "$BIN" --db a.db sheet receipt --receipt 2020-A-0001 --print --printer TESTPDF &&
	expect_grep 'as job TESTPDF-' "$T/out"
jobr=$(sed -n 's/.* as job \(TESTPDF-[0-9]*\).*/\1/p' "$T/out")
jobrno=${jobr#TESTPDF-}
sqlite3 a.db "SELECT changes FROM audit_log WHERE action = 'print' AND changes LIKE '%$jobr%'" >ra.txt
expect_grep '"receipt":"2020-A-0001"' ra.txt
expect_grep "\"file\":\"$T/receipt-2020-A-0001.pdf\"" ra.txt

# the default queue is used without --printer
lpadmin -d TESTPDF
expect_status 0 "$BIN" --db a.db sheet donations --print -o don.pdf && expect_grep 'as job TESTPDF-' "$T/out"
job2=$(sed -n 's/.* as job \(TESTPDF-[0-9]*\).*/\1/p' "$T/out")
i=0
while lpstat -o TESTPDF 2>/dev/null | grep -q "^$job2 "; do
	i=$((i + 1))
	[ $i -lt 300 ] || break
	sleep 0.1
done
rm -f "$out_dir"/*-job_"${job2#TESTPDF-}".pdf

# from the TUI: tab 6, the donation notice, p, the default queue
if command -v tmux >/dev/null; then
	sock="$T/tmux.sock"
	tmux -S "$sock" new-session -d -s s -x 100 -y 30 \
		"env LANG=C.UTF-8 CUPS_SERVER=$CUPS_SERVER DOORSTEP_NOW='$DOORSTEP_NOW' DOORSTEP_STAFF=王小明 $BIN --db a.db"
	shown() {
		i=0
		until tmux -S "$sock" capture-pane -t s -p | grep -q -e "$1"; do
			i=$((i + 1))
			[ $i -lt 100 ] || { fail "the TUI never showed \"$1\""; tmux -S "$sock" capture-pane -t s -p; return 1; }
			sleep 0.1
		done
	}
	sleep 0.5
	tmux -S "$sock" send-keys -t s 6
	shown '走访登记表 (rounds)'
	tmux -S "$sock" send-keys -t s Enter
	shown donations && tmux -S "$sock" send-keys -t s 4
	shown '捐赠款物公示 (donations)' && tmux -S "$sock" send-keys -t s p
	shown 'TESTPDF (default)' && tmux -S "$sock" send-keys -t s Enter
	shown 'Sent to TESTPDF as job TESTPDF-'
	job3=$(tmux -S "$sock" capture-pane -t s -p | sed -n 's/.*as job \(TESTPDF-[0-9]*\).*/\1/p' | head -n 1)
	tmux -S "$sock" kill-server
	i=0
	while [ -n "$job3" ] && lpstat -o TESTPDF 2>/dev/null | grep -q "^$job3 "; do
		i=$((i + 1))
		[ $i -lt 300 ] || break
		sleep 0.1
	done
	lpstat -W completed -o TESTPDF | grep -q "^$job3 " || fail "the TUI's job $job3 did not complete"
	[ "$(sqlite3 a.db "SELECT count(*) FROM audit_log WHERE action = 'print' AND changes LIKE '%$job3%'")" = 1 ] ||
		fail "the TUI's print is not in the audit log"
	rm -f "$out_dir"/*-job_"${job3#TESTPDF-}".pdf
fi

finish
