import CSeccomp
import CShim

#if canImport(Glibc)
    import Glibc
#endif

/// Builds the ``SandboxPolicy`` filter with libseccomp and loads it for every thread of this
/// process (`SCMP_FLTATR_CTL_TSYNC`); every process started afterwards inherits it, across
/// `execve`. libseccomp sets NO_NEW_PRIVS first, so no privilege is needed.
///
/// nbrunner loads it into itself, before it starts any process, rather than through an exec
/// helper: nbrunner never needs the denied calls, and this way the result knows for certain
/// whether the filter is active.
package enum SeccompFilter {
    package struct LoadError: Error, Sendable, Equatable {
        package var reason: String
    }

    /// Whether this kernel has seccomp at all, and the mode this process is in already
    /// (2: a container runtime's filter; a second filter stacks on it).
    package static func kernelMode() -> Int32? {
        let mode = nbr_seccomp_mode()
        return mode < 0 ? nil : mode
    }

    /// Why ``load()`` would fail, without loading anything (for `nbrunner doctor`): the filter
    /// needs seccomp in the kernel and the seccomp() call that applies it to every thread
    /// (libseccomp API level 2 or higher). nil: it would load.
    package static func unavailableReason() -> String? {
        guard kernelMode() != nil else { return "this kernel has no seccomp support" }
        guard seccomp_api_get() >= 2 else {
            return "the seccomp() system call is unavailable (blocked or too old a kernel), so the filter cannot cover every thread"
        }
        return nil
    }

    /// Loads the filter; returns the names of the calls it denies.
    package static func load() throws(LoadError) -> [String] {
        guard kernelMode() != nil else {
            throw LoadError(reason: "this kernel has no seccomp support")
        }
        guard let ctx = seccomp_init(SCMP_ACT_ALLOW) else {
            throw LoadError(reason: "seccomp_init failed")
        }
        defer { seccomp_release(ctx) }
        try check(seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1), "cannot apply a filter to every thread (SCMP_FLTATR_CTL_TSYNC)")

        let eperm = nbr_seccomp_act_errno(UInt16(EPERM))
        var denied: [String] = []
        for call in SandboxPolicy.denied {
            // A call this architecture lacks cannot be made, so there is nothing to deny.
            guard let nr = resolve(call.name) else { continue }
            try check(seccomp_rule_add_array(ctx, eperm, nr, 0, nil), "cannot add a rule for \(call.name)")
            denied.append(call.name)
        }
        if let clone = resolve("clone") {
            // One rule per flag: a masked comparison can only test equality, and rules for the
            // same call are alternatives.
            for flag in SandboxPolicy.cloneNamespaceFlags {
                var compare = scmp_arg_cmp(arg: 0, op: SCMP_CMP_MASKED_EQ, datum_a: flag.value, datum_b: flag.value)
                try check(seccomp_rule_add_array(ctx, eperm, clone, 1, &compare), "cannot add a rule for clone(\(flag.name))")
            }
            denied.append("clone(namespace flags)")
        }
        if let personality = resolve("personality") {
            // "flag set and the low 32 bits not all ones (the query)": libseccomp allows one
            // comparison per argument in a rule, so it is spelt as "flag set and bit b clear",
            // one rule per other bit b of the low 32 (rules for one call are alternatives).
            for flag in SandboxPolicy.personalityFlags {
                for bit in 0..<32 where UInt64(1) << UInt64(bit) != flag.value {
                    var compare = scmp_arg_cmp(
                        arg: 0, op: SCMP_CMP_MASKED_EQ,
                        datum_a: flag.value | UInt64(1) << UInt64(bit), datum_b: flag.value)
                    try check(seccomp_rule_add_array(ctx, eperm, personality, 1, &compare), "cannot add a rule for personality(\(flag.name))")
                }
            }
            denied.append("personality(\(SandboxPolicy.personalityFlags.map(\.name).joined(separator: "|")))")
        }
        let enosys = nbr_seccomp_act_errno(UInt16(ENOSYS))
        for name in SandboxPolicy.unimplemented {
            guard let nr = resolve(name) else { continue }
            try check(seccomp_rule_add_array(ctx, enosys, nr, 0, nil), "cannot add a rule for \(name)")
            denied.append("\(name) (ENOSYS)")
        }
        try check(seccomp_load(ctx), "the kernel refused the filter")
        return denied
    }

    static func resolve(_ name: String) -> Int32? {
        let nr = seccomp_syscall_resolve_name(name)
        return nr == __NR_SCMP_ERROR || nr < 0 ? nil : nr
    }

    /// libseccomp returns 0 or a negative errno.
    static func check(_ rc: Int32, _ what: String) throws(LoadError) {
        guard rc != 0 else { return }
        throw LoadError(reason: "\(what): \(String(cString: strerror(-rc)))")
    }
}
