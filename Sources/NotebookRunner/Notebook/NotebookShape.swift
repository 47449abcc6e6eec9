import FoundationEssentials

/// The structure nbformat and papermill need of a SOURCE notebook beyond what
/// ``NotebookDocument`` reads (which is lenient on purpose). Each rule is something papermill
/// 2.7 with nbformat 5 refuses or crashes on, so the run would fail with exit 1 after starting
/// papermill; checked before any kernel starts instead (exit 2, `invalid_notebook`):
///
/// - `nbformat` and `nbformat_minor` are JSON integers (`4.0`: nbformat's AssertionError);
/// - `metadata` is an object, and `metadata.papermill`, when present, an object (papermill
///   writes its parameters into it);
/// - each cell is an object with a `metadata` object and a `source` that is a string or a list
///   of strings (not null, not missing);
/// - a cell's `metadata.tags`, when present, is a list (null crashes papermill; a string is
///   invalid nbformat, and papermill would match tags as substrings of it);
/// - a cell's `outputs`, when present, is a list of objects.
///
/// What papermill accepts is left alone: an unknown `cell_type`, a missing cell `id`, an odd
/// `execution_count`, a cell `metadata.papermill` that is not an object (papermill replaces it).
package enum NotebookShape {
    /// The first problem (`what: rule`), or nil. `bytes` must be a notebook that
    /// ``NotebookReader/decode(_:path:mode:)`` accepted.
    package static func problem(in bytes: [UInt8]) -> String? {
        let top = JSONObjectMembers.of(bytes)
        for key in ["nbformat", "nbformat_minor"] {
            guard let member = top.last(where: { $0.key == key }) else {
                return "no '\(key)'; nbformat needs it"
            }
            guard JSONObjectMembers.isIntegerLiteral(bytes, member.value) else {
                return "line \(member.line): '\(key)' must be a JSON integer, not \(String(decoding: bytes[member.value].prefix(20), as: UTF8.self))"
            }
        }
        do {
            _ = try JSONDecoder().decode(Checked.self, from: Data(bytes))
        } catch let problem as Problem {
            return problem.text
        } catch {
            return "not an nbformat-4 notebook"
        }
        return nil
    }

    struct Problem: Error { var text: String }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Checks while it decodes; keeps nothing.
    struct Checked: Decodable {
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            guard let metadata = try? c.nestedContainer(keyedBy: Key.self, forKey: Key("metadata")) else {
                throw Problem(text: "'metadata' must be an object (nbformat refuses the notebook without one)")
            }
            if metadata.contains(Key("papermill")), (try? metadata.nestedContainer(keyedBy: Key.self, forKey: Key("papermill"))) == nil {
                throw Problem(text: "metadata.papermill must be an object (papermill records the run's parameters in it)")
            }
            var cells = try c.nestedUnkeyedContainer(forKey: Key("cells"))
            var index = 0
            while !cells.isAtEnd {
                try cells.decode(CheckedCell.self).check(index)
                index += 1
            }
        }
    }

    /// One cell's problem, if any, for ``Checked`` to report with its index.
    struct CheckedCell: Decodable {
        var problem: String?

        func check(_ index: Int) throws {
            if let problem { throw Problem(text: "cell \(index): \(problem)") }
        }

        init(from decoder: any Decoder) throws {
            guard let c = try? decoder.container(keyedBy: Key.self) else {
                problem = "not an object"
                return
            }
            problem = Self.problem(c)
        }

        static func problem(_ c: KeyedDecodingContainer<Key>) -> String? {
            let isText =
                (try? c.decode(String.self, forKey: Key("source"))) != nil
                || (try? c.decode([String].self, forKey: Key("source"))) != nil
            guard isText else {
                return c.contains(Key("source"))
                    ? "'source' must be a string or a list of strings (nbformat 4)"
                    : "no 'source' (nbformat 4 requires one, papermill fails without it)"
            }
            guard let metadata = try? c.nestedContainer(keyedBy: Key.self, forKey: Key("metadata")) else {
                return "'metadata' must be an object (nbformat refuses the notebook otherwise)"
            }
            if metadata.contains(Key("tags")), (try? metadata.decode([Ignored].self, forKey: Key("tags"))) == nil {
                return "metadata.tags must be a list"
            }
            if c.contains(Key("outputs")), (try? c.decode([OutputObject].self, forKey: Key("outputs"))) == nil {
                return "'outputs' must be a list of objects"
            }
            return nil
        }
    }

    /// Any JSON value, not kept.
    struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// A JSON object, not kept.
    struct OutputObject: Decodable {
        init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: Key.self)
        }
    }
}
