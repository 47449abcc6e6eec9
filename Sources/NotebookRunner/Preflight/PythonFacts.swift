/// What the interpreter reports about itself, from one `python -c` of well under 50 ms.
package struct PythonFacts: Decodable, Sendable, Equatable {
    package var executable: String
    package var version: String
    /// `sys.path`, with the script directory ('') made absolute, exactly as `python -m papermill`
    /// started from the same directory will see it.
    package var path: [String]
    package var prefix: String
    package var userBase: String?
    /// `importlib.util.find_spec("ipykernel")` found it (without importing it).
    package var ipykernel: Bool
    /// jupyter_core's own kernelspec search path (`jupyter_path("kernels")`), when jupyter_core
    /// is importable and can work out its paths.
    package var kernelDirs: [String]?
    package var jupyterError: String?
    /// `$IPYTHONDIR/kernels` (or `~/.ipython/kernels`), which jupyter_client also searches.
    package var ipythonKernels: String?

    package init(
        executable: String, version: String, path: [String], prefix: String, userBase: String? = nil,
        ipykernel: Bool, kernelDirs: [String]? = nil, jupyterError: String? = nil, ipythonKernels: String? = nil
    ) {
        self.executable = executable
        self.version = version
        self.path = path
        self.prefix = prefix
        self.userBase = userBase
        self.ipykernel = ipykernel
        self.kernelDirs = kernelDirs
        self.jupyterError = jupyterError
        self.ipythonKernels = ipythonKernels
    }
}
