import Foundation

/// The answering half of a fake vendor: reads a NeuralBrain forecast prompt out of a request body
/// and writes a plausible reply in each vendor's success format (docs/providers.md §3), so end-to-end
/// runs can publish from every hosted provider against loopback servers.
public enum VendorForecaster {
  /// The vendors' success envelopes.
  public enum Format: Sendable {
    case openAIChat, gemini, cloudflare, responses, textGeneration
  }

  /// The reply to a completion request in `format`: a flat forecast at the recent level for every
  /// date the prompt asks for, with the six requested quantile levels.
  public static func reply(to request: LoopbackHTTPServer.Request, format: Format) -> LoopbackHTTPServer.Response {
    let content = forecastJSON(prompt: prompt(in: request.bodyText))
    let escaped = jsonString(content)
    let usage = #""usage":{"prompt_tokens":300,"completion_tokens":120,"total_tokens":420}"#
    switch format {
    case .openAIChat:
      return .json(
        200,
        #"{"id":"chatcmpl-e2e","object":"chat.completion","created":1760000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"#
          + escaped + #","refusal":null},"logprobs":null,"finish_reason":"stop"}],"# + usage + "}")
    case .gemini:
      return .json(
        200,
        #"{"candidates":[{"content":{"role":"model","parts":[{"text":"# + escaped
          + #"}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":100,"thoughtsTokenCount":20,"totalTokenCount":420},"modelVersion":"gemini-2.5-flash"}"#
      )
    case .cloudflare:
      return .json(
        200, #"{"result":{"response":"# + content + "," + usage + #"},"success":true,"errors":[],"messages":[]}"#)
    case .responses:
      return .json(
        200,
        #"{"id":"resp_e2e","object":"response","status":"completed","incomplete_details":null,"error":null,"output":[{"type":"reasoning","id":"rs_1","summary":[]},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"#
          + escaped + #","annotations":[]}]}],"usage":{"input_tokens":300,"output_tokens":120,"total_tokens":420}}"#)
    case .textGeneration:
      return .json(
        200,
        #"[{"generated_text":"# + escaped
          + #","details":{"finish_reason":"eos_token","generated_tokens":120,"seed":42}}]"#)
    }
  }

  /// The prompt text inside a JSON request body (escapes undone).
  public static func prompt(in body: String) -> String {
    body.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\"", with: "\"")
  }

  /// The dates a prompt asks for: the ISO dates on its line that starts with "Forecast the".
  public static func askedDates(in prompt: String) -> [String] {
    guard let line = prompt.split(separator: "\n").first(where: { $0.hasPrefix("Forecast the") }) else { return [] }
    return isoDates(in: String(line))
  }

  /// A reply meeting the prompt's contract: every asked date at the level of the last four history
  /// values (times seven when 7-day totals of daily counts are asked for), with a spread around it.
  public static func forecastJSON(prompt: String) -> String {
    let history = prompt.split(separator: "\n").compactMap { line -> Double? in
      let parts = line.split(separator: ",")
      guard parts.count == 2, isoDates(in: String(parts[0])).count == 1 else { return nil }
      return Double(parts[1])
    }
    let recent = history.suffix(4)
    let level = recent.isEmpty ? 10 : recent.reduce(0, +) / Double(recent.count)
    let median = (prompt.contains("total count of the 7 days") ? 7 * level : level).rounded()
    let points = askedDates(in: prompt).map { date in
      let quantiles = [(0.025, 0.5), (0.1, 0.7), (0.25, 0.85), (0.75, 1.15), (0.9, 1.3), (0.975, 1.6)]
        .map { #"{"level":\#($0.0),"value":\#((median * $0.1).rounded())}"# }
      return #"{"date":"\#(date)","median":\#(median),"quantiles":[\#(quantiles.joined(separator: ","))]}"#
    }
    return #"{"forecasts":["# + points.joined(separator: ",") + "]}"
  }

  private static func isoDates(in text: String) -> [String] {
    let pattern = /\d{4}-\d{2}-\d{2}/
    return text.matches(of: pattern).map { String($0.output) }
  }

  private static func jsonString(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
    let array = String(decoding: data, as: UTF8.self)
    return String(array.dropFirst().dropLast())
  }
}
