#define _GNU_SOURCE
#include "CShim.h"
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <seccomp.h>

static volatile sig_atomic_t stop_count = 0;
static volatile sig_atomic_t first_signal = 0;

int nbr_set_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

int nbr_set_undumpable(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

static void on_stop_signal(int sig) {
    if (first_signal == 0) first_signal = sig;
    stop_count = stop_count + 1;
}

int nbr_install_stop_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    int signals[] = { SIGTERM, SIGINT, SIGHUP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}

unsigned long nbr_stop_signal_count(void) { return (unsigned long)stop_count; }
int nbr_first_stop_signal(void) { return first_signal; }

unsigned int nbr_seccomp_act_errno(unsigned short err) { return SCMP_ACT_ERRNO(err); }

int nbr_seccomp_mode(void) { return prctl(PR_GET_SECCOMP, 0, 0, 0, 0); }
