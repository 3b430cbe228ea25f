#!/bin/sh
# A fake toolchain stage: the scheduler's test seam, never a stand-in for
# the real pipeline (tests/e2e runs that). `emcompat run --fake-toolchains
# tests/fake/toolchain` runs toolchain/<stage>, which execs this with the
# node's KEY=VALUE inputs. The `behave` axis picks what the stage does:
#   fail-<stage>    print the recorded output recorded/<stage>.stderr, exit 1
#   hostile-<stage> fail printing terminal escape sequences (OSC, CSI, DCS,
#                   an unterminated OSC 8 hyperlink, C1 bytes), Markdown and
#                   HTML, as a compromised tool could (untrusted.h)
#   hang-<stage>    sleep, with a grandchild sleeping too (deadline tests)
#   stubborn-<stage> like hang, ignoring SIGTERM
#   flaky-<stage>   fail the first time, pass the next
#   spew-<stage>    print 20 MB on stdout (log cap tests)
#   crash-<stage>   die of SIGSEGV
#   closeout-<stage> close stdout at once, then go on (stderr) and pass
#   daemon-<stage>  leave a daemon behind in a session of its own (setsid),
#                   its pid in $EMCOMPAT_OUT/daemon.pid, and pass
# `sleep=S` makes every stage take S seconds. FAKE_TRACE, when set, names
# a file that gets "start NODE" and "end NODE" lines.
set -u
stage=$EMCOMPAT_STAGE
here=$(dirname "$0")
behave=ok
pause=0
for arg in "$@"; do
	case $arg in
	behave=*) behave=${arg#behave=} ;;
	sleep=*) pause=${arg#sleep=} ;;
	esac
done
trace() { [ -z "${FAKE_TRACE:-}" ] || echo "$1 $EMCOMPAT_NODE" >>"$FAKE_TRACE"; }
trace start
case $behave in
"fail-$stage")
	cat "$here/../recorded/$stage.stderr" >&2
	trace end
	exit 1 ;;
"hostile-$stage")
	printf 'note: \033[2J\033[H\033]0;HACKED\007 cleared the screen\n' >&2
	printf 'error: \033]0;HACKED\007 \033[2J \033P+q\033\\ \233 \302\233 31m a|b [click](https://evil.example) **bold** <img src=https://evil.example/t.png> `tick` ``two`` \033]8;;http://x\n' >&2
	trace end
	exit 1 ;;
"hang-$stage")
	sleep 1000 &
	echo $! >"$EMCOMPAT_OUT/grandchild.pid"
	sleep 1000 ;;
"stubborn-$stage")
	trap '' TERM
	sleep 1000 &
	echo $! >"$EMCOMPAT_OUT/grandchild.pid"
	while :; do sleep 1; done ;;
"flaky-$stage")
	if [ ! -e "$EMCOMPAT_OUT/.failed-once" ]; then
		touch "$EMCOMPAT_OUT/.failed-once"
		echo "error: transient failure (the first attempt of a flaky stage)" >&2
		trace end
		exit 1
	fi ;;
"spew-$stage")
	head -c 20000000 /dev/zero | tr '\0' 'x' ;;
"crash-$stage")
	kill -SEGV $$ ;;
"closeout-$stage")
	exec >&-
	sleep 0.2
	echo "$stage: still working with stdout closed" >&2
	echo "$stage: $*" >"$EMCOMPAT_OUT/$stage.out"
	trace end
	exit 0 ;;
"daemon-$stage")
	setsid sleep 1000 </dev/null >/dev/null 2>&1 &
	pid=$!
	# Exit only once it has left our group, or the group kill would catch it.
	sid=
	while [ "$sid" != "$pid" ]; do
		read -r _ _ _ _ _ sid _ <"/proc/$pid/stat" || break
	done
	echo "$pid" >"$EMCOMPAT_OUT/daemon.pid" ;;
esac
[ "$pause" = 0 ] || sleep "$pause"
echo "$stage: $*" >"$EMCOMPAT_OUT/$stage.out"
echo "$stage ok"
trace end
