import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

/// Unwritable places that are unwritable even for root: /proc refuses new files.
@Suite struct EnvironmentSetupTests {
    let noEntry = Identity(uid: 1_000_920_000, gid: 0, groups: [], user: nil, groupName: nil)

    func plan(_ env: [String: String], identity: Identity? = nil, dryRun: Bool = false) -> (EnvironmentSetup.Plan, String) {
        let scratch = temporaryDirectory()
        var env = env
        env["NBRUNNER_SCRATCH"] = scratch
        return (EnvironmentSetup(environment: env, identity: identity ?? noEntry, dryRun: dryRun).plan(), scratch)
    }

    @Test func writableHomeSetByTheUserIsKept() {
        let home = temporaryDirectory()
        let (p, _) = plan(["HOME": home, "USER": "u", "LOGNAME": "u"])
        #expect(p.environment["HOME"] == home)
        #expect(p.report.location("HOME")?.decision == .kept)
        #expect(p.report.location("USER") == nil, "USER was set: nothing to record")
    }

    @Test func unwritableHomeIsRedirectedIntoScratch() {
        let (p, scratch) = plan(["HOME": "/proc/no-home"])
        #expect(p.environment["HOME"] == "\(scratch)/.home")
        let home = p.report.location("HOME")
        #expect(home?.decision == .redirected)
        #expect(home?.from == "/proc/no-home")
        #expect(FileSystem.isDirectory("\(scratch)/.home"))
        var st = stat()
        stat("\(scratch)/.home", &st)
        #expect(st.st_mode & 0o777 == 0o770, "shared with group-0 siblings")
    }

    @Test func unsetHomeWithoutPasswdEntryIsRedirectedAndUserIsNamed() {
        let (p, scratch) = plan([:])
        #expect(p.environment["HOME"] == "\(scratch)/.home")
        #expect(p.environment["USER"] == "user-1000920000")
        #expect(p.environment["LOGNAME"] == "user-1000920000")
    }

    @Test func unsetHomeTakesAWritablePasswdHome() {
        let home = temporaryDirectory()
        let user = AccountDatabase.User(name: "jovyan", uid: 1000, gid: 100, home: home, shell: "/bin/bash")
        let (p, _) = plan([:], identity: Identity(uid: 1000, gid: 100, groups: [], user: user, groupName: "users"))
        #expect(p.environment["HOME"] == home)
        #expect(p.report.location("HOME")?.decision == .set)
        #expect(p.environment["USER"] == "jovyan")
    }

    @Test func explicitLocationsKeptWhenWritableRedirectedWhenNot() {
        let home = temporaryDirectory()
        let mpl = temporaryDirectory()
        let (p, scratch) = plan(["HOME": home, "MPLCONFIGDIR": mpl, "IPYTHONDIR": "/proc/ipython"])
        #expect(p.environment["MPLCONFIGDIR"] == mpl)
        #expect(p.report.location("MPLCONFIGDIR")?.decision == .kept)
        #expect(p.environment["IPYTHONDIR"] == "\(scratch)/.home/.ipython")
        #expect(p.report.location("IPYTHONDIR")?.decision == .redirected)
        #expect(p.report.location("XDG_CACHE_HOME")?.decision == .default)
        #expect(p.environment["XDG_CACHE_HOME"] == nil, "a writable default is left alone")
    }

    @Test func theOldHomesPackagesAndKernelsStayVisible() throws {
        let old = temporaryDirectory()
        try WritableProbe.makeDirectories("\(old)/.local/lib/python3.11/site-packages")
        try WritableProbe.makeDirectories("\(old)/.local/share/jupyter/kernels/ir")
        var setup = EnvironmentSetup(
            environment: ["HOME": old, "NBRUNNER_SCRATCH": temporaryDirectory(), "JUPYTER_PATH": "/opt/k"],
            identity: noEntry)
        setup.isWritable = { !$0.hasPrefix(old) && EnvironmentSetup.writable($0) }  // the old home is read-only
        let p = setup.plan()
        #expect(p.report.location("HOME")?.decision == .redirected)
        #expect(p.environment["PYTHONUSERBASE"] == "\(old)/.local")
        #expect(p.environment["JUPYTER_PATH"] == "\(old)/.local/share/jupyter:/opt/k")
        #expect(p.report.notes.count == 2)

        // A user-set PYTHONUSERBASE is never replaced.
        setup.environment["PYTHONUSERBASE"] = "/workspace/.local"
        #expect(setup.plan().environment["PYTHONUSERBASE"] == "/workspace/.local")
    }

    @Test func dryRunCreatesNothing() {
        let (p, scratch) = plan(["HOME": "/proc/no-home"], dryRun: true)
        #expect(p.report.location("HOME")?.decision == .redirected)
        #expect(!FileSystem.exists("\(scratch)/.home"))
    }

    @Test func accountsAreReadWithoutNSS() {
        let users = AccountDatabase.parseUsers(
            "root:x:0:0:root:/root:/bin/bash\n# c\nbad line\njovyan:x:1000:100::/home/jovyan:/bin/bash\ndup:x:1000:100::/x:/bin/sh\n")
        let db = AccountDatabase(users: users, groups: AccountDatabase.parseGroups("root:x:0:\nusers:x:100:jovyan,a\n"))
        #expect(db.user(uid: 1000)?.name == "jovyan", "the first entry wins, as in the C library's passwd lookup")
        #expect(db.user(uid: 1_000_920_000) == nil)
        #expect(db.groupName(gid: 100) == "users")
        #expect(Identity.current().uid == getuid())
    }
}
