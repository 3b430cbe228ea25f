/*
 * untrusted: text that emcompat did not write, made safe for where it is
 * shown. Everything a child prints is untrusted (a crate's build script, a
 * package's test, a compromised toolchain can print anything), and so is
 * every string read back from a results.json, which may come from another
 * machine. Such text is data: shown, it must never act on the place that
 * shows it. This module is the one place that knows how, one function per
 * sink; every writer that shows or summarises untrusted text calls it.
 * Logs on disk keep the raw bytes: they are evidence.
 *
 * Terminal (untrusted_term_add): tab and newline stay; every other C0
 * control, DEL, each C1 control (a raw byte 0x80-0x9f or U+0080-U+009F in
 * UTF-8) and each byte that is not UTF-8 becomes a visible escape:
 *
 *   ESC \e   BEL \a   CR \r   BS \b   FF \f   VT \v
 *   other C0 and DEL, a byte that is not UTF-8   \xNN  (two lowercase hex digits)
 *   C1 in UTF-8 (U+0080-U+009F)                  \u00NN
 *   a bidi control or invisible format character  \uNNNN
 *     (U+061C, U+180E, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
 *     U+2066-U+2069, U+FEFF: shown raw they reorder or hide the text
 *     around them, so a line could read as something it is not)
 *
 * With no ESC, BEL or C1 left, no escape sequence of any family (CSI, OSC,
 * DCS, APC, PM, SOS; ended by BEL or ST, or unterminated) can form: one
 * shows as its own text, e.g. "\e]0;HACKED\a". Backslashes are not doubled:
 * the escapes are for reading, not for decoding back.
 *
 * Markdown (untrusted_md_add, untrusted_md_code_add): one table cell or
 * heading of inline text. Text of letters, digits, spaces, non-ASCII
 * characters and ". , - + = / :" (and "_" inside a word), with no "www."
 * or "://", forms nothing in CommonMark or GitHub's Markdown and is written
 * as it is; anything else is written as a code span whose backtick fence is
 * longer than any run of backticks in the text, so no link, autolink,
 * image, HTML, emphasis or entity can form inside. The text is one line
 * (tab, CR and newline become spaces), its other controls are escaped as
 * for a terminal, and "|" is written "\|" (GitHub's tables split cells on
 * it, in code spans too, and show "\|" as "|").
 *
 * XML (untrusted_xml_add): character data for libxml2's writer, which
 * escapes markup itself: terminal colour sequences (CSI) are dropped; a
 * byte that is not UTF-8 and a character XML 1.0 cannot carry (C0 but tab,
 * newline and CR), DEL and C1 become U+FFFD.
 *
 * JSON: cJSON escapes quotes, backslashes and C0 controls; a string it is
 * given must be UTF-8 (untrusted_utf8_add). results.json keeps the text as
 * printed, as data; JSON printed to a terminal goes through
 * untrusted_json_add, which writes DEL and C1 as \u escapes (the same JSON
 * value).
 *
 * All functions append to a strbuf (util.h) and never fail; S is NUL-free
 * text of N bytes unless said otherwise. Thread safe.
 */
#ifndef EMCOMPAT_UNTRUSTED_H
#define EMCOMPAT_UNTRUSTED_H

#include <stddef.h>
#include <stdio.h>

#include "emcompat/util.h"

/*
 * The length of the complete CSI sequence (ESC '[', parameter bytes
 * 0x30-0x3f, intermediate bytes 0x20-0x2f, a final byte 0x40-0x7e) at S
 * (N bytes), or 0 when S does not start with one. Terminal colours and
 * cursor moves are CSI sequences: the classifier drops them before
 * matching, the XML writer before writing.
 */
size_t untrusted_csi_len(const char *s, size_t n);

/* S (N bytes) for a terminal, as above: appends to SB. */
void untrusted_term_add(struct strbuf *sb, const char *s, size_t n);

/*
 * S (a NUL-terminated string, NULL as "") for a terminal, in SB (emptied
 * first), for printf's %s: returns S itself when it needs no escape.
 * Valid until SB changes or S is freed.
 */
const char *untrusted_term(struct strbuf *sb, const char *s);

/* S (NUL-terminated, NULL as "") for a terminal, written to OUT; returns what fputs returns. */
int untrusted_term_fputs(const char *s, FILE *out);

/*
 * S (NUL-terminated, NULL as "") as Markdown inline text, as above: as it
 * is when it forms nothing, else a code span. At most MAX bytes of S are
 * shown (cut at a character), then "…".
 */
void untrusted_md_add(struct strbuf *sb, const char *s, size_t max);

/* As untrusted_md_add, always as a code span (cell ids, run ids: code by look). */
void untrusted_md_code_add(struct strbuf *sb, const char *s, size_t max);

/* S (N bytes) as XML character data, as above. */
void untrusted_xml_add(struct strbuf *sb, const char *s, size_t n);

/* S (N bytes) as UTF-8: each byte that is not part of a valid character becomes U+FFFD. */
void untrusted_utf8_add(struct strbuf *sb, const char *s, size_t n);

/*
 * JSON text TEXT (NUL-terminated, as cJSON prints it from UTF-8 strings)
 * for a terminal: DEL and C1 characters, which can stand only inside
 * strings, become \u007f ... \u009f, and a byte that is not UTF-8 becomes
 * \ufffd. The JSON value is unchanged.
 */
void untrusted_json_add(struct strbuf *sb, const char *text);

#endif
