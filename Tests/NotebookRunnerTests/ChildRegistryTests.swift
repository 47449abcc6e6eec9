import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ChildRegistryTests {
    func spawnTrue() -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0)
        return pid
    }

    func waitUntilZombie(_ pid: pid_t) async {
        for _ in 0..<200 where ProcessTable.read(pid)?.isZombie != true {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func reapsZombiesNobodyWaitsForButNeverAManagedChild() async {
        let registry = ChildRegistry()
        let orphan = spawnTrue()
        registry.beginSpawn()
        let managed = spawnTrue()
        registry.spawned(managed)
        await waitUntilZombie(orphan)
        await waitUntilZombie(managed)

        let reaped = registry.reapOrphans(limitTo: [orphan, managed])
        #expect(reaped.contains(orphan))
        #expect(!reaped.contains(managed), "swift-subprocess's child must keep its exit status")
        #expect(ProcessTable.read(orphan) == nil)
        #expect(ProcessTable.read(managed)?.isZombie == true)

        var status: Int32 = 0
        #expect(waitpid(managed, &status, 0) == managed)
        registry.finished(managed)
    }

    @Test func nothingIsReapedWhileASpawnIsInFlight() async {
        let registry = ChildRegistry()
        let child = spawnTrue()
        await waitUntilZombie(child)
        registry.beginSpawn()
        #expect(registry.reapOrphans(limitTo: [child]).isEmpty)
        registry.finished(nil)
        #expect(registry.reapOrphans(limitTo: [child]) == [child])
    }
}
