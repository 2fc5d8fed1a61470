import NeuralBrainCore

/// One HTTP call a vendor client wants made.
struct VendorCall: Sendable {
  var method = "POST"
  var url: String
  var headers: [(String, String)]
  var body: JSONValue?
}

/// The completion text a 2xx reply carried.
struct CompletionText: Sendable, Hashable {
  var text: String
  /// The output hit the token cap (a reply that then fails to parse is `truncated`, not invalid).
  var hitTokenLimit = false
}

/// A health probe and how to judge its 2xx body (nil: healthy; otherwise the failure).
struct HealthProbe: Sendable {
  var call: VendorCall
  var judge: @Sendable (JSONValue?) -> (FailureClass, String)?
}

/// What differs between vendors: request shape, where the text sits in a success body, and the
/// health endpoints. Transport, errors, retries and parsing are shared by `HostedProvider`.
protocol VendorAPI: Sendable {
  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall
  /// The reply text of a 2xx body, or a `blocked`/`truncated`/`invalidOutput` failure.
  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText
  /// The tokens a 2xx body says the request used (zeros where the vendor does not say).
  func usage(from body: JSONValue) -> TokenUsage
  func healthProbes() -> [HealthProbe]
}

extension VendorAPI {
  func bearer(_ key: Credentials?) -> [(String, String)] {
    key.map { [("authorization", "Bearer \($0.secret)")] } ?? []
  }

  /// One request's usage from the counts at `prompt` and `completion` (either may be absent).
  func usage(prompt: JSONValue?, completion: JSONValue?) -> TokenUsage {
    TokenUsage(
      requests: 1, promptTokens: Int(prompt?.number ?? 0), completionTokens: Int(completion?.number ?? 0))
  }
}
