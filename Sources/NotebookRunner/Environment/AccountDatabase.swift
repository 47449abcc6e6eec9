import FoundationEssentials

/// `/etc/passwd` and `/etc/group`, read directly. nbrunner never asks the C library (NSS): a static
/// glibc binary can crash in NSS (it `dlopen`s the host's modules), and OpenShift's random UID
/// usually has no entry anyway.
public struct AccountDatabase: Sendable, Equatable {
    public struct User: Sendable, Equatable, Codable {
        public var name: String
        public var uid: UInt32
        public var gid: UInt32
        public var home: String
        public var shell: String
    }

    public struct Group: Sendable, Equatable {
        public var name: String
        public var gid: UInt32
        public var members: [String]
    }

    public var users: [User]
    public var groups: [Group]

    public init(users: [User] = [], groups: [Group] = []) {
        self.users = users
        self.groups = groups
    }

    public static func read(passwd: String = "/etc/passwd", group: String = "/etc/group") -> AccountDatabase {
        func text(_ path: String) -> String {
            (try? Data(contentsOf: URL(filePath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return AccountDatabase(users: parseUsers(text(passwd)), groups: parseGroups(text(group)))
    }

    /// `name:password:uid:gid:gecos:home:shell`; malformed lines and comments are skipped.
    public static func parseUsers(_ text: String) -> [User] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 7, !f[0].hasPrefix("#"), let uid = UInt32(f[2]), let gid = UInt32(f[3]) else { return nil }
            return User(name: f[0], uid: uid, gid: gid, home: f[5], shell: f[6])
        }
    }

    /// `name:password:gid:member,member`.
    public static func parseGroups(_ text: String) -> [Group] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, !f[0].hasPrefix("#"), let gid = UInt32(f[2]) else { return nil }
            return Group(name: f[0], gid: gid, members: f[3].split(separator: ",").map(String.init))
        }
    }

    /// The FIRST entry for a uid, as the C library's passwd lookup would return.
    public func user(uid: UInt32) -> User? { users.first { $0.uid == uid } }
    public func groupName(gid: UInt32) -> String? { groups.first { $0.gid == gid }?.name }
}
