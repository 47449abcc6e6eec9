/// Aho–Corasick automaton over bytes: finds every occurrence of any of its patterns in one pass
/// over the text, at a cost per byte that does not grow with the number or the length of the
/// patterns (a step follows at most a bounded number of failure links on average, and each
/// lookup is a binary search among at most 256 edges).
///
/// Storage is flat (one entry per trie node, edges sorted by byte per node), so a 2,000-line
/// PEM bundle is a few hundred thousand small array entries, not objects.
struct PatternMatcher: Sendable {
    /// The root's transitions, complete (every byte).
    private let rootNext: [Int32]
    /// Node n's edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, sorted by byte.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTarget: [Int32]
    private let fail: [Int32]
    /// Length of the trie path to the node: the longest suffix of the text read so far that is
    /// a start of some pattern.
    let depth: [Int32]
    /// The node itself when a pattern ends there, else the nearest node on its failure chain
    /// where one does (-1: none). The longest pattern ending at the current position.
    private let output: [Int32]
    /// From a node where a pattern ends: the next shorter pattern ending at the same position.
    private let nextOutput: [Int32]

    static let root: Int32 = 0
    var isEmpty: Bool { edgeBytes.isEmpty }

    init(patterns: some Sequence<[UInt8]>) {
        // 1. A trie with sibling lists (cheap to grow).
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var byteOf: [UInt8] = [0]
        var terminal: [Bool] = [false]
        for pattern in patterns where !pattern.isEmpty {
            var node: Int32 = 0
            for b in pattern {
                var child = firstChild[Int(node)]
                while child != -1, byteOf[Int(child)] != b { child = nextSibling[Int(child)] }
                if child == -1 {
                    child = Int32(byteOf.count)
                    byteOf.append(b)
                    firstChild.append(-1)
                    nextSibling.append(firstChild[Int(node)])
                    terminal.append(false)
                    firstChild[Int(node)] = child
                }
                node = child
            }
            terminal[Int(node)] = true
        }
        // 2. Renumber breadth-first into flat sorted edge arrays.
        let count = byteOf.count
        var order: [Int32] = [0]
        order.reserveCapacity(count)
        var newID = [Int32](repeating: 0, count: count)
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var edgeBytes: [UInt8] = []
        var edgeTarget: [Int32] = []
        edgeBytes.reserveCapacity(count)
        edgeTarget.reserveCapacity(count)
        var head = 0
        var children: [(UInt8, Int32)] = []
        while head < order.count {
            let old = order[head]
            edgeStart[head] = Int32(edgeBytes.count)
            children.removeAll(keepingCapacity: true)
            var child = firstChild[Int(old)]
            while child != -1 {
                children.append((byteOf[Int(child)], child))
                child = nextSibling[Int(child)]
            }
            children.sort { $0.0 < $1.0 }
            for (b, c) in children {
                newID[Int(c)] = Int32(order.count)
                order.append(c)
                edgeBytes.append(b)
                edgeTarget.append(newID[Int(c)])
            }
            head += 1
        }
        edgeStart[count] = Int32(edgeBytes.count)
        // 3. Failure links, depths and outputs, breadth-first (parents before children).
        var rootNext = [Int32](repeating: 0, count: 256)
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootNext[Int(edgeBytes[e])] = edgeTarget[e] }
        var fail = [Int32](repeating: 0, count: count)
        var depth = [Int32](repeating: 0, count: count)
        var output = [Int32](repeating: -1, count: count)
        var nextOutput = [Int32](repeating: -1, count: count)
        func child(_ node: Int32, _ b: UInt8) -> Int32 {
            if node == 0 { return rootNext[Int(b)] }
            var lo = Int(edgeStart[Int(node)])
            var hi = Int(edgeStart[Int(node) + 1])
            while lo < hi {
                let mid = (lo + hi) / 2
                if edgeBytes[mid] < b { lo = mid + 1 } else { hi = mid }
            }
            return lo < Int(edgeStart[Int(node) + 1]) && edgeBytes[lo] == b ? edgeTarget[lo] : -1
        }
        for node in 0..<count {
            for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
                let c = Int(edgeTarget[e])
                let b = edgeBytes[e]
                depth[c] = depth[node] + 1
                if node != 0 {
                    var f = fail[node]
                    while true {
                        let t = child(f, b)
                        if t > 0 {
                            fail[c] = t
                            break
                        }
                        if f == 0 {
                            fail[c] = 0
                            break
                        }
                        f = fail[Int(f)]
                    }
                }
                let inherited = output[Int(fail[c])]
                if terminal[Int(order[c])] {
                    output[c] = Int32(c)
                    nextOutput[c] = inherited
                } else {
                    output[c] = inherited
                }
            }
        }
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTarget = edgeTarget
        self.fail = fail
        self.depth = depth
        self.output = output
        self.nextOutput = nextOutput
    }

    /// The state after reading `b` in state `node`.
    @inline(__always)
    func step(_ node: Int32, _ b: UInt8) -> Int32 {
        var node = node
        while node != 0 {
            var lo = Int(edgeStart[Int(node)])
            let end = Int(edgeStart[Int(node) + 1])
            var hi = end
            while lo < hi {
                let mid = (lo + hi) &>> 1
                if edgeBytes[mid] < b { lo = mid + 1 } else { hi = mid }
            }
            if lo < end, edgeBytes[lo] == b { return edgeTarget[lo] }
            node = fail[Int(node)]
        }
        return rootNext[Int(b)]
    }

    /// The longest pattern ending in state `node` (its length), -1 when none.
    @inline(__always)
    func longestOutput(_ node: Int32) -> Int32 { output[Int(node)] }

    /// From an output node, the next shorter pattern ending at the same place.
    @inline(__always)
    func shorterOutput(_ outputNode: Int32) -> Int32 { nextOutput[Int(outputNode)] }
}
