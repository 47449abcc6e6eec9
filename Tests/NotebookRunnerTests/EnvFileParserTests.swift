import Testing

@testable import NotebookRunner

@Suite struct EnvFileParserTests {
    func parse(_ text: String) throws(EnvFileParser.Failure) -> [String: String] {
        var out: [String: String] = [:]
        for e in try EnvFileParser.parse(Array(text.utf8)) { out[e.key] = e.value }
        return out
    }

    func failure(_ text: String) -> EnvFileParser.Failure? {
        do throws(EnvFileParser.Failure) {
            _ = try EnvFileParser.parse(Array(text.utf8))
            return nil
        } catch { return error }
    }

    @Test func vaultTemplateOutput() throws {
        let text = """
            # rendered by vault-agent
            export DB_USER="feature_reader"
            export DB_PASSWORD="p@ss\\$word \\"quoted\\" #not-a-comment"
              export DB_HOST=db.example.svc:5432
            DB_NAME='features $literal `x`'

            EMPTY=
            """
        #expect(
            try parse(text) == [
                "DB_USER": "feature_reader", "DB_PASSWORD": "p@ss$word \"quoted\" #not-a-comment",
                "DB_HOST": "db.example.svc:5432", "DB_NAME": "features $literal `x`", "EMPTY": "",
            ])
    }

    @Test func quotedValuesSpanLinesAndSegmentsConcatenate() throws {
        let pem = "-----BEGIN KEY-----\nAAAA\n-----END KEY-----"
        #expect(try parse("KEY='\(pem)'\nNEXT=1") == ["KEY": pem, "NEXT": "1"])
        #expect(try parse("A=\"x\"'y'z") == ["A": "xyz"])
        #expect(try parse("A=\"line\\\ncontinued\"") == ["A": "linecontinued"])
        #expect(try parse("A=\"back\\slash\"") == ["A": "back\\slash"], "other backslashes stay, as in a shell")
    }

    @Test func crlfBomCommentsAndTrailingComment() throws {
        #expect(try parse("\u{FEFF}A=1\r\nB=\"two\r\nlines\"\r\n# c\r\nC=3 # trailing\r\n") == ["A": "1", "B": "two\nlines", "C": "3"])
    }

    @Test(arguments: [
        ("A=$HOME", 1, 3), ("A=\"x$HOME\"", 1, 5), ("A=\"$(id)\"", 1, 4), ("A=`id`", 1, 3), ("A=\"a`id`\"", 1, 5),
        ("A=has space", 1, 7), ("A=semi;colon", 1, 7), ("A=x|y", 1, 4), ("A=~/x", 1, 3), ("A=back\\slash", 1, 7),
        ("A = 1", 1, 2), ("1A=x", 1, 1), ("export", 1, 7), ("just words", 1, 5), ("A='open", 1, 3),
        ("A=\"open\nB=2", 1, 3), ("A=1\nB=(x)", 2, 3), ("A=é", 1, 3),
    ])
    func rejectionsNameLineAndColumn(text: String, line: Int, column: Int) {
        let f = failure(text)
        #expect(f?.line == line && f?.column == column, "\(text): \(String(describing: f))")
    }

    @Test func jsonObjectAndKVv2() throws {
        #expect(try parse("{\"A\": \"1\", \"B\": \"x y $z\"}") == ["A": "1", "B": "x y $z"])
        #expect(
            try parse("{\"data\": {\"password\": \"s3cr3t\"}, \"metadata\": {\"version\": 3, \"destroyed\": false}}")
                == ["password": "s3cr3t"])
        #expect(failure("{\"A\": 1}") != nil)
        #expect(failure("{\"bad-key\": \"x\"}") != nil)
        #expect(failure("{\"A\": \"1\",}")?.line == 1)
    }

    /// Random bytes never crash the parser, and an error never carries the input.
    @Test func fuzzNeverCrashesNeverEchoes() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("AB_=\"'\\$`#\n\r\t -x{}:é".utf8) + [0x00, 0xFF]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...60, using: &rng)
            var bytes = (0..<count).map { _ in alphabet.randomElement(using: &rng)! }
            let marker = Array("SECRETMARKER".utf8)
            bytes.insert(contentsOf: marker, at: Int.random(in: 0...bytes.count, using: &rng))
            do throws(EnvFileParser.Failure) {
                _ = try EnvFileParser.parse(bytes)
            } catch {
                #expect(!error.reason.contains("SECRET") && !error.reason.contains("MARKER"))
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    func failure(bytes: [UInt8]) -> EnvFileParser.Failure? {
        do throws(EnvFileParser.Failure) {
            _ = try EnvFileParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// A NUL cannot reach an environment variable (the spawn would fail as exit 3): refused at
    /// its position, raw or as a JSON escape.
    @Test func aNULIsRefusedWhereItIs() throws {
        #expect(failure("A=1\nT=\"abcd\u{0}efgh\"\n") == .init(line: 2, column: 8, reason: "a NUL byte, which no environment variable can hold"))
        #expect(failure("# \u{0}\nA=1\n")?.line == 1)
        let json = failure("{\"A\": \"x\",\n  \"T\": \"ab\\u0000cd\"}")
        #expect(json?.line == 2 && json?.column == 3)
        #expect(json?.reason.contains("NUL") == true)
        let kv2 = failure("{\"data\": {\"T\": \"\\u0000\"}, \"metadata\": {}}")
        #expect(kv2?.line == 1 && kv2?.column == 11)
    }

    /// Invalid UTF-8 used to become U+FFFD silently.
    @Test(arguments: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func invalidUTF8IsRefused(bad: [UInt8]) {
        let error = failure(bytes: Array("A=1\nT=ab".utf8) + bad + [0x0A])
        #expect(error == .init(line: 2, column: 5, reason: "not valid UTF-8 (an environment value must be text)"))
        #expect(EnvFileParser.firstInvalidUTF8(Array("é€😀".utf8)) == nil)
    }

    @Test func aJSONKeyGivenTwiceIsRefused() {
        let top = failure("{\"T\": \"a\",\n \"T\": \"b\"}")
        #expect(top == .init(line: 2, column: 2, reason: "the JSON object gives the key T twice; give each key once"))
        let data = failure("{\"data\": {\"T\": \"a\", \"T\": \"b\"}, \"metadata\": {}}")
        #expect(data?.reason == "the JSON \"data\" object gives the key T twice; give each key once")
        // Written differently, still the same key.
        #expect(failure("{\"T\": \"a\", \"\\u0054\": \"b\"}") != nil)
    }
}

@Suite struct EnvFileParserOneLineTests {
    /// A key name with a newline (found by the fuzzer) must not break the one-line error.
    @Test func errorsStayOnOneLine() {
        do {
            _ = try EnvFileParser.parse(Array(#"{"a\nb": 1}"#.utf8))
            Issue.record("a non-string value must be refused")
        } catch {
            #expect(!error.reason.contains("\n"), "\(error.reason)")
            #expect(error.reason.contains(#"a\nb"#), "\(error.reason)")
        }
    }
}
