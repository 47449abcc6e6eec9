/// How `NBRUNNER_<NAME>` environment values are read: the operator configures pods through env.
package enum EnvironmentValue {
    /// `1/true/yes` and `0/false/no`, case-insensitive; anything else is an error naming the variable.
    package static func bool(_ raw: String, name: String) throws(RunFailure) -> Bool {
        switch raw.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default:
            throw RunFailure(.configurationError, "\(name): expected 1/true/yes or 0/false/no, got '\(raw)'")
        }
    }

    /// A repeatable option: one value per line; blank lines are ignored.
    package static func list(_ raw: String) -> [String] {
        raw.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Variable names separated by line ends, commas or spaces (`NBRUNNER_SECRET_ENV`).
    package static func names(_ raw: String) -> [String] {
        raw.split { $0 == "\n" || $0 == "\r" || $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
    }

    /// `NAME=VALUE` lines, for the two-valued `-p`/`-r` options.
    package static func pairs(_ raw: String, name: String) throws(RunFailure) -> [Parameter] {
        var out: [Parameter] = []
        for (n, line) in list(raw).enumerated() {
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex else {
                throw RunFailure(.configurationError, "\(name) line \(n + 1): expected NAME=VALUE")
            }
            out.append(Parameter(name: String(line[..<eq]), value: String(line[line.index(after: eq)...])))
        }
        return out
    }
}
