import NeuralBrainCore

/// Chat Completions as OpenAI, Groq, the Hugging Face router and local OpenAI-compatible servers
/// (Ollama, vLLM, llama.cpp) speak it, with each one's structured-output and token-cap dialect.
struct OpenAIChatAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?
  /// Where `/chat/completions` and `/models` live: `base_url`, or Workers AI's `…/ai/v1`.
  var root: String

  init(settings: ProviderSettings, key: Credentials?, root: String? = nil) {
    self.settings = settings
    self.key = key
    self.root = root ?? settings.baseURL
  }

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
    var body: [String: JSONValue] = [
      "model": .string(settings.model),
      "messages": .array([
        .object(["role": .string("system"), "content": .string(prompt.system)]),
        .object(["role": .string("user"), "content": .string(prompt.user)]),
      ]),
      "seed": .number(Double(seed)),
    ]
    switch settings.kind {
    case .groq:
      // JSON mode: strict json_schema is limited to a few Groq models.
      body["response_format"] = .object(["type": .string("json_object")])
    default:
      body["response_format"] = .object([
        "type": .string("json_schema"),
        "json_schema": .object([
          "name": .string("forecast"), "strict": .bool(true), "schema": ForecastPrompt.jsonSchema,
        ]),
      ])
    }
    // OpenAI and Groq deprecate max_tokens; Ollama ignores max_completion_tokens.
    let tokenKey = settings.kind == .openai || settings.kind == .groq ? "max_completion_tokens" : "max_tokens"
    body[tokenKey] = .number(Double(settings.maxTokens))
    if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
    return VendorCall(url: root + "/chat/completions", headers: bearer(key), body: .object(body))
  }

  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText {
    guard let choice = body["choices"]?[0] else {
      throw ProviderFailure(provider: provider, failureClass: .invalidOutput, message: "the reply has no choices")
    }
    let message = choice["message"]
    let finish = choice["finish_reason"]?.string
    if let refusal = message?["refusal"]?.string, !refusal.isEmpty {
      throw ProviderFailure(provider: provider, failureClass: .blocked, vendorCode: "refusal", message: refusal)
    }
    if finish == "content_filter" {
      throw ProviderFailure(
        provider: provider, failureClass: .blocked, vendorCode: finish, message: "the content filter stopped the answer"
      )
    }
    if finish == "length" {
      throw ProviderFailure(
        provider: provider, failureClass: .truncated, vendorCode: finish,
        message: "the answer hit max tokens (\(settings.maxTokens)) and is cut off")
    }
    guard let text = message?["content"]?.string, !text.isEmpty else {
      throw ProviderFailure(provider: provider, failureClass: .invalidOutput, message: "the reply has empty content")
    }
    return CompletionText(text: text)
  }

  func usage(from body: JSONValue) -> TokenUsage {
    usage(prompt: body["usage"]?["prompt_tokens"], completion: body["usage"]?["completion_tokens"])
  }

  func healthProbes() -> [HealthProbe] {
    let model = settings.kind == .huggingface ? String(settings.model.prefix { $0 != ":" }) : settings.model
    let listed = HealthProbe(
      call: VendorCall(
        method: "GET", url: root + "/models",
        headers: settings.kind == .huggingface ? [] : bearer(key), body: nil)
    ) { body in
      let ids = body?["data"]?.array?.compactMap { $0["id"]?.string } ?? []
      guard !ids.isEmpty, !ids.contains(model), !ids.contains(model + ":latest") else { return nil }
      return (.modelNotFound, "model `\(model)` is not in the provider's model list")
    }
    guard let whoami = settings.tokenCheckURL else { return [listed] }
    return [
      listed, HealthProbe(call: VendorCall(method: "GET", url: whoami, headers: bearer(key), body: nil)) { _ in nil },
    ]
  }
}
