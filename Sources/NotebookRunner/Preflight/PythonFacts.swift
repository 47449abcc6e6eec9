/// What the interpreter reports about itself, from one `python -c` of well under 50 ms.
public struct PythonFacts: Decodable, Sendable, Equatable {
    public var executable: String
    public var version: String
    /// `sys.path`, with the script directory ('') made absolute, exactly as `python -m papermill`
    /// started from the same directory will see it.
    public var path: [String]
    public var prefix: String
    public var userBase: String?
    /// `importlib.util.find_spec("ipykernel")` found it (without importing it).
    public var ipykernel: Bool
    /// jupyter_core's own kernelspec search path (`jupyter_path("kernels")`), when jupyter_core
    /// is importable and can work out its paths.
    public var kernelDirs: [String]?
    public var jupyterError: String?
    /// `$IPYTHONDIR/kernels` (or `~/.ipython/kernels`), which jupyter_client also searches.
    public var ipythonKernels: String?

    public init(
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
