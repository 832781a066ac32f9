/* test_x86len.c - host tests for the fault injector's pieces: the i386
 * instruction-length decoder (servers/rs/x86len.c) on a table of known
 * encodings and against objdump on our own binaries (every instruction
 * boundary objdump reports must be ours), and the fault chooser
 * (servers/rs/swifi.c): the PRNG's first outputs, and for every type on
 * fitest's text the same patch for the same (seed, type, index), the
 * length kept, and exactly the change the type describes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../servers/rs/x86len.c"
#include "../../servers/rs/swifi.c"

static const struct { const char *hex; int len; } known[] = {
	{ "55", 1 }, { "89e5", 2 }, { "83ec1c", 3 }, { "8b4508", 3 }, { "8b0424", 3 },
	{ "8b442404", 4 }, { "8b842400010000", 7 }, { "8b0578563412", 6 },
	{ "8b048500000000", 7 }, { "c744240401000000", 8 }, { "c7057856341201000000", 10 },
	{ "66c745fc0100", 6 }, { "e800000000", 5 }, { "0f8400000000", 6 }, { "7410", 2 },
	{ "0fb645ff", 4 }, { "660f1f440000", 6 }, { "0f1f8000000000", 7 },
	{ "8db42600000000", 7 }, { "8d7600", 3 }, { "f6c201", 3 }, { "f7c100010000", 6 },
	{ "f7d8", 2 }, { "69c0e8030000", 6 }, { "6bc00a", 3 }, { "c20400", 3 },
	{ "a178563412", 5 }, { "66a178563412", 6 }, { "67a13412", 4 }, { "c8100000", 4 },
	{ "f3ab", 2 }, { "f00fb10a", 4 }, { "cd80", 2 }, { "0fa2", 2 }, { "0fbae003", 4 },
	{ "0f0b", 2 }, { "678b4602", 4 }, { "678b063412", 5 }, { "9a785634120800", 7 },
	{ "669a34120800", 6 }, { "c3", 1 }, { "e9fbffffff", 5 }, { "ebfe", 2 },
	{ "ff1485000000f0", 7 }, { "ffd0", 2 }, { "6a00", 2 }, { "6800100000", 5 },
	{ "b801000000", 5 }, { "66b80100", 4 }, { "0f94c0", 3 }, { "0f44c2", 3 },
	{ "0fafc2", 3 }, { "d1e8", 2 }, { "c1e805", 3 }, { "0fa4c204", 4 }, { "2e8b00", 3 },
	{ "0f3800c1", 4 }, { "0f3a0fc108", 5 }, { "0f", -1 }, { "8b", -1 }, { "c7442404", -1 },
};

static int unhex(const char *s, uint8_t *b)
{
	int n = 0;

	for (; s[0] && s[1]; s += 2)
		sscanf(s, "%2hhx", &b[n++]);
	return n;
}

static void test_known(void)
{
	struct x86_insn in;
	uint8_t b[32];
	char name[64];
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		int n = unhex(known[i].hex, b);
		snprintf(name, sizeof(name), "x86_decode %s", known[i].hex);
		CHECK_EQ(x86_decode(b, (size_t)n, &in), known[i].len, name);
	}
	x86_decode((const uint8_t *)"\xc7\x44\x24\x04\x01\x00\x00\x00", 8, &in);
	CHECK(in.modrm_off == 1 && in.sib_off == 2 && in.disp_off == 3 &&
	    in.disp_size == 1 && in.imm_off == 4 && in.imm_size == 4, "fields of c7 44 24 04 imm32");
}

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

/* Every boundary objdump -d reports in .text is where our walk is. */
static void test_objdump(const char *prog)
{
	char cmd[256], line[512], name[96];
	struct fi_target t;
	struct x86_insn in;
	size_t size;
	uint8_t *img;
	uint32_t ours, insns = 0, bad = 0, first_bad = 0;
	FILE *p;

	snprintf(name, sizeof(name), "build/bin/%s", prog);
	img = slurp(name, &size);
	if (!img) {
		snprintf(name, sizeof(name), "../../build/bin/%s", prog);
		img = slurp(name, &size);
	}
	snprintf(cmd, sizeof(cmd), "objdump for %s (%s)", prog, name);
	CHECK(img && fi_elf_target(img, (uint32_t)size, &t) == 0, cmd);
	if (!img)
		return;
	snprintf(cmd, sizeof(cmd), "objdump -d -j .text --insn-width=16 %s", name);
	p = popen(cmd, "r");
	ours = t.text_addr;
	while (p && fgets(line, sizeof(line), p)) {
		unsigned a;
		int n;
		if (sscanf(line, " %x:\t", &a) != 1 || !strchr(line, '\t'))
			continue;
		insns++;
		if (a != ours) {
			if (!bad++)
				first_bad = a;
			ours = a;
		}
		n = x86_decode(t.text + (ours - t.text_addr), t.text_len - (ours - t.text_addr), &in);
		ours += n > 0 ? (uint32_t)n : 1;
	}
	if (p)
		pclose(p);
	snprintf(name, sizeof(name), "every instruction of %s's .text (%u) at objdump's boundary",
	    prog, insns);
	if (bad)
		printf("# first mismatch at 0x%x\n", first_bad);
	CHECK(insns > 1000 && bad == 0 && ours == t.text_addr + t.text_len, name);
	free(img);
}

