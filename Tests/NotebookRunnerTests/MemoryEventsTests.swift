import Testing

@testable import NotebookRunner

@Suite struct MemoryEventsTests {
    @Test func readsBothFileFormats() {
        #expect(MemoryEvents.parseOOMKills("low 0\nhigh 0\nmax 12\noom 3\noom_kill 2\noom_group_kill 0\n") == 2)
        #expect(MemoryEvents.parseOOMKills("oom_kill_disable 0\nunder_oom 0\noom_kill 7\n") == 7)
        #expect(MemoryEvents.parseOOMKills("oom_kill_disable 0\n") == nil)
    }

    @Test func findsTheCgroupOfEachVersion() {
        #expect(
            MemoryEvents.candidatePaths(procSelfCgroup: "0::/kubepods/pod1/c1\n").first
                == "/sys/fs/cgroup/kubepods/pod1/c1/memory.events")
        #expect(
            MemoryEvents.candidatePaths(procSelfCgroup: "9:cpu,cpuacct:/x\n4:memory:/kubepods/p\n").first
                == "/sys/fs/cgroup/memory/kubepods/p/memory.oom_control")
        #expect(MemoryEvents.candidatePaths(procSelfCgroup: "").count == 2)
    }
}
