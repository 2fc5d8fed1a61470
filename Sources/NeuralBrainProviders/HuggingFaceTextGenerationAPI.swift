import Foundation
import NeuralBrainCore

/// Hugging Face text generation (`api = "text-generation"`): the `hf-inference` route of the
/// router (`…/hf-inference/models/{model}`) with TGI's JSON grammar. The reply is
/// `[{"generated_text"}]`; `return_full_text: false` is sent, and an echoed prompt is still
/// stripped. A cold model answers 503 with `estimated_time` (classified `unavailable`).
struct HuggingFaceTextGenerationAPI: VendorAPI {
  var settings: ProviderSettings
  var key: Credentials?

  private static func input(_ prompt: ForecastPrompt) -> String { prompt.system + "\n\n" + prompt.user }

  func completion(_ prompt: ForecastPrompt, seed: Int) -> VendorCall {
    var parameters: [String: JSONValue] = [
      "max_new_tokens": .number(Double(settings.maxTokens)),
      "seed": .number(Double(seed)),
      "return_full_text": .bool(false),
      "details": .bool(true),
      "grammar": .object(["type": .string("json"), "value": ForecastPrompt.jsonSchema]),
    ]
    if let temperature = settings.temperature {
      parameters["temperature"] = .number(temperature)
      parameters["do_sample"] = .bool(temperature > 0)
    }
    let body = JSONValue.object([
      "inputs": .string(Self.input(prompt)),
      "parameters": .object(parameters),
      "options": .object(["use_cache": .bool(false)]),
    ])
    return VendorCall(url: settings.baseURL + "/models/" + settings.model, headers: bearer(key), body: body)
  }

  func text(from body: JSONValue, provider: String) throws(ProviderFailure) -> CompletionText {
    let generation = body.array?.first ?? body
    guard var text = generation["generated_text"]?.string, !text.isEmpty else {
      throw ProviderFailure(
        provider: provider, failureClass: .invalidOutput, message: "the reply has no generated_text")
    }
    if generation["details"]?["finish_reason"]?.string == "length" {
      throw ProviderFailure(
        provider: provider, failureClass: .truncated, vendorCode: "length",
        message: "the answer hit max_new_tokens (\(settings.maxTokens)) and is cut off")
    }
    if let echo = text.range(of: ForecastPrompt.closingSentence, options: .backwards) {
      text = String(text[echo.upperBound...])
    }
    return CompletionText(text: text)
  }

  func usage(from body: JSONValue) -> TokenUsage {
    let generation = body.array?.first ?? body
    return usage(prompt: nil, completion: generation["details"]?["generated_tokens"])
  }

  func healthProbes() -> [HealthProbe] {
    guard let whoami = settings.tokenCheckURL else { return [] }
    return [HealthProbe(call: VendorCall(method: "GET", url: whoami, headers: bearer(key), body: nil)) { _ in nil }]
  }
}
