import NeuralBrainCore

/// OpenAI's Responses API (`api = "responses"`): `instructions` + `input`, structured output
/// under `text.format` (no `json_schema` wrapper), the answer in the first `message` item of
/// `output` (reasoning items may come before it), `status: "incomplete"` when cut off.
struct OpenAIResponsesAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
    var body: [String: JSONValue] = [
      "model": .string(settings.model),
      "instructions": .string(prompt.system),
      "input": .string(prompt.user),
      "max_output_tokens": .number(Double(settings.maxTokens)),
      "text": .object([
        "format": .object([
          "type": .string("json_schema"), "name": .string("forecast"), "strict": .bool(true),
          "schema": ForecastPrompt.jsonSchema,
        ])
      ]),
    ]
    if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
    return VendorCall(url: settings.baseURL + "/responses", headers: bearer(key), body: .object(body))
  }

  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText {
    let status = body["status"]?.string
    if status == "incomplete" {
      let reason = body["incomplete_details"]?["reason"]?.string ?? "unknown"
      throw ProviderFailure(
        provider: provider, failureClass: reason == "content_filter" ? .blocked : .truncated, vendorCode: reason,
        message: reason == "content_filter"
          ? "the content filter stopped the answer" : "the answer is incomplete (\(reason))")
    }
    if status == "failed" {
      let error = body["error"]
      throw ProviderFailure(
        provider: provider, failureClass: .unavailable, vendorCode: error?["code"]?.codeText,
        message: error?["message"]?.string ?? "the response failed")
    }
    let message = body["output"]?.array?.first { $0["type"]?.string == "message" }
    let parts = message?["content"]?.array ?? []
    if let refusal = parts.first(where: { $0["type"]?.string == "refusal" })?["refusal"]?.string {
      throw ProviderFailure(provider: provider, failureClass: .blocked, vendorCode: "refusal", message: refusal)
    }
    let text = parts.filter { $0["type"]?.string == "output_text" }.compactMap { $0["text"]?.string }.joined()
    guard !text.isEmpty else {
      throw ProviderFailure(
        provider: provider, failureClass: .invalidOutput, message: "the response has no output text")
    }
    return CompletionText(text: text)
  }

  func usage(from body: JSONValue) -> TokenUsage {
    usage(prompt: body["usage"]?["input_tokens"], completion: body["usage"]?["output_tokens"])
  }

  func healthProbes() -> [HealthProbe] { OpenAIChatAPI(settings: settings, key: key).healthProbes() }
}
