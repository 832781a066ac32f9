/* optset.c - MINIX's optset_parse(): "name=value,flag,..." into the
 * variables a table names (<minix/optset.h>). */
#include <stdlib.h>
#include <string.h>
#include <minix/optset.h>

static void set_one(struct optset *t, const char *name, size_t nlen, const char *val, size_t vlen)
{
	char num[32];

	for (; t->os_name; t++) {
		if (strlen(t->os_name) != nlen || strncmp(t->os_name, name, nlen) != 0)
			continue;
		switch (t->os_type) {
		case OPT_BOOL:
			if (!val)
				*(int *)t->os_ptr = t->os_val;
			break;
		case OPT_STRING:
			if (val && t->os_val > 0) {
				size_t n = vlen < (size_t)t->os_val - 1 ? vlen : (size_t)t->os_val - 1;
				memcpy(t->os_ptr, val, n);
				((char *)t->os_ptr)[n] = '\0';
			}
			break;
		case OPT_INT:
			if (val && vlen > 0 && vlen < sizeof(num)) {
				char *end;
				long v;

				memcpy(num, val, vlen);
				num[vlen] = '\0';
				v = strtol(num, &end, t->os_val);
				if (*end == '\0')
					*(int *)t->os_ptr = (int)v;
			}
			break;
		}
		return;
	}
}

void optset_parse(struct optset *table, char *string)
{
	char *p = string;

	while (p && *p) {
		char *comma = strchr(p, ','), *eq;
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		eq = memchr(p, '=', len);
		if (eq)
			set_one(table, p, (size_t)(eq - p), eq + 1, len - (size_t)(eq - p) - 1);
		else
			set_one(table, p, len, NULL, 0);
		p = comma ? comma + 1 : NULL;
	}
}
