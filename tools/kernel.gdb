# kernel.gdb - gdb macros for the kernel (make qemu-gdb sources this).
#   procs          every live process: endpoint, name, blocking flags
#   grants N       the grant table registration of proc[N] and its entries
#   current-proc   the process that trapped last

define procs
	set $i = 0
	while $i < sizeof(proc) / sizeof(proc[0])
		if !(proc[$i].p_rts_flags & 1)
			printf "%9d %-16s rts %#x misc %#x\n", proc[$i].p_endpoint, proc[$i].p_name, proc[$i].p_rts_flags, proc[$i].p_misc_flags
		end
		set $i = $i + 1
	end
end
document procs
List every live process: endpoint, name, RTS and misc flags.
end

define grants
	set $p = &proc[$arg0]
	printf "%s: table %#x, %d entries\n", $p->p_name, $p->p_priv.s_grant_table, $p->p_priv.s_grant_entries
end
document grants
grants N: the grant table registration of proc[N] (N = slot + 5).
Read the entries with: x/8wx <table address> (32 bytes each).
end

define current-proc
	if current
		printf "%d %s\n", current->p_endpoint, current->p_name
	else
		printf "idle\n"
	end
end
