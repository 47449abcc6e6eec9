import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ProcessTableTests {
    @Test func parsesStatWithAwkwardCommandNames() {
        let stat = Array("4242 (a) b (c)) Z 17 4242 4242 0 -1 4194560 0".utf8)
        #expect(ProcessTable.parse(stat) == .init(pid: 4242, parent: 17, state: "Z", group: 4242, session: 4242))
    }

    @Test func readsItself() {
        let me = ProcessTable.read(getpid())
        #expect(me?.pid == getpid())
        #expect(me?.parent == getppid())
        #expect(me?.isZombie == false)
        #expect(ProcessTable.read(-5) == nil)
    }

    @Test func descendantsFollowTheTree() {
        func e(_ pid: Int32, _ parent: Int32) -> ProcessTable.Entry {
            .init(pid: pid, parent: parent, state: "S", group: pid, session: pid)
        }
        let table = ProcessTable(entries: [1: e(1, 0), 10: e(10, 1), 11: e(11, 10), 12: e(12, 11), 20: e(20, 1)])
        #expect(table.descendants(of: 10).map(\.pid) == [11, 12])
        #expect(Set(table.descendants(of: 1).map(\.pid)) == [10, 11, 12, 20])
    }
}
