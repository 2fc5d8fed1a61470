/// The wire protocol a configured provider speaks; a custom `[providers.<name>]` picks one with
/// `kind`, the built-in names imply theirs.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
  case openai
  case gemini
  case groq
  case cloudflare
  case huggingface
  case openaiCompatible = "openai-compatible"
  case local
}
