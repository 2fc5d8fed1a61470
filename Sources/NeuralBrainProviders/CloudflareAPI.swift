import NeuralBrainCore

/// Workers AI: the native `accounts/{id}/ai/run/{model}` with JSON mode (`json_schema` is the
/// schema itself; `result.response` arrives as a string or as already-parsed JSON), or with
/// `api = "chat-completions"` the OpenAI-compatible `accounts/{id}/ai/v1/chat/completions`.
/// Both answer errors in the v4 envelope and share the token-verify health probes.
struct CloudflareAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?
  var accountID: String

  /// The OpenAI-compatible surface, used when `api = "chat-completions"`.
  private var compatible: OpenAIChatAPI {
    OpenAIChatAPI(settings: settings, key: key, root: settings.baseURL + "/accounts/\(accountID)/ai/v1")
  }

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
    if settings.api == .chatCompletions { return compatible.completion(prompt, seed: seed) }
    var body: [String: JSONValue] = [
      "messages": .array([
        .object(["role": .string("system"), "content": .string(prompt.system)]),
        .object(["role": .string("user"), "content": .string(prompt.user)]),
      ]),
      "response_format": .object(["type": .string("json_schema"), "json_schema": ForecastPrompt.jsonSchema]),
      "max_tokens": .number(Double(settings.maxTokens)),
      "seed": .number(Double(seed)),
    ]
    if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
    return VendorCall(
      url: settings.baseURL + "/accounts/\(accountID)/ai/run/\(settings.model)", headers: bearer(key),
      body: .object(body))
  }

  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText {
    if body["choices"] != nil { return try compatible.text(from: body, provider: provider) }
    guard let result = body["result"], result != .null else {
      throw ProviderFailure(provider: provider, failureClass: .invalidOutput, message: "the reply has no result")
    }
    // Some newer models answer with an OpenAI-style object inside `result`.
    if result["choices"] != nil { return try compatible.text(from: result, provider: provider) }
    let completionTokens = result["usage"]?["completion_tokens"]?.number ?? 0
    let hitLimit = completionTokens >= Double(settings.maxTokens)
    switch result["response"] {
    case .string(let text)? where !text.isEmpty:
      return CompletionText(text: text, hitTokenLimit: hitLimit)
    case let value? where value.object != nil || value.array != nil:
      return CompletionText(text: value.text, hitTokenLimit: hitLimit)
    default:
      throw ProviderFailure(
        provider: provider, failureClass: hitLimit ? .truncated : .invalidOutput, message: "the result has no response")
    }
  }

  func usage(from body: JSONValue) -> TokenUsage {
    let counts = body["usage"] ?? body["result"]?["usage"]
    return usage(prompt: counts?["prompt_tokens"], completion: counts?["completion_tokens"])
  }

  func healthProbes() -> [HealthProbe] {
    [
      HealthProbe(
        call: VendorCall(method: "GET", url: settings.baseURL + "/user/tokens/verify", headers: bearer(key), body: nil)
      ) { body in
        let status = body?["result"]?["status"]?.string
        return status == nil || status == "active" ? nil : (.auth, "the API token is \(status ?? "unknown")")
      },
      HealthProbe(
        call: VendorCall(
          method: "GET", url: settings.baseURL + "/accounts/\(accountID)/ai/models/search?per_page=1",
          headers: bearer(key), body: nil)
      ) { _ in nil },
    ]
  }
}
