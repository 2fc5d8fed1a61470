import Foundation
import NeuralBrainConfig
import NeuralBrainCore

/// One `[providers.<name>]` table: where a provider lives, which model, where its key comes from
/// and how long to wait for it.
public struct ProviderSettings: Sendable, Hashable {
  public var kind: ProviderKind
  /// API root without a trailing slash (`https://api.openai.com/v1`).
  public var baseURL: String
  public var model: String
  /// Environment variable naming the key (`OPENAI_API_KEY`); nil for keyless local servers.
  public var apiKeyEnv: String?
  /// Cloudflare only: the environment variable holding the account id.
  public var accountIDEnv: String?
  /// Whole-request deadline in seconds (non-streaming calls hold the connection until done).
  public var timeoutSeconds: Double
  /// Output token cap sent with every completion.
  public var maxTokens: Int
  /// Sampling temperature; nil sends none (reasoning models reject non-default values).
  public var temperature: Double?
  /// Which of the vendor's APIs to speak (the kind's default unless `api` says otherwise).
  public var api: WireAPI
  /// Hugging Face only: the token check endpoint (the router's model list needs no auth); nil
  /// derives it from `baseURL` (see `tokenCheckURL`).
  public var whoamiURL: String?

  public init(
    kind: ProviderKind, baseURL: String, model: String, apiKeyEnv: String? = nil, accountIDEnv: String? = nil,
    timeoutSeconds: Double = 180, maxTokens: Int = 2000, temperature: Double? = 0.2, api: WireAPI? = nil,
    whoamiURL: String? = nil
  ) {
    self.kind = kind
    self.baseURL = baseURL
    self.model = model
    self.apiKeyEnv = apiKeyEnv
    self.accountIDEnv = accountIDEnv
    self.timeoutSeconds = timeoutSeconds
    self.maxTokens = maxTokens
    self.temperature = temperature
    self.api = api ?? WireAPI.supported(by: kind)[0]
    self.whoamiURL = whoamiURL
  }

  /// Hugging Face's token check: `whoami_url` when set; `https://huggingface.co/api/whoami-v2`
  /// for the public router; otherwise `/api/whoami-v2` on `base_url`'s own host, so a proxy or
  /// a test server in front of the router is asked, never the public Hub.
  public var tokenCheckURL: String? {
    guard kind == .huggingface else { return nil }
    if let whoamiURL { return whoamiURL }
    guard let scheme = baseURL.range(of: "://") else { return nil }
    let afterScheme = baseURL[scheme.upperBound...]
    let host = afterScheme.prefix { $0 != "/" }
    if host.lowercased() == "router.huggingface.co" { return "https://huggingface.co/api/whoami-v2" }
    return String(baseURL[..<scheme.upperBound]) + host + "/api/whoami-v2"
  }

  /// The built-in settings of a vendor name (`openai`, `gemini`, …); nil for other names.
  public static func builtIn(_ name: String) -> ProviderSettings? {
    switch name {
    case "openai":
      ProviderSettings(
        kind: .openai, baseURL: "https://api.openai.com/v1", model: "gpt-4.1-mini", apiKeyEnv: "OPENAI_API_KEY",
        temperature: nil)
    case "gemini":
      ProviderSettings(
        kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta", model: "gemini-2.5-flash",
        apiKeyEnv: "GEMINI_API_KEY", maxTokens: 8000)
    case "groq":
      ProviderSettings(
        kind: .groq, baseURL: "https://api.groq.com/openai/v1", model: "openai/gpt-oss-20b",
        apiKeyEnv: "GROQ_API_KEY")
    case "cloudflare":
      ProviderSettings(
        kind: .cloudflare, baseURL: "https://api.cloudflare.com/client/v4",
        model: "@cf/meta/llama-3.3-70b-instruct-fp8-fast", apiKeyEnv: "CLOUDFLARE_API_TOKEN",
        accountIDEnv: "CLOUDFLARE_ACCOUNT_ID")
    case "huggingface":
      ProviderSettings(
        kind: .huggingface, baseURL: "https://router.huggingface.co/v1", model: "openai/gpt-oss-120b:fastest",
        apiKeyEnv: "HF_TOKEN")
    case "local":
      ProviderSettings(kind: .local, baseURL: "", model: "local")
    default:
      nil
    }
  }

  /// Decodes `[providers.<name>]`: built-in names start from their defaults; other names need
  /// `kind`, `base_url` and `model`. Unknown keys are an error naming the key.
  public init(name: String, reader: ConfigReader) throws(ConfigError) {
    let kindText = try reader.string("kind")
    var kind: ProviderKind?
    if let kindText {
      guard let parsed = ProviderKind(rawValue: kindText) else {
        throw reader.invalid(
          "kind",
          "`\(kindText)` is not a provider kind; use one of "
            + ProviderKind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      kind = parsed
    }
    let builtIn = Self.builtIn(name)
    var settings: ProviderSettings
    if let builtIn, kind == nil || kind == builtIn.kind {
      settings = builtIn
    } else if let kind {
      settings = ProviderSettings(kind: kind, baseURL: "", model: "")
    } else {
      throw reader.invalid(
        "kind",
        "[providers.\(name)] is not a built-in provider, so it needs `kind = \"openai-compatible\"` (or another kind)")
    }
    if let value = try reader.string("base_url") { settings.baseURL = value }
    if let value = try reader.string("model") { settings.model = value }
    if let value = try reader.string("api_key_env") { settings.apiKeyEnv = value.isEmpty ? nil : value }
    if let value = try reader.string("account_id_env") { settings.accountIDEnv = value }
    if let value = try reader.double("timeout_seconds") {
      guard value > 0 else { throw reader.invalid("timeout_seconds", "must be a positive number of seconds") }
      settings.timeoutSeconds = value
    }
    if let value = try reader.int("max_tokens") {
      guard value > 0 else { throw reader.invalid("max_tokens", "must be a positive integer") }
      settings.maxTokens = value
    }
    if let value = try reader.double("temperature") { settings.temperature = value }
    if let value = try reader.string("api") {
      let supported = WireAPI.supported(by: settings.kind)
      guard let api = WireAPI(rawValue: value), supported.contains(api) else {
        throw reader.invalid(
          "api",
          "`\(value)` is not an API of kind \(settings.kind.rawValue); use one of "
            + supported.map(\.rawValue).joined(separator: ", "))
      }
      settings.api = api
    }
    if let value = try reader.string("whoami_url") { settings.whoamiURL = value }
    try reader.finish()
    while settings.baseURL.hasSuffix("/") { settings.baseURL.removeLast() }
    if settings.kind != .local {
      if settings.baseURL.isEmpty { throw reader.invalid("base_url", "[providers.\(name)] needs a base URL") }
      if settings.model.isEmpty { throw reader.invalid("model", "[providers.\(name)] needs a model id") }
    }
    self = settings
  }
}
