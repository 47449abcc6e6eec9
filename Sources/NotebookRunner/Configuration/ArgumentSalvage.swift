/// Where a run whose command line does not parse should still put its result: a best-effort
/// scan of the raw arguments for `--result`, `--termination-log`, `--output` (never written
/// over) and the notebook, so that `nbrunner run nb.ipynb --bogus --result out/r.json` leaves
/// its failure in `out/r.json` as asked, not only on stdout.
package enum ArgumentSalvage {
    package static func options(from arguments: [String]) -> RunOptions {
        var o = RunOptions()
        var rest = arguments[...]
        if rest.first == "run" { rest = rest.dropFirst() }
        var i = rest.startIndex
        func value(_ name: String) -> String? {
            let argument = rest[i]
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            guard argument == name, i + 1 < rest.endIndex else { return nil }
            i += 1
            return rest[i]
        }
        var positional: [String] = []
        let salvaged: [RunOption] = [.result, .terminationLog, .output]
        while i < rest.endIndex {
            let argument = rest[i]
            if argument == "--" {
                positional += rest[(i + 1)...]
                break
            }
            var matched = false
            for option in salvaged where !matched {
                if let v = value(option.spec.flag) {
                    o[option] = v
                    matched = true
                }
            }
            if !matched, !argument.hasPrefix("-") { positional.append(argument) }
            i += 1
        }
        // Only a notebook-looking first positional: any other word may be a flag's value.
        o[.notebook] = positional.first.flatMap { $0.hasSuffix(".ipynb") ? $0 : nil }
        return o
    }
}
