/*
 * Which helpers may each program type call? For every "PROG_TYPE HELPER_ID" line on stdin this
 * loads `call HELPER_ID; r0 = 0; exit` (r1 is the context, the other arguments are zero) with a GPL
 * license and prints "PROG_TYPE HELPER_ID VERDICT LICENSE":
 *   unknown  the verifier said "unknown func" (the type's func_proto has no such helper)
 *   cannot   the verifier said "program of this type cannot use helper"
 *   ok       loaded, or refused for any other reason (bad arguments): the helper itself is allowed
 * LICENSE, for allowed helpers, is "gpl" when the same program with a non-GPL license is refused
 * with "cannot call GPL-restricted function", else "any" ("-" for helpers not allowed).
 * The argument checks run only after these checks, so zero arguments suffice.
 */
#include <linux/bpf.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static char log_buf[1 << 16];

static const char *verdict(unsigned int type, int helper, const char *license)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_JMP | BPF_CALL, .imm = helper },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = type;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = sizeof(insns) / sizeof(insns[0]);
	attr.license = (unsigned long)license;
	attr.log_buf = (unsigned long)log_buf;
	attr.log_size = sizeof(log_buf);
	attr.log_level = 1;
	log_buf[0] = 0;
	int fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd >= 0) {
		close(fd);
		return "ok";
	}
	if (strstr(log_buf, "unknown func") || strstr(log_buf, "invalid func"))
		return "unknown";
	if (strstr(log_buf, "program of this type cannot use helper"))
		return "cannot";
	if (strstr(log_buf, "GPL-restricted"))
		return "gpl";
	if (log_buf[0] == 0) {
		/* No verifier log at all: the load failed before verification (bad type, no rights). */
		perror("BPF_PROG_LOAD");
		return "error";
	}
	return "ok";
}

int main(void)
{
	unsigned int type;
	int helper;
	while (scanf("%u %d", &type, &helper) == 2) {
		const char *v = verdict(type, helper, "GPL");
		const char *license = "-";
		if (strcmp(v, "ok") == 0)
			license = strcmp(verdict(type, helper, "Dual MIT/X11"), "gpl") == 0 ? "gpl" : "any";
		printf("%u %d %s %s\n", type, helper, v, license);
	}
	return 0;
}
