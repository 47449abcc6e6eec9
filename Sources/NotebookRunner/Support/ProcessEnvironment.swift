import FoundationEssentials
import Subprocess

/// The environment nbrunner passes on to its children, as a plain dictionary.
package enum ProcessEnvironment {
    package static func current() -> [String: String] {
        ProcessInfo.processInfo.environment
    }

    static func subprocess(_ environment: [String: String]) -> Subprocess.Environment {
        var keyed: [Subprocess.Environment.Key: String] = [:]
        for (name, value) in environment {
            if let key = Subprocess.Environment.Key(rawValue: name) { keyed[key] = value }
        }
        return .custom(keyed)
    }
}
