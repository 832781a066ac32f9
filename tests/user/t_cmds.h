/* t_cmds.h - the tests of the commands (t_cmds.c), for the table in
 * tests.c.
 */
#ifndef T_CMDS_H
#define T_CMDS_H

int test_cmd_sort_uniq(void);
int test_cmd_head(void);
int test_cmd_tail(void);
int test_cmd_wc(void);
int test_cmd_grep(void);
int test_cmd_od(void);
int test_cmd_test(void);
int test_cmd_seq_yes(void);
int test_cmd_names(void);
int test_cmd_env(void);
int test_cmd_which(void);
int test_cmd_cat_n(void);
int test_cmd_ls_R(void);
int test_cmd_date(void);
int test_cmd_printf(void);
int test_cmd_cut_tr(void);
int test_cmd_sort(void);
int test_cmd_uname(void);
int test_cmd_tee_more(void);
int test_cmd_writes(void);
int test_cmd_usage(void);

#endif /* T_CMDS_H */
