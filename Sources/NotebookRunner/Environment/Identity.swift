#if canImport(Glibc)
    import Glibc
#endif

/// Who nbrunner runs as: uid, gid, supplementary groups, and the passwd entry if there is one.
/// Under OpenShift's restricted-v2 that is typically uid 1000920000, gid 0, no entry.
package struct Identity: Sendable, Equatable, Codable {
    package var uid: UInt32
    package var gid: UInt32
    package var groups: [UInt32]
    /// The passwd entry for `uid`; nil when there is none (random UID).
    package var user: AccountDatabase.User?
    package var groupName: String?

    package static func current(accounts: AccountDatabase = .read()) -> Identity {
        let uid = getuid()
        let gid = getgid()
        let count = getgroups(0, nil)
        var list = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let n = count > 0 ? getgroups(count, &list) : 0
        return Identity(
            uid: uid, gid: gid, groups: Array(list.prefix(Int(max(n, 0)))),
            user: accounts.user(uid: uid), groupName: accounts.groupName(gid: gid))
    }

    /// The name to give a child that has no USER/LOGNAME: the passwd name, else `user-<uid>`
    /// (Python's `getpass.getuser()` reads these before it falls back to a passwd lookup that
    /// fails for a random UID).
    package var userName: String { user?.name ?? "user-\(uid)" }
}
