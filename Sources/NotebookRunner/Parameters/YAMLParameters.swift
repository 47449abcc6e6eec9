import CYAML
import FoundationEssentials

/// Checks papermill parameter YAML (`-f FILE`, `-y TEXT`) with libyaml before any kernel
/// starts, so a bad file fails in milliseconds with `file:line:column: reason`.
///
/// The values themselves are left to papermill, which loads each document with PyYAML's safe
/// loader and merges it with `parameters.update(document or {})`: so a document must be a
/// mapping, or empty/null; a single document per stream.
package enum YAMLParameters {
    /// The number of top-level keys (0 for an empty or null document), or a RunFailure
    /// (`configuration_error`) whose message starts with `origin:line:column:`.
    package static func check(_ text: [UInt8], origin: String) throws(RunFailure) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw RunFailure(.internalError, "\(origin): could not initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }

        return try text.withUnsafeBufferPointer { buffer throws(RunFailure) -> Int in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0  // nesting of mappings/sequences
            var rootKind: yaml_event_type_t?
            var rootIsNull = false
            var topLevelNodes = 0  // keys and values inside the root mapping
            var documents = 0

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw RunFailure(.configurationError, describe(parser, origin: origin))
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    guard let rootKind else { return 0 }
                    if rootKind == YAML_MAPPING_START_EVENT { return topLevelNodes / 2 }
                    if rootIsNull { return 0 }
                    throw RunFailure(
                        .configurationError,
                        "\(origin):1:1: parameters must be a mapping of names to values, got a \(rootKind == YAML_SEQUENCE_START_EVENT ? "list" : "scalar")")
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        throw RunFailure(
                            .configurationError, "\(origin):\(mark.line + 1):\(mark.column + 1): expected a single YAML document, found a second one")
                    }
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if depth == 0 { rootKind = event.type } else if depth == 1 { topLevelNodes += 1 }
                    depth += 1
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                    if depth == 0 {
                        rootKind = event.type
                        rootIsNull = event.type == YAML_SCALAR_EVENT && isNull(event)
                    } else if depth == 1 {
                        topLevelNodes += 1
                    }
                default:
                    break
                }
            }
        }
    }

    /// Reads and checks a `-f` file.
    package static func checkFile(_ path: String) throws(RunFailure) -> Int {
        let bytes: [UInt8]
        do throws(RegularFileReader.Problem) {
            bytes = try RegularFileReader.read(path)
        } catch {
            switch error {
            case .missing: throw RunFailure(.configurationError, "\(path): parameters file not found")
            case .notRegular(let what): throw RunFailure(.configurationError, "\(path): the parameters file is \(what), not a regular file")
            case .unreadable(let why): throw RunFailure(.configurationError, "\(path): cannot read parameters file: \(why)")
            }
        }
        return try check(bytes, origin: path)
    }

    /// PyYAML's null: an unquoted plain `~`, `null`, `Null`, `NULL` or nothing.
    static func isNull(_ event: yaml_event_t) -> Bool {
        let scalar = event.data.scalar
        guard scalar.style == YAML_PLAIN_SCALAR_STYLE else { return false }
        let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        return ["", "~", "null", "Null", "NULL"].contains(value)
    }

    static func describe(_ parser: yaml_parser_t, origin: String) -> String {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let mark = parser.problem_mark
        var message = "\(origin):\(mark.line + 1):\(mark.column + 1): \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return message
    }
}
