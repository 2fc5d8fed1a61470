import Foundation
import Testing

@testable import NeuralBrainProviders

@Suite("Credentials")
struct CredentialsTests {
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-credentials-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("the variable itself wins and the key never prints")
  func environment() throws {
    let key = try #require(
      try Credentials.resolve(
        variable: "OPENAI_API_KEY", provider: "openai",
        environment: TestFixtures.runEnvironment(variables: ["OPENAI_API_KEY": " sk-secret\n"])))
    #expect(key.secret == "sk-secret")
    #expect("\(key)" == "[redacted]")
    #expect(String(reflecting: key) == "[redacted]")
  }

  @Test("NAME_FILE and $CREDENTIALS_DIRECTORY are read when the variable is unset")
  func files() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("key.txt")
    try "from-file\n".write(to: file, atomically: true, encoding: .utf8)
    try "from-systemd".write(to: directory.appendingPathComponent("HF_TOKEN"), atomically: true, encoding: .utf8)
    let viaFile = try Credentials.resolve(
      variable: "GROQ_API_KEY", provider: "groq",
      environment: TestFixtures.runEnvironment(variables: ["GROQ_API_KEY_FILE": file.path]))
    #expect(viaFile?.secret == "from-file")
    let viaDirectory = try Credentials.resolve(
      variable: "HF_TOKEN", provider: "huggingface",
      environment: TestFixtures.runEnvironment(variables: ["CREDENTIALS_DIRECTORY": directory.path]))
    #expect(viaDirectory?.secret == "from-systemd")
    #expect(
      try Credentials.resolve(
        variable: "HF_TOKEN", provider: "huggingface", environment: TestFixtures.runEnvironment(variables: [:])) == nil)
  }

  @Test("a named file that is missing is an error naming the variable, not the key")
  func missingFile() {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("nb-missing-\(UUID().uuidString)").path
    #expect(throws: CredentialsError.unreadable(path: missing, variable: "GEMINI_API_KEY_FILE")) {
      try Credentials.resolve(
        variable: "GEMINI_API_KEY", provider: "gemini",
        environment: TestFixtures.runEnvironment(variables: ["GEMINI_API_KEY_FILE": missing]))
    }
  }

  @Test("providers without a key are unconfigured with a reason; local is always ready")
  func factory() {
    let slots = ProviderFactory.make(
      configuration: .default,
      environment: TestFixtures.runEnvironment(variables: ["GEMINI_API_KEY": "AIzaX", "CLOUDFLARE_API_TOKEN": "t"]))
    #expect(slots.map(\.name) == ["openai", "gemini", "groq", "cloudflare", "huggingface", "local"])
    #expect(slots.map { $0.provider != nil } == [false, true, false, false, false, true])
    #expect(slots[0].unconfiguredReason?.contains("OPENAI_API_KEY") == true)
    #expect(slots[3].unconfiguredReason?.contains("CLOUDFLARE_ACCOUNT_ID") == true)
  }
}
