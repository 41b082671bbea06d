import Testing
@testable import LumbarCore

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try JSONParser.parse(Array(#"{"a":[1,-2.5e3,true,false,null,"x\u00e9\n"],"b":{}}"#.utf8))
        let object = try #require(value.objectValue)
        #expect(object["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("xé\n")]))
        #expect(object["b"] == .object(JSONObject()))
        #expect(object.members.map(\.key) == ["a", "b"])
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(Array(#""\ud83d\ude23""#.utf8)) == .string("😣"))
    }

    @Test(arguments: [
        ("", "empty"),
        ("{", "ends inside an object"),
        ("[1,]", "expected a JSON value"),
        ("{\"a\":1}x", "after the end"),
        ("01", "may not start with 0"),
        ("\"\u{01}\"", "control character"),
        ("{\"a\":1,\"a\":2}", "appears twice"),
        ("\"\\ud800\"", "unpaired surrogate"),
        ("tru", "ends in the middle"),
    ])
    func refusesMalformedInput(text: String, expected: String) {
        #expect {
            _ = try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONSyntaxError)?.reason.contains(expected) == true
        }
    }

    @Test func refusesInvalidUTF8WithItsPosition() {
        let bytes: [UInt8] = Array("{\n \"note\": \"ok".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
        #expect {
            _ = try JSONParser.parse(bytes)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.reason.contains("UTF-8") && error.line == 2
        }
    }

    @Test func refusesDeepNestingWithoutExhaustingTheStack() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000)
        #expect {
            _ = try JSONParser.parse(deep)
        } throws: { error in
            (error as? JSONSyntaxError)?.reason.contains("nesting") == true
        }
    }

    @Test func writerRoundTripsTextExactly() throws {
        let original = #"{"n":12345678901234567890123,"s":"tab\t\"q\"\\ 😣","e":[],"o":{"k":null}}"#
        var writer = JSONWriter()
        writer.write(try JSONParser.parse(Array(original.utf8)))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == original)
    }

    @Test func prettyOutputParsesBackToTheSameValue() throws {
        let value = try JSONParser.parse(Array(#"{"a":[1,{"b":[]}],"c":"d"}"#.utf8))
        var writer = JSONWriter()
        writer.writePretty(value)
        #expect(try JSONParser.parse(writer.bytes) == value)
        #expect(writer.bytes.contains(0x0A))
    }
}
