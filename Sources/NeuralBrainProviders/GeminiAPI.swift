import NeuralBrainCore

/// Gemini `generateContent` (v1beta) with `responseMimeType` + `responseSchema`; the key travels
/// in `x-goog-api-key`, never in the URL.
struct GeminiAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?

  private static let blockedReasons: Set<String> = [
    "SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
  ]

  private var modelPath: String {
    settings.baseURL + "/models/"
      + (settings.model.hasPrefix("models/") ? String(settings.model.dropFirst(7)) : settings.model)
  }

  private var headers: [(String, String)] { key.map { [("x-goog-api-key", $0.secret)] } ?? [] }

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
    var generation: [String: JSONValue] = [
      "responseMimeType": .string("application/json"),
      "responseSchema": ForecastPrompt.geminiSchema,
      "maxOutputTokens": .number(Double(settings.maxTokens)),
      "seed": .number(Double(seed)),
      "candidateCount": .number(1),
    ]
    if let temperature = settings.temperature { generation["temperature"] = .number(temperature) }
    let body = JSONValue.object([
      "systemInstruction": .object(["parts": .array([.object(["text": .string(prompt.system)])])]),
      "contents": .array([
        .object(["role": .string("user"), "parts": .array([.object(["text": .string(prompt.user)])])])
      ]),
      "generationConfig": .object(generation),
    ])
    return VendorCall(url: modelPath + ":generateContent", headers: headers, body: body)
  }

  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText {
    if let reason = body["promptFeedback"]?["blockReason"]?.string {
      throw ProviderFailure(
        provider: provider, failureClass: .blocked, vendorCode: reason, message: "the prompt was blocked (\(reason))")
    }
    guard let candidate = body["candidates"]?[0] else {
      throw ProviderFailure(provider: provider, failureClass: .invalidOutput, message: "the reply has no candidates")
    }
    let finish = candidate["finishReason"]?.string ?? ""
    if Self.blockedReasons.contains(finish) {
      throw ProviderFailure(
        provider: provider, failureClass: .blocked, vendorCode: finish, message: "the answer was blocked (\(finish))")
    }
    if finish == "MAX_TOKENS" {
      throw ProviderFailure(
        provider: provider, failureClass: .truncated, vendorCode: finish,
        message: "the answer hit maxOutputTokens (\(settings.maxTokens)); thinking may have used the budget")
    }
    let parts = candidate["content"]?["parts"]?.array ?? []
    let text = parts.filter { $0["thought"]?.bool != true }.compactMap { $0["text"]?.string }.joined()
    guard !text.isEmpty else {
      throw ProviderFailure(
        provider: provider, failureClass: .invalidOutput, vendorCode: finish.isEmpty ? nil : finish,
        message: "the candidate has no text")
    }
    return CompletionText(text: text)
  }

  func usage(from body: JSONValue) -> TokenUsage {
    let metadata = body["usageMetadata"]
    let candidates = metadata?["candidatesTokenCount"]?.number ?? 0
    let thoughts = metadata?["thoughtsTokenCount"]?.number ?? 0
    return usage(prompt: metadata?["promptTokenCount"], completion: .number(candidates + thoughts))
  }

  func healthProbes() -> [HealthProbe] {
    [HealthProbe(call: VendorCall(method: "GET", url: modelPath, headers: headers, body: nil)) { _ in nil }]
  }
}
