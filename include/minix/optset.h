/* minix/optset.h - MINIX's option-string parser for services:
 * optset_parse(table, "name=value,flag,...") sets the variables the table
 * names.  OPT_BOOL: a bare name stores os_val in the int; OPT_STRING:
 * copies the value into a buffer of os_val bytes; OPT_INT: strtol with
 * base os_val.  Unknown names and bad values are ignored, as in MINIX.
 */
#ifndef _MINIX_OPTSET_H
#define _MINIX_OPTSET_H

enum { OPT_BOOL, OPT_STRING, OPT_INT };

struct optset {
	char *os_name;
	int os_type;
	void *os_ptr;
	int os_val;
};

void optset_parse(struct optset *table, char *string);
#endif
