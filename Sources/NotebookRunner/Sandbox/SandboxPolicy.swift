/// The one place that says what the sandbox denies (docs/sandbox.md explains each entry).
///
/// A deny-list on top of "allow": the system calls below are ones a notebook never needs and an
/// attacker who got code execution in a kernel wants (inspecting or injecting into other
/// processes, kernel attack surface, escaping through namespaces or mounts). They fail with
/// EPERM, as under Docker's default profile, so code that probes for them gets an ordinary error.
package enum SandboxPolicy {
    package struct DeniedCall: Sendable, Equatable {
        package var name: String
        package var why: String
    }

    /// Fail with EPERM whatever their arguments.
    package static let denied: [DeniedCall] = [
        .init(name: "ptrace", why: "read or change another process's memory and registers"),
        .init(name: "process_vm_readv", why: "read another process's memory"),
        .init(name: "process_vm_writev", why: "write another process's memory"),
        .init(name: "mount", why: "change the filesystem view"),
        .init(name: "umount2", why: "change the filesystem view"),
        .init(name: "pivot_root", why: "change the root filesystem"),
        .init(name: "unshare", why: "new namespaces (a user namespace grants capabilities inside it)"),
        .init(name: "setns", why: "join another process's namespaces"),
        .init(name: "bpf", why: "load programs into the kernel"),
        .init(name: "perf_event_open", why: "kernel attack surface, side channels"),
        .init(name: "kexec_load", why: "replace the running kernel"),
        .init(name: "kexec_file_load", why: "replace the running kernel"),
        .init(name: "init_module", why: "load kernel modules"),
        .init(name: "finit_module", why: "load kernel modules"),
        .init(name: "delete_module", why: "unload kernel modules"),
        .init(name: "keyctl", why: "the kernel keyring is not namespaced"),
        .init(name: "add_key", why: "the kernel keyring is not namespaced"),
        .init(name: "request_key", why: "the kernel keyring is not namespaced"),
        .init(name: "userfaultfd", why: "a common kernel-exploit primitive"),
        .init(name: "open_by_handle_at", why: "open files outside the mount namespace (the 'shocker' escape)"),
        .init(name: "reboot", why: "reboot the host or the PID namespace"),
        .init(name: "swapon", why: "host memory configuration"),
        .init(name: "swapoff", why: "host memory configuration"),
        .init(name: "acct", why: "host process accounting"),
        // io_uring performs its operations (open, connect, socket, …) in the kernel without a
        // system call per operation, so a seccomp filter never sees them; and it is a large
        // kernel attack surface (Docker and containerd deny it too). libuv falls back on EPERM.
        .init(name: "io_uring_setup", why: "its operations bypass seccomp; kernel attack surface"),
        .init(name: "io_uring_enter", why: "its operations bypass seccomp; kernel attack surface"),
        .init(name: "io_uring_register", why: "its operations bypass seccomp; kernel attack surface"),
    ]

    /// `clone` with any of these flags fails with EPERM: blocking `unshare` alone does not stop
    /// `clone(CLONE_NEWUSER)`. Plain `clone` (threads, fork, vfork) is untouched.
    package static let cloneNamespaceFlags: [(name: String, value: UInt64)] = [
        ("CLONE_NEWNS", 0x0002_0000),
        ("CLONE_NEWCGROUP", 0x0200_0000),
        ("CLONE_NEWUTS", 0x0400_0000),
        ("CLONE_NEWIPC", 0x0800_0000),
        ("CLONE_NEWUSER", 0x1000_0000),
        ("CLONE_NEWPID", 0x2000_0000),
        ("CLONE_NEWNET", 0x4000_0000),
    ]

    /// `personality` that sets any of these flags fails with EPERM: the kernel's own
    /// `PER_CLEAR_ON_SETID` set, the flags that weaken memory protections (ASLR off, readable
    /// memory executable, page zero mapped, the legacy layout). Every other persona, and the query
    /// `personality(0xffffffff)` (whatever flags it seems to hold), is left alone.
    package static let personalityFlags: [(name: String, value: UInt64)] = [
        ("ADDR_NO_RANDOMIZE", 0x0004_0000),
        ("MMAP_PAGE_ZERO", 0x0010_0000),
        ("ADDR_COMPAT_LAYOUT", 0x0020_0000),
        ("READ_IMPLIES_EXEC", 0x0040_0000),
    ]

    /// Fail with ENOSYS, so libc falls back to `clone`, whose flags the filter can see
    /// (`clone3` passes them in memory, out of the filter's reach).
    package static let unimplemented = ["clone3"]
}
