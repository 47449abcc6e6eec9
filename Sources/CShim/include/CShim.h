#ifndef NBRUNNER_CSHIM_H
#define NBRUNNER_CSHIM_H

/// What Swift cannot call directly: C-variadic prctl, and signal handlers that must be plain C
/// (async-signal-safe: they only bump counters that Swift polls).

/// prctl(PR_SET_CHILD_SUBREAPER, 1): orphans of our descendants are re-parented to us.
/// Returns 0 or -1 with errno set.
int nbr_set_child_subreaper(void);

/// prctl(PR_SET_DUMPABLE, 0): no process of the same UID can open /proc/self/mem, ptrace us or
/// read our /proc files that need ptrace access (and no core dump). execve resets it for the
/// children. Returns 0 or -1 with errno set.
int nbr_set_undumpable(void);

/// Installs handlers for SIGTERM, SIGINT and SIGHUP that count deliveries. Returns 0 or -1.
int nbr_install_stop_handlers(void);

/// How many stop signals have arrived so far (monotonic).
unsigned long nbr_stop_signal_count(void);

/// The first stop signal number, or 0.
int nbr_first_stop_signal(void);

/// SCMP_ACT_ERRNO(err): a function-like macro of libseccomp, which Swift cannot import.
unsigned int nbr_seccomp_act_errno(unsigned short err);

/// The seccomp mode of this process from prctl(PR_GET_SECCOMP): 0 none, 1 strict, 2 filter;
/// -1 with errno EINVAL when the kernel has no seccomp.
int nbr_seccomp_mode(void);

#endif
