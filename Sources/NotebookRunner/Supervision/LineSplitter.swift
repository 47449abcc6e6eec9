/// Splits a byte stream into lines with bounded memory: a line longer than `maxLineBytes` is
/// emitted cut at that length, with a note of how many bytes were dropped, and the rest of it is
/// discarded as it arrives. A notebook can print a 5 MB line; nbrunner never holds it.
package struct LineSplitter: Sendable {
    package enum Piece: Equatable, Sendable {
        case line([UInt8])
        /// The first `maxLineBytes` of an over-long line, then how many bytes followed it.
        case truncated([UInt8], omitted: Int)
    }

    package let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var omitted = 0  // > 0: inside an over-long line, discarding

    package init(maxLineBytes: Int = 64 * 1024) {
        precondition(maxLineBytes > 0)
        self.maxLineBytes = maxLineBytes
        pending.reserveCapacity(min(maxLineBytes, 4096))
    }

    /// Feeds a chunk; `emit` receives each completed piece in order.
    package mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Piece) -> Void) {
        var start = 0
        let count = chunk.count
        while start < count {
            // Find the next newline.
            var end = start
            while end < count, chunk[end] != 0x0A { end += 1 }
            let segment = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
            append(segment, emit)
            if end < count {  // newline found
                finishLine(emit)
                start = end + 1
            } else {
                start = end
            }
        }
    }

    package mutating func feed(_ bytes: [UInt8], _ emit: (Piece) -> Void) {
        bytes.withUnsafeBytes { feed($0, emit) }
    }

    /// Emits what is left after the stream ended (a last line without a newline).
    package mutating func finish(_ emit: (Piece) -> Void) {
        if !pending.isEmpty || omitted > 0 { finishLine(emit) }
    }

    private mutating func append(_ segment: UnsafeRawBufferPointer, _ emit: (Piece) -> Void) {
        if omitted > 0 {
            omitted += segment.count
            return
        }
        let room = maxLineBytes - pending.count
        if segment.count <= room {
            pending.append(contentsOf: segment)
        } else {
            pending.append(contentsOf: segment.prefix(room))
            omitted = segment.count - room
        }
    }

    private mutating func finishLine(_ emit: (Piece) -> Void) {
        var line = pending
        if line.last == 0x0D { line.removeLast() }  // CRLF
        if omitted > 0 {
            emit(.truncated(line, omitted: omitted))
        } else {
            emit(.line(line))
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 64 * 1024)
        omitted = 0
    }
}
