/* lineedit.h - console line editing for the shell (lineedit.c).
 *
 * le_readline() prints the prompt on fd 1 and reads one line from fd 0,
 * edited on a terminal (cursor keys, ^A ^E ^U ^K ^W, the session history
 * with up and down); the line is stored without its newline and
 * NUL-terminated in buf (at most size - 1 bytes).  It returns the line's
 * length, LE_EOF at end of input (^D on an empty line, or read() giving
 * 0 or an error), or LE_INTR when ^C was typed or a signal interrupted
 * the read (the line is dropped; "^C" and a newline, or a newline, have
 * been printed, so a new prompt can follow).
 * When fd 0 is not a terminal, the prompt is printed and a line is read
 * plainly.
 *
 * le_history_add() appends a line to the session history (the last 100;
 * empty lines and a repeat of the newest are skipped).
 */
#ifndef LINEEDIT_H
#define LINEEDIT_H

#include <stddef.h>

#define LE_EOF  (-1)
#define LE_INTR (-2)

int le_readline(const char *prompt, char *buf, size_t size);
void le_history_add(const char *line);

#endif /* LINEEDIT_H */
