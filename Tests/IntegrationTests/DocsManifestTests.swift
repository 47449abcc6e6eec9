import FoundationEssentials
import NotebookRunner
import Testing

/// Every Kubernetes manifest in the docs (a ```yaml block with `apiVersion:` and `kind:` in
/// README.md or docs/**/*.md) is valid for Kubernetes 1.31 (OpenShift 4.18), offline and strict
/// (`kubernetes-validate --strict`: unknown fields are errors); and the check can fail.
@Suite(
    .enabled(
        if: DocsTools.kubernetesValidateConfigured,
        "kubernetes-validate not found: run scripts/setup-tools-venv.sh or set NBRUNNER_TEST_KUBERNETES_VALIDATE (scripts/test.sh does)"))
struct DocsManifestTests {
    /// podFailurePolicy is GA from 1.31; the tools venv ships the schemas of 1.25 to 1.37.
    static let kubernetesVersion = "1.31.0"

    init() throws {
        try #require(
            DocsTools.isExecutable(DocsTools.kubernetesValidate),
            "\(DocsTools.kubernetesValidate) is not executable: run scripts/setup-tools-venv.sh")
    }

    /// The Markdown pages whose manifests are checked.
    static func pages() -> [String] {
        var pages = ["\(Paths.root)/README.md"]
        var folders = ["\(Paths.root)/docs"]
        while let folder = folders.popLast() {
            for name in (FileSystem.entries(folder) ?? []).sorted() {
                let path = "\(folder)/\(name)"
                if FileSystem.isDirectory(path) { folders.append(path) } else if name.hasSuffix(".md") { pages.append(path) }
            }
        }
        return pages
    }

    /// Writes each manifest to its own file, named after its page and line.
    static func extract(_ pages: [String], into dir: String) throws -> [String] {
        var files: [String] = []
        for page in pages {
            let markdown = try String(contentsOfFile: page, encoding: .utf8)
            for block in ManifestBlocks(markdown: markdown).blocks {
                let relative = page.hasPrefix(Paths.root + "/") ? String(page.dropFirst(Paths.root.count + 1)) : page
                let file = "\(dir)/\(relative.replacing("/", with: "_"))-L\(block.line).yaml"
                try Data(block.text.utf8).write(to: URL(filePath: file))
                files.append(file)
            }
        }
        return files
    }

    static func validate(_ files: [String]) async throws -> (code: Int32, output: String) {
        try await DocsTools.run(DocsTools.kubernetesValidate, ["--strict", "-k", kubernetesVersion] + files)
    }

    @Test func everyManifestInTheDocsIsValid() async throws {
        let dir = temporaryDirectory()
        let files = try Self.extract(Self.pages(), into: dir)
        // docs/operator.md, exit-codes.md, openshift.md and secrets.md hold whole manifests; a
        // broken extraction must not pass by finding none.
        #expect(files.count >= 4, "found only \(files.map { FileSystem.basename($0) })")
        for page in ["operator.md", "exit-codes.md", "openshift.md", "secrets.md"] {
            #expect(files.contains { $0.contains("docs_\(page)-L") }, "no manifest found in docs/\(page)")
        }
        let (code, output) = try await Self.validate(files)
        #expect(code == 0, "\(output)")
        // A kind without a schema (a custom resource) is only a warning: not good enough here.
        #expect(!output.contains("WARN") && !output.contains("ERROR"), "\(output)")
        for file in files {
            #expect(output.contains("\(file) passed"), "\(FileSystem.basename(file)) was not validated: \(output)")
        }
    }

    @Test func aBrokenManifestFails() async throws {
        let dir = temporaryDirectory()
        // A page with a manifest that has an unknown field and a wrongly typed one, in a list
        // item (indented fence), next to a fragment that is not checked.
        let page = "\(dir)/broken.md"
        try Data(
            """
            # Broken

            ```yaml
            spec:
              containers: []
            ```

            1. The Job:

               ```yaml
               apiVersion: batch/v1
               kind: Job
               metadata:
                 name: broken
               spec:
                 backoffLimit: three
                 template:
                   spec:
                     restartPolicy: Never
                     containers:
                       - name: validator
                         image: example.invalid/notebook:1
                         terminationMessagePolicy: FallbackToLogsOnError
                         terminationMesagePath: /dev/termination-log
               ```

            """.utf8
        ).write(to: URL(filePath: page))
        let files = try Self.extract([page], into: dir)
        #expect(files.count == 1)
        let (code, output) = try await Self.validate(files)
        #expect(code != 0, "\(output)")
        #expect(output.contains("backoffLimit") || output.contains("terminationMesagePath"), "\(output)")

        // And a real manifest from the docs with one unknown top-level field.
        let real = try #require(try Self.extract(Self.pages(), into: dir).first)
        try Data((try String(contentsOfFile: real, encoding: .utf8) + "bogusField: 1\n").utf8).write(to: URL(filePath: real))
        let altered = try await Self.validate([real])
        #expect(altered.code != 0, "\(altered.output)")
        #expect(altered.output.contains("bogusField"), "\(altered.output)")
    }
}
