/* test_rsconf.c - host unit tests for servers/rs/conf.c, RS's parser of
 * MINIX system.conf syntax: every key, the defaults, the ALL/NONE words,
 * several services in one text, every .conf file of the tree, and bad
 * files refused with their line number and the reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../servers/rs/conf.c"

static struct rs_conf confs[8];
static struct rs_conf_error err;

static int parse(const char *text)
{
	return rs_conf_parse(text, strlen(text), confs, 8, &err);
}

static int has_call(const struct rs_conf *c, int call)
{
	return PD_ISSET(c->calls, SYS_CALL_NR(call));
}

static void test_every_key(void)
{
	const char *text =
	    "# a driver\n"
	    "service hello {\n"
	    "\tsystem IRQCTL DEVIO;      # kernel calls\n"
	    "\tipc SYSTEM pm rs ds vfs;\n"
	    "\tio 70:2 3f8:8 80;\n"
	    "\tirq 8 4;\n"
	    "\tuid 1000;\n"
	    "\tsigmgr pm;\n"
	    "\tscheduler KERNEL;\n"
	    "\tpriority 3;\n"
	    "\tquantum 200;\n"
	    "\tcpu 0;\n"
	    "\tpci device 8086/100e 10ec/8139;\n"
	    "\tvm BRK;\n"
	    "\tcontrol ds pm;\n"
	    "\tperiod 50;\n"
	    "\tflags MAGIC_GRANT;\n"
	    "};\n";
	const struct rs_conf *c = confs;

	CHECK_EQ(parse(text), 1, "every key: one service");
	CHECK(strcmp(c->label, "hello") == 0, "label");
	CHECK_EQ(c->line, 2, "line of 'service'");
	CHECK(has_call(c, SYS_IRQCTL) && has_call(c, SYS_DEVIO), "system: listed calls");
	CHECK(has_call(c, SYS_SAFECOPYFROM) && has_call(c, SYS_EXIT), "system: plus the basic set");
	CHECK(!has_call(c, SYS_FORK) && !has_call(c, SYS_PRIVCTL), "system: nothing else");
	CHECK_EQ(c->ipc_mode, RS_IPC_LIST, "ipc: a list");
	CHECK_EQ(c->nr_ipc, 5, "ipc: 5 targets");
	CHECK(strcmp(c->ipc[0], "SYSTEM") == 0 && strcmp(c->ipc[4], "vfs") == 0, "ipc: names");
	CHECK_EQ(c->nr_io, 3, "io: 3 ranges");
	CHECK(c->io[0].ior_base == 0x70 && c->io[0].ior_limit == 0x71, "io 70:2 is 0x70..0x71");
	CHECK(c->io[1].ior_base == 0x3f8 && c->io[1].ior_limit == 0x3ff, "io 3f8:8");
	CHECK(c->io[2].ior_base == 0x80 && c->io[2].ior_limit == 0x80, "io 80: one port");
	CHECK(c->nr_irq == 2 && c->irq[0] == 8 && c->irq[1] == 4, "irq 8 4");
	CHECK_EQ(c->uid, 1000, "uid");
	CHECK(strcmp(c->sigmgr, "pm") == 0, "sigmgr");
	CHECK_EQ(c->priority, 3, "priority");
	CHECK_EQ(c->quantum, 200, "quantum (ms)");
	CHECK(c->nr_pci == 2 && c->pci_id[0] == 0x8086100eu && c->pci_id[1] == 0x10ec8139u,
	    "pci device IDs");
	CHECK(c->nr_control == 2 && strcmp(c->control[1], "pm") == 0, "control");
	CHECK_EQ(c->period, 50, "period (ticks)");
	CHECK_EQ(c->flags, RSF_MAGIC_GRANT, "flags MAGIC_GRANT");
}

static void test_defaults_and_words(void)
{
	const char *text =
	    "service a { };\n"
	    "service b { system ALL; ipc ALL; io ALL; irq ALL; };\n"
	    "service c { system NONE; ipc NONE; io NONE; irq NONE; };\n"
	    "service d { system BASIC; ipc ALL_SYS; flags DMA; system VUMAP; };\n"
	    "service e { flags USER; ipc pm vfs; sigmgr pm; };\n";
	int i, all = 1;

	CHECK_EQ(parse(text), 5, "five services in one text");
	CHECK(has_call(&confs[0], SYS_SETGRANT) && !has_call(&confs[0], SYS_DEVIO),
	    "default: the basic calls");
	CHECK_EQ(confs[0].ipc_mode, RS_IPC_ALL_SYS, "default: ipc ALL_SYS");
	CHECK_EQ(confs[0].priority, USER_Q, "default: priority USER_Q");
	CHECK(confs[0].nr_io == 0 && confs[0].nr_irq == 0 && confs[0].period == 0,
	    "default: no I/O, IRQs, heartbeat");
	for (i = 0; i < CALL_MASK_WORDS; i++)
		all &= confs[1].calls[i] == 0xffffffffu;
	CHECK(all, "system ALL");
	CHECK_EQ(confs[1].ipc_mode, RS_IPC_ALL, "ipc ALL");
	CHECK(confs[1].nr_io == 1 && confs[1].io[0].ior_base == 0 &&
	    confs[1].io[0].ior_limit == 0xffff, "io ALL");
	CHECK_EQ(confs[1].nr_irq, 14, "irq ALL: 1, 3..15");
	CHECK(!has_call(&confs[2], SYS_EXIT) && !has_call(&confs[2], SYS_SAFECOPYTO),
	    "system NONE: not even the basic set");
	CHECK(confs[2].ipc_mode == RS_IPC_LIST && confs[2].nr_ipc == 0, "ipc NONE");
	CHECK(has_call(&confs[3], SYS_VUMAP) && has_call(&confs[3], SYS_TIMES),
	    "BASIC then VUMAP");
	CHECK_EQ(confs[3].flags, RSF_DMA, "flags DMA");
	CHECK_EQ(confs[4].flags, RSF_USER, "flags USER");
	CHECK(!has_call(&confs[4], SYS_EXIT), "a USER process has no kernel calls");
	CHECK(rs_conf_find(confs, 5, "d") == &confs[3] && !rs_conf_find(confs, 5, "x"), "find");
	CHECK(rs_call_by_name("SAFECOPYFROM") == SYS_SAFECOPYFROM && rs_call_by_name("sys") == 0,
	    "call names");
	CHECK(strcmp(rs_call_name(SYS_DEVIO), "DEVIO") == 0, "call name of a number");
}

/* Every .conf of the tree parses (run from the top of the tree). */
static void test_tree_files(void)
{
	static const char *const files[] = {
		"servers/ds/ds.conf", "servers/pm/pm.conf", "servers/vfs/vfs.conf",
		"servers/ext2/ext2.conf", "drivers/memory/memory.conf", "drivers/tty/tty.conf",
		"commands/init/init.conf", "commands/hello/hello.conf",
		"tests/system/runner.conf", "tests/bench/bench.conf",
	};
	static char buf[8192];
	size_t i, n;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		FILE *f = fopen(files[i], "r");
		char name[200];
		int r;
		n = f ? fread(buf, 1, sizeof(buf), f) : 0;
		if (f)
			fclose(f);
		r = f ? rs_conf_parse(buf, n, confs, 8, &err) : -1;
		snprintf(name, sizeof(name), "%s parses (%s)", files[i],
		    !f ? "missing" : r < 0 ? err.why : "ok");
		CHECK_EQ(r, 1, name);
	}
}

