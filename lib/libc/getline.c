/* getline.c - getline() and getdelim(): read a whole line (or up to any
 * delimiter) into a buffer that grows with malloc/realloc as needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <minix/errno.h>

extern int errno;

ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim,
	FILE *restrict f)
{
	size_t n = 0;
	char *p;
	int c;

	if (line == NULL || cap == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (*line == NULL)
		*cap = 0;
	for (;;) {
		if (n + 2 > *cap) {
			size_t ncap = *cap < 64 ? 128 : 2 * *cap;

			if ((p = realloc(*line, ncap)) == NULL) {
				errno = ENOMEM;
				return -1;
			}
			*line = p;
			*cap = ncap;
		}
		if ((c = getc(f)) == EOF)
			break;
		(*line)[n++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[n] = '\0';
	return n == 0 ? -1 : (ssize_t)n;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}
