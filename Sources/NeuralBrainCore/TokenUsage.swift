/// Tokens a hosted provider reported using in one run, summed over its requests: what the run
/// cost, recorded with the run and published in `status.json`.
public struct TokenUsage: Hashable, Codable, Sendable {
  enum CodingKeys: String, CodingKey {
    case requests
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
  }

  /// Completion requests that got a reply (failed ones included).
  public var requests: Int
  /// Input tokens the vendor counted (0 when it did not say).
  public var promptTokens: Int
  /// Output tokens the vendor counted, reasoning or thinking tokens included.
  public var completionTokens: Int

  public init(requests: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0) {
    self.requests = requests
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
  }

  public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
    TokenUsage(
      requests: lhs.requests + rhs.requests, promptTokens: lhs.promptTokens + rhs.promptTokens,
      completionTokens: lhs.completionTokens + rhs.completionTokens)
  }

  public static func += (lhs: inout TokenUsage, rhs: TokenUsage) { lhs = lhs + rhs }
}
