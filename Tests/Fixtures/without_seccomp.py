"""Runs a command as if the kernel had no seccomp: installs a classic-BPF filter (x86_64 only)
that makes seccomp() fail with ENOSYS and prctl(PR_SET_SECCOMP) with EINVAL, then execs the
command. The sandbox tests use it to reach the 'filter could not be loaded' path for real.

usage: python without_seccomp.py COMMAND [ARG...]"""
import ctypes, os, platform, sys

if platform.machine() != "x86_64":
    sys.exit("without_seccomp.py: x86_64 only")

SECCOMP, PRCTL, PR_SET_SECCOMP = 317, 157, 22
ALLOW, ERRNO = 0x7FFF0000, 0x00050000
LD_ABS, JEQ, RET = 0x20, 0x15, 0x06


class Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(Instruction))]


code = [
    (LD_ABS, 0, 0, 0),                  # 0: the system call number
    (JEQ, 4, 0, SECCOMP),               # 1: seccomp() → 6
    (JEQ, 0, 2, PRCTL),                 # 2: prctl() → 3, else → 5
    (LD_ABS, 0, 0, 16),                 # 3: its first argument
    (JEQ, 2, 0, PR_SET_SECCOMP),        # 4: PR_SET_SECCOMP → 7, else → 5
    (RET, 0, 0, ALLOW),                 # 5
    (RET, 0, 0, ERRNO | 38),            # 6: ENOSYS
    (RET, 0, 0, ERRNO | 22),            # 7: EINVAL
]
instructions = (Instruction * len(code))(*[Instruction(*i) for i in code])
program = Program(len(code), instructions)
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
    sys.exit(f"without_seccomp.py: PR_SET_NO_NEW_PRIVS: {os.strerror(ctypes.get_errno())}")
if libc.prctl(PR_SET_SECCOMP, 2, ctypes.byref(program), 0, 0) != 0:  # SECCOMP_MODE_FILTER
    sys.exit(f"without_seccomp.py: PR_SET_SECCOMP: {os.strerror(ctypes.get_errno())}")
os.execv(sys.argv[1], sys.argv[1:])
