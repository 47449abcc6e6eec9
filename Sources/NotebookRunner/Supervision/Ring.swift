import Subprocess
import Synchronization
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// A fixed-capacity ring keeping the last elements appended.
struct Ring<Element> {
    let capacity: Int
    private var storage: [Element] = []
    private var next = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[next] = element
            next = (next + 1) % capacity
        }
    }

    var elements: [Element] { Array(storage[next...] + storage[..<next]) }
}
