import Foundation
import NeuralBrainConfig
import NeuralBrainCore
import Testing

@testable import NeuralBrainProviders

@Suite("Providers configuration")
struct ProvidersConfigurationTests {
  static func decode(_ text: String) throws -> ProvidersConfiguration {
    let root = ConfigReader(table: try TOMLDocument.parse(text, file: "test.toml"), file: "test.toml")
    let table = try #require(try root.table("providers"))
    return try ProvidersConfiguration(reader: table)
  }

  @Test("the default chain lists every vendor with its public base URL, then local")
  func defaults() throws {
    let configuration = ProvidersConfiguration.default
    #expect(configuration.order == ["openai", "gemini", "groq", "cloudflare", "huggingface", "local"])
    #expect(configuration.settings["openai"]?.baseURL == "https://api.openai.com/v1")
    #expect(configuration.settings["gemini"]?.baseURL == "https://generativelanguage.googleapis.com/v1beta")
    #expect(configuration.settings["groq"]?.baseURL == "https://api.groq.com/openai/v1")
    #expect(configuration.settings["cloudflare"]?.accountIDEnv == "CLOUDFLARE_ACCOUNT_ID")
    #expect(configuration.settings["huggingface"]?.apiKeyEnv == "HF_TOKEN")
    #expect(configuration.failoverThreshold == 3)
    #expect(configuration.promotionChecks == 3)
    #expect(configuration.concurrency == 4)
    #expect(configuration.auditKeep == 1000)
  }

  @Test("the operator's TOML shape decodes, including a custom openai-compatible provider")
  func decodes() throws {
    let configuration = try Self.decode(
      """
      [providers]
      order = ["openai", "ollama", "local"]
      failover_threshold = 2
      promotion_checks = 0
      concurrency = 8
      [providers.openai]
      base_url = "https://api.openai.com/v1/"
      model = "gpt-4.1"
      api_key_env = "OPENAI_API_KEY"
      timeout_seconds = 90
      [providers.ollama]
      kind = "openai-compatible"
      base_url = "http://localhost:11434/v1"
      model = "llama3.2"
      max_tokens = 1000
      """)
    #expect(configuration.order == ["openai", "ollama", "local"])
    #expect(configuration.failoverThreshold == 2)
    #expect(configuration.promotionChecks == 0)
    #expect(configuration.concurrency == 8)
    #expect(configuration.settings["openai"]?.model == "gpt-4.1")
    #expect(configuration.settings["openai"]?.baseURL == "https://api.openai.com/v1")
    #expect(configuration.settings["openai"]?.timeoutSeconds == 90)
    let ollama = try #require(configuration.settings["ollama"])
    #expect(ollama.kind == .openaiCompatible)
    #expect(ollama.maxTokens == 1000)
    #expect(ollama.apiKeyEnv == nil)
  }

  @Test(
    "mistakes are errors that name the key",
    arguments: [
      ("[providers]\nfailover_treshold = 3\n", "failover_treshold"),
      ("[providers.openai]\nmodle = \"x\"\n", "modle"),
      ("[providers]\norder = [\"mine\"]\n", "order"),
      ("[providers.mine]\nbase_url = \"http://x\"\nmodel = \"m\"\n", "kind"),
      ("[providers.mine]\nkind = \"telepathy\"\n", "kind"),
      ("[providers]\nconcurrency = 0\n", "concurrency"),
    ])
  func rejects(text: String, key: String) throws {
    #expect {
      try Self.decode(text)
    } throws: { error in
      (error as? ConfigError)?.errorDescription?.contains(key) == true
    }
  }
}
