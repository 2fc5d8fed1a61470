import NIOHTTP1
import NeuralBrainCore

/// Workers AI's native `accounts/{id}/ai/run/{model}` with JSON mode (`json_schema` is the schema
/// itself); `result.response` arrives as a string or as already-parsed JSON.
struct CloudflareAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?
  var accountID: String

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
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
    guard let result = body["result"], result != .null else {
      throw ProviderFailure(provider: provider, failureClass: .invalidOutput, message: "the reply has no result")
    }
    let completionTokens = result["usage"]?["completion_tokens"]?.number ?? 0
    let hitLimit = completionTokens >= Double(settings.maxTokens)
    switch result["response"] {
    case .string(let text)? where !text.isEmpty:
      return CompletionText(text: text, hitTokenLimit: hitLimit)
    case let value? where value.object != nil || value.array != nil:
      return CompletionText(text: value.text, hitTokenLimit: hitLimit)
    default:
      // Some newer models answer with an OpenAI-style object inside `result`.
      if let text = result["choices"]?[0]?["message"]?["content"]?.string, !text.isEmpty {
        return CompletionText(text: text, hitTokenLimit: result["choices"]?[0]?["finish_reason"]?.string == "length")
      }
      throw ProviderFailure(
        provider: provider, failureClass: hitLimit ? .truncated : .invalidOutput, message: "the result has no response")
    }
  }

  func healthProbes() -> [HealthProbe] {
    [
      HealthProbe(
        call: VendorCall(method: .GET, url: settings.baseURL + "/user/tokens/verify", headers: bearer(key), body: nil)
      ) { body in
        let status = body?["result"]?["status"]?.string
        return status == nil || status == "active" ? nil : (.auth, "the API token is \(status ?? "unknown")")
      },
      HealthProbe(
        call: VendorCall(
          method: .GET, url: settings.baseURL + "/accounts/\(accountID)/ai/models/search?per_page=1",
          headers: bearer(key), body: nil)
      ) { _ in nil },
    ]
  }
}
