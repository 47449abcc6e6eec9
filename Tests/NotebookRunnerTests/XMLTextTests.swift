import Testing

@testable import NotebookRunner

@Suite struct XMLTextTests {
    @Test func markupIsEscaped() {
        #expect(XMLText.content("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(XMLText.attribute(#"say "hi" & 'bye' <x/>"#) == "say &quot;hi&quot; &amp; &apos;bye&apos; &lt;x/&gt;")
        #expect(XMLText.content(#"quotes "stay" 'as' they are"#) == #"quotes "stay" 'as' they are"#)
        #expect(XMLText.content("]]> is harmless") == "]]&gt; is harmless")
    }

    @Test func whitespaceSurvivesAParser() {
        #expect(XMLText.content("a\nb\tc\r\n") == "a\nb\tc&#13;\n")
        #expect(XMLText.attribute("a\nb\tc\rd") == "a&#10;b&#9;c&#13;d")
    }

    @Test func charactersXMLCannotCarryAreReplaced() {
        #expect(XMLText.content("nul\u{0} bell\u{7} esc\u{1B}[31m") == "nul\u{FFFD} bell\u{FFFD} esc\u{FFFD}[31m")
        #expect(XMLText.attribute("\u{FFFE}\u{FFFF}") == "\u{FFFD}\u{FFFD}")
        #expect(XMLText.content("日本 🙂 é") == "日本 🙂 é")
    }
}
