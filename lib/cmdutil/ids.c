/* ids.c - user and group names: the colon-separated files /etc/passwd
 * (name:password:uid:gid:...) and /etc/group (name:password:gid:...),
 * read line by line; there is no getpwnam() in libc yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmdutil.h"

/* Find in FILE the line whose name (field 0) is NAME, or, with NAME
 * NULL, whose id (field 2) is ID; its name into BUF and its id into *IDP.
 * 0 if found, -1 if not. */
static int id_find(const char *file, const char *name, long id, char *buf,
	size_t size, long *idp)
{
	char line[256], *colon, *f2, *end;
	FILE *f;
	long v;
	int r = -1;

	if ((f = fopen(file, "r")) == NULL)
		return -1;
	while (r < 0 && fgets(line, sizeof(line), f)) {
		if ((colon = strchr(line, ':')) == NULL)
			continue;
		*colon = '\0';
		if ((f2 = strchr(colon + 1, ':')) == NULL)
			continue;
		v = strtol(f2 + 1, &end, 10);
		if (end == f2 + 1 || (*end != ':' && *end != '\n' && *end != '\0'))
			continue;
		if (name ? strcmp(line, name) == 0 : v == id) {
			if (buf) {
				strncpy(buf, line, size - 1);
				buf[size - 1] = '\0';
			}
			if (idp)
				*idp = v;
			r = 0;
		}
	}
	fclose(f);
	return r;
}

long cmd_id_of(const char *name, int group)
{
	char *end;
	long v;

	if (*name == '\0')
		return -1;
	v = strtol(name, &end, 10);
	if (*end == '\0' && v >= 0)
		return v;
	if (id_find(group ? "/etc/group" : "/etc/passwd", name, 0, NULL, 0, &v) < 0)
		return -1;
	return v;
}

int cmd_name_of(long id, int group, char *buf, size_t size)
{
	return id_find(group ? "/etc/group" : "/etc/passwd", NULL, id, buf, size,
	    NULL);
}
