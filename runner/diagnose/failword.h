/*
 * failword: whether a line says in plain words that something failed
 * (failword.c). The evidence reader's last resort: a log in which no line
 * has the shape of any tool's error still reports a failure when one of its
 * lines says so in words ("download of x failed", "libfoo.so.1 => not
 * found", "invalid instruction 0x12"); the last such line is what an
 * unclassified result then quotes instead of "no error". Internal to the
 * classifier (runner/diagnose/).
 */
#ifndef EMCOMPAT_FAILWORD_H
#define EMCOMPAT_FAILWORD_H

/*
 * Whether the line [S, END) (its own text, no newline) says that something
 * failed: it has a failure word ("error", "failed", "not found", "cannot",
 * "invalid", ...) as a word of its own, not in a flag, a path or an
 * identifier ("-Werror", "error.rs", "on_error"), not counted as zero ("0
 * errors", "failed: 0"), and the line is no warning, note, hint, retry,
 * command, stack frame or source listing. Pure; reads only [S, END).
 */
int failword_line(const char *s, const char *end);

/*
 * Whether the line [S, END) says it is no error ("This isn't actually an
 * error!", winit's exception that unwinds the JS stack on the web): whatever
 * shape or words it has, it reports no failure. Pure.
 */
int failword_denied(const char *s, const char *end);

/*
 * Whether the line [S, END) reports a child's nonzero exit or its death by a
 * signal ("objdump returned 255", "Process exited with code 1", "driver
 * status: signal: 9"; the number stands alone: "returned 1 rows" is a
 * count). failword_line counts such a line as a failure. Pure.
 */
int failword_exit(const char *s, const char *end);

/*
 * Whether the line [S, END) says in words that a step got to its end
 * ("Finished release [optimized]", "Successfully installed x", "done in 3s")
 * and says no failure: a failure said before it was survived. Pure.
 */
int failword_success(const char *s, const char *end);

#endif