static void test_bad_files(void)
{
	static const struct { const char *text; int line; const char *why; } bad[] = {
		{ "service x {\n\tsytem DEVIO;\n};\n", 2, "unknown key 'sytem'" },
		{ "service x {\n\tsystem DEVIO FROB;\n};\n", 2, "unknown kernel call 'FROB'" },
		{ "service x {\n\tsystem DEVIO\n};\n", 3, "unexpected '}' in 'system'" },
		{ "service x {\n\tio 3f8:8\n", 3, "missing ';' after 'io'" },
		{ "service x {\n\tio 10000;\n};\n", 2, "bad I/O range '10000' (hex BASE:LEN inside 0..ffff)" },
		{ "service x {\n\tio ffff:2;\n};\n", 2, "bad I/O range 'ffff:2' (hex BASE:LEN inside 0..ffff)" },
		{ "service x {\n\tio g0;\n};\n", 2, "bad I/O range 'g0' (hex BASE:LEN inside 0..ffff)" },
		{ "service x {\n\tirq 16;\n};\n", 2, "irq 16 out of range (1, 3..15)" },
		{ "service x {\n\tirq two;\n};\n", 2, "bad irq 'two'" },
		{ "service x {\n\tirq 8 ALL;\n};\n", 2, "'ALL' must be the only value of 'irq'" },
		{ "service x {\n\tpriority 16;\n};\n", 2, "priority 16 out of range 0..15" },
		{ "service x {\n\tpriority 1 2;\n};\n", 2, "'priority' takes one value, not 2" },
		{ "service x {\n\tquantum 0;\n};\n", 2, "quantum 0 out of range 1..60000" },
		{ "service x {\n\tuid -1;\n};\n", 2, "bad uid value '-1'" },
		{ "service x {\n\tuid 1;\n\tuid 2;\n};\n", 3, "'uid' given twice" },
		{ "service x {\n\tperiod 0;\n};\n", 2, "period 0 out of range 1..1000000" },
		{ "service x {\n\tcpu 1;\n};\n", 2, "cpu 1 out of range 0..0" },
		{ "service x {\n\tscheduler sched;\n};\n", 2, "scheduler 'sched': only KERNEL schedules here" },
		{ "service x {\n\tflags ROOT;\n};\n", 2, "unknown flag 'ROOT' (MAGIC_GRANT, DMA, USER)" },
		{ "service x {\n\tflags DMA;\n};\n", 3, "service x: flag DMA without 'system VUMAP'" },
		{ "service x {\n\tflags USER;\n\tsystem DEVIO;\n};\n", 4,
		  "service x: a USER process has no kernel calls, I/O, IRQs or other flags" },
		{ "service x {\n\tpci bus 1;\n};\n", 2, "'pci' takes 'device' or 'class' and IDs" },
		{ "service x {\n\tpci device 8086;\n};\n", 2, "bad PCI ID '8086' (VID/DID)" },
		{ "service x {\n\tipc pm \"vfs\";\n};\n", 2, "unexpected 'vfs' in 'ipc'" },
		{ "service x {\n\tipc pm, vfs;\n};\n", 2, "unexpected character ','" },
		{ "service x {\n\tsigmgr ALongLabelOver16;\n};\n", 2, "bad sigmgr 'ALongLabelOver16'" },
		{ "service x {\n};\nservice x {\n};\n", 3, "service x given twice (first at line 1)" },
		{ "service x {\n}\nservice y {\n};\n", 2, "missing ';' after '}' of service x" },
		{ "service x\n\tipc ALL;\n};\n", 2, "expected '{' after 'service x'" },
		{ "\n\nservic x { };\n", 3, "expected 'service', got 'servic'" },
		{ "service { };\n", 1, "bad service name '{'" },
		{ "service x {\n\tipc ALL;\n", 3, "service x: missing '}'" },
		{ "service x {\n\tvm;\n};\n", 2, "'vm' needs a value" },
		{ "service x {\n\t\"descr\";\n};\n", 2, "expected a key, got 'descr'" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char name[160];
		int n = parse(bad[i].text);
		snprintf(name, sizeof(name), "bad file %zu refused at line %d: %s", i + 1,
		    bad[i].line, bad[i].why);
		CHECK(n == -1 && err.line == bad[i].line && strcmp(err.why, bad[i].why) == 0, name);
		if (n != -1 || err.line != bad[i].line || strcmp(err.why, bad[i].why) != 0)
			printf("#   got %d, line %d: %s\n", n, err.line, err.why);
	}
	/* More services than room. */
	CHECK(rs_conf_parse("service a{};service b{};", 24, confs, 1, &err) == -1 &&
	    strcmp(err.why, "too many services (max 1)") == 0, "too many services");
}

/* What the kernel gets: rs_conf_desc() (RS adds the IPC targets). */
static void test_priv_desc(void)
{
	struct priv_desc d;
	int i, calls = 0;

	CHECK_EQ(parse("service init { flags USER; ipc pm vfs; sigmgr pm; };\n"
	    "service tty { system DEVIO; io 3f8:8; irq 4; };\n"
	    "service vfs { flags MAGIC_GRANT; };\n"
	    "service disk { system VUMAP; flags DMA; };\n"), 4, "four services");
	rs_conf_desc(&confs[0], &d);
	for (i = 0; i < CALL_MASK_WORDS; i++)
		calls |= d.pd_call_mask[i] != 0;
	CHECK(d.pd_flags == PREEMPTIBLE && d.pd_trap_mask == TRAPS_USER && !calls,
	    "a USER process: SENDREC only, no kernel calls");
	rs_conf_desc(&confs[1], &d);
	CHECK(d.pd_flags == (SYS_PROC | PREEMPTIBLE) && d.pd_trap_mask == TRAPS_ALL,
	    "a system process");
	CHECK(PD_ISSET(d.pd_call_mask, SYS_CALL_NR(SYS_DEVIO)) &&
	    PD_ISSET(d.pd_call_mask, SYS_CALL_NR(SYS_EXIT)) &&
	    !PD_ISSET(d.pd_call_mask, SYS_CALL_NR(SYS_IRQCTL)), "its call mask");
	CHECK(d.pd_nr_io == 1 && d.pd_io[0].ior_base == 0x3f8 && d.pd_io[0].ior_limit == 0x3ff &&
	    d.pd_nr_irq == 1 && d.pd_irq[0] == 4, "its ports and IRQ line");
	CHECK_EQ(d.pd_sig_mgr, SELF, "RS (the caller) manages it");
	rs_conf_desc(&confs[2], &d);
	CHECK_EQ(d.pd_flags, SYS_PROC | PREEMPTIBLE | MAGIC_GRANT, "MAGIC_GRANT");
	rs_conf_desc(&confs[3], &d);
	CHECK_EQ(d.pd_flags, SYS_PROC | PREEMPTIBLE | DMA_OK, "DMA");
}

int main(void)
{
	test_every_key();
	test_defaults_and_words();
	test_tree_files();
	test_bad_files();
	test_priv_desc();
	return tap_done();
}
