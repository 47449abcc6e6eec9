/// `-p NAME VALUE` and `-r NAME VALUE` take two values, as in papermill (click `nargs=2`), which
/// swift-argument-parser cannot express. Before parsing, each such pair is joined into one
/// argument `NAME<NUL>VALUE`; a NUL cannot occur in a real argument, so the split is exact.
/// Like click, the two tokens after the flag are taken whatever they look like (`-p n -5`).
package enum ParameterPairs {
    /// `-p`, `--parameters`, `-r`, `--parameters-raw`: the pair options of the option table.
    package static let pairFlags: Set<String> = Set(
        RunOption.allCases.filter { $0.spec.kind == .pairs }.flatMap { option in
            [option.spec.flag] + (option.spec.short.map { ["-\($0)"] } ?? [])
        })
    static let separator: Character = "\u{0}"

    package static func join(_ arguments: [String]) throws(RunFailure) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" {
                out += arguments[i...]
                break
            }
            if pairFlags.contains(arg) {
                guard i + 2 < arguments.count else {
                    throw RunFailure(.configurationError, "\(arg) needs two values: NAME VALUE")
                }
                out += [arg, arguments[i + 1] + String(separator) + arguments[i + 2]]
                i += 3
                continue
            }
            out.append(arg)
            i += 1
        }
        return out
    }

    package static func split(_ joined: String, flag: String) throws(RunFailure) -> Parameter {
        guard let sep = joined.firstIndex(of: separator) else {
            throw RunFailure(.configurationError, "\(flag) needs two values: NAME VALUE")
        }
        let name = String(joined[..<sep])
        guard !name.isEmpty else { throw RunFailure(.configurationError, "\(flag): the parameter name is empty") }
        return Parameter(name: name, value: String(joined[joined.index(after: sep)...]))
    }
}
