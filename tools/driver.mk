# driver.mk - build a driver outside the tree against the driver kit
# (`make sdk` installs it: this file, include/ and lib/).  In the driver's
# own folder:
#
#	make -f SDK/driver.mk            builds PROG (default: the folder's
#	                                 name) from every *.c there
#	make -f SDK/driver.mk clean
#
# PROG, SRCS and CFLAGS may be given on the command line.  The program is
# a system program (built with _SYSTEM, as the tree's drivers) linked with
# crt0, libchardriver, libblockdriver, libpci, libsys and libc.
SDK    := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
CROSS  ?= @CROSS@
CC     := $(CROSS)gcc
LD     := $(CROSS)ld
PROG   ?= $(notdir $(CURDIR))
SRCS   ?= $(wildcard *.c)
OBJS   := $(SRCS:.c=.o)
CFLAGS ?= -O2 -g -Wall -Wextra -Wno-unused-parameter
GCCINC := $(shell $(CC) -print-file-name=include)
LIBGCC := $(shell $(CC) -print-libgcc-file-name)
KIT_CFLAGS := -std=gnu11 -m32 -ffreestanding -nostdinc -isystem $(GCCINC) \
	-I$(SDK)/include -D_SYSTEM -fno-pic -fno-pie -fno-stack-protector \
	-fno-asynchronous-unwind-tables -mgeneral-regs-only
KIT_LIBS := $(addprefix $(SDK)/lib/,libchardriver.a libblockdriver.a libpci.a libsys.a libc.a)

$(PROG): $(OBJS) $(KIT_LIBS)
	$(LD) -m elf_i386 -z noexecstack -T $(SDK)/lib/user.ld -o $@ \
		$(SDK)/lib/crt0.o $(OBJS) --start-group $(KIT_LIBS) $(LIBGCC) --end-group

%.o: %.c
	$(CC) $(KIT_CFLAGS) $(CFLAGS) -c $< -o $@

clean:
	rm -f $(PROG) $(OBJS)

.PHONY: clean
