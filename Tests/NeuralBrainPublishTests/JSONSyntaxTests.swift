import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainPublish

/// The release validator's JSON check: RFC 8259 syntax, decided without building values, and
/// agreeing with Foundation's parser on what is valid.
@Suite("JSON syntax check")
struct JSONSyntaxTests {
  static let valid = [
    #"{}"#, #"[]"#, #" {"a" : [1, -2.5e-3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"]} "#,
    "{\n  \"nested\" : {\n    \"deep\" : [[[]]]\n  }\n}\n", #""text""#, "0", "-0.5E+2",
  ]
  static let invalid = [
    "", "{", "[1,]", #"{"a":}"#, #"{"a" 1}"#, "[01]", "[1.]", "[.5]", "[1e]", "tru", #"["\x"]"#,
    #"["\u12G4"]"#, "[\"tab\there\"]", #"{"a":1}{"#, "[1 2]", #"{1:2}"#, "[NaN]", "[+1]",
  ]

  @Test("valid documents pass, as Foundation's parser agrees", arguments: valid)
  func validDocuments(text: String) throws {
    #expect(JSONSyntax.firstError(in: Array(text.utf8)) == nil)
    #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil)
  }

  @Test("invalid documents fail (RFC 8259: stricter than Foundation, which accepts \"[1,]\")", arguments: invalid)
  func invalidDocuments(text: String) throws {
    #expect(JSONSyntax.firstError(in: Array(text.utf8)) != nil)
  }

  @Test("the validator names the line and column of the error")
  func position() {
    #expect(throws: PublishError.self) {
      try ReleaseValidator.check(SiteFile(path: SitePath("api/x.json")!, text: "{\n  \"a\" : [1,]\n}\n"))
    }
    let error = JSONSyntax.firstError(in: Array("{\n  \"a\" : [1,]\n}\n".utf8))
    #expect(error?.offset == 13, "the ']' where a value must follow the comma")
  }
}
