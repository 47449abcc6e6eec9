import FoundationEssentials

/// `/etc/passwd` and `/etc/group`, read directly. nbrunner never asks the C library (NSS): a static
/// glibc binary can crash in NSS (it `dlopen`s the host's modules), and OpenShift's random UID
/// usually has no entry anyway.
package struct AccountDatabase: Sendable, Equatable {
    package struct User: Sendable, Equatable, Codable {
        package var name: String
        package var uid: UInt32
        package var gid: UInt32
        package var home: String
        package var shell: String
    }

    package struct Group: Sendable, Equatable {
        package var name: String
        package var gid: UInt32
        package var members: [String]
    }

    package var users: [User]
    package var groups: [Group]

    package init(users: [User] = [], groups: [Group] = []) {
        self.users = users
        self.groups = groups
    }

    package static func read(passwd: String = "/etc/passwd", group: String = "/etc/group") -> AccountDatabase {
        func text(_ path: String) -> String {
            (try? Data(contentsOf: URL(filePath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return AccountDatabase(users: parseUsers(text(passwd)), groups: parseGroups(text(group)))
    }

    /// `name:password:uid:gid:gecos:home:shell`; malformed lines and comments are skipped.
    package static func parseUsers(_ text: String) -> [User] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 7, !f[0].hasPrefix("#"), let uid = UInt32(f[2]), let gid = UInt32(f[3]) else { return nil }
            return User(name: f[0], uid: uid, gid: gid, home: f[5], shell: f[6])
        }
    }

    /// `name:password:gid:member,member`.
    package static func parseGroups(_ text: String) -> [Group] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, !f[0].hasPrefix("#"), let gid = UInt32(f[2]) else { return nil }
            return Group(name: f[0], gid: gid, members: f[3].split(separator: ",").map(String.init))
        }
    }

    /// The FIRST entry for a uid, as the C library's passwd lookup would return.
    package func user(uid: UInt32) -> User? { users.first { $0.uid == uid } }
    package func groupName(gid: UInt32) -> String? { groups.first { $0.gid == gid }?.name }
}
