/// The last bytes of the container log: the marker line, then the full result as ONE line of
/// JSON. Printed on stdout once every child is gone and every pipe is drained; nothing follows.
public enum SummaryBlock {
    public static func render(resultJSON: [UInt8]) -> [UInt8] {
        Array((SummaryMarker.text + "\n").utf8) + resultJSON + [UInt8(ascii: "\n")]
    }
}