static void test_rng(void)
{
	struct fi_rng r;
	uint32_t a, b;

	fi_rng_init(&r, 1, 0, 0);	/* splitmix64 from state 1<<32 */
	a = fi_rng_next(&r);
	fi_rng_init(&r, 1, 0, 0);
	b = fi_rng_next(&r);
	CHECK_EQ(a, b, "the PRNG repeats from the same seed");
	fi_rng_init(&r, 0, 0, 0);	/* splitmix64(0)'s first output: e220a8397b1dcdaf */
	CHECK_EQ(fi_rng_next(&r), 0xe220a839u, "splitmix64's published first output");
}

static int bytes_differ(const struct fi_log *l)
{
	int i, n = 0;

	for (i = 0; i < l->len; i++)
		n += l->old[i] != l->new[i];
	return n;
}

static void test_choose(void)
{
	static const char *names[] = FI_TYPE_NAMES;
	struct fi_log a, b, c;
	struct fi_target t;
	struct x86_insn in;
	uint8_t *img;
	size_t size;
	char name[96];
	int type, r;

	if (!(img = slurp("build/bin/fitest", &size)))
		img = slurp("../../build/bin/fitest", &size);
	CHECK(img && fi_elf_target(img, (uint32_t)size, &t) == 0, "fitest's .text found");
	if (!img)
		return;
	for (type = FI_SRCREG; type <= FI_NOP; type++) {
		r = fi_choose(&t, type, 42, 3, 0, &a);
		fi_choose(&t, type, 42, 3, 0, &b);
		fi_choose(&t, type, 42, 4, 0, &c);
		snprintf(name, sizeof(name), "%s: candidates, same patch twice, index 4 elsewhere",
		    names[type]);
		CHECK(r == 0 && a.candidates > 4 && memcmp(&a, &b, sizeof(a)) == 0 &&
		    c.addr != a.addr, name);
		snprintf(name, sizeof(name), "%s: the old bytes are the text's, the length kept",
		    names[type]);
		CHECK(memcmp(a.old, t.text + (a.addr - t.text_addr), (size_t)a.len) == 0 &&
		    x86_decode(a.old, (size_t)a.len, &in) == a.len && a.insn_len == a.len &&
		    (type == FI_BITFLIP || type == FI_LOOP ||
		    x86_decode(a.new, (size_t)a.len, &in) == a.len), name);
		snprintf(name, sizeof(name), "%s: the change", names[type]);
		x86_decode(a.old, (size_t)a.len, &in);
		switch (type) {
		case FI_SRCREG: case FI_DSTREG:
			CHECK(bytes_differ(&a) == 1 && a.old[in.modrm_off] != a.new[in.modrm_off] &&
			    MODRM_MOD(a.new[in.modrm_off]) == MODRM_MOD(a.old[in.modrm_off]), name);
			break;
		case FI_BITFLIP: {
			int i, bits = 0;
			for (i = 0; i < a.len; i++)
				bits += __builtin_popcount(a.old[i] ^ a.new[i]);
			CHECK_EQ(bits, 1, name);
			break;
		}
		case FI_NOP:
			CHECK(a.new[0] == 0x90 && a.new[a.len - 1] == 0x90 && bytes_differ(&a) >= 1, name);
			break;
		default:
			CHECK(bytes_differ(&a) >= 1, name);
		}
	}
	r = x86_decode(t.text, t.text_len, &in);
	CHECK(r > 1 && fi_choose(&t, FI_NOP, 1, 0, t.text_addr + 1, &a) == EINVAL &&
	    fi_choose(&t, FI_NOP, 1, 0, t.text_addr + (uint32_t)r, &a) == 0 &&
	    a.addr == t.text_addr + (uint32_t)r, "an address in the text: only an instruction start");
	CHECK_EQ(fi_choose(&t, FI_NOP, 1, 0, t.text_addr - 16, &a), EINVAL,
	    "an address outside the text is refused");
	CHECK_EQ(fi_choose(&t, FI_NTYPES, 1, 0, 0, &a), EINVAL, "an unknown type is refused");
	r = fi_choose(&t, FI_WILDWRITE, 7, 5, 0, &a);
	CHECK(r == 0 && a.addr == t.data_addr + 20 && a.len == 4, "wildwrite: the index-th word");
	fi_choose(&t, FI_NOP, 9, 0, 0, &a);
	fi_format(&a, "fitest");
	CHECK(strncmp(a.text, "fi: fitest nop seed=9 index=0 at 0x", 35) == 0, "the log line");
	printf("# %s\n", a.text);
	free(img);
}

int main(void)
{
	test_known();
	test_rng();
	test_objdump("fitest");
	test_objdump("rs");
	test_objdump("tty");
	test_choose();
	return tap_done();
}
