import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainProviders

/// Shared inputs: one weekly series, its horizon dates, valid replies and provider builders.
enum TestFixtures {
  static let start = Day(year: 2025, month: 6, day: 7) ?? Day(ordinal: 0)
  static let values: [Double?] = (0..<30).map { (index: Int) -> Double? in
    index == 10 ? nil : Double(100 + (index * 37) % 90)
  }

  static let dataset = Dataset(
    provenance: Provenance(
      source: "test", sourceURL: "test:", retrievedAt: Date(timeIntervalSince1970: 0),
      dataAsOf: start.adding(days: 29 * 7)),
    frequency: .weekly,
    regions: [Region(code: "US-TX", name: "Texas")],
    series: [
      IncidentSeries(
        region: Region(code: "US-TX", name: "Texas"), metric: .cases, frequency: .weekly, start: start,
        values: values)
    ])

  static let request = ForecastRequest(
    dataset: dataset, targets: ForecastTargets(frequency: .weekly), seed: 42, runID: "run-1")

  static var lastObserved: Day { start.adding(days: 29 * 7) }
  static var horizonDates: [Day] { (1...4).map { lastObserved.adding(days: 7 * $0) } }

  /// A reply meeting the contract: median plus the requested levels for every horizon.
  static func forecastJSON(median: Double = 150, dates: [Day] = horizonDates) -> String {
    let points = dates.map { date in
      """
      {"date":"\(date.iso)","median":\(median),"quantiles":[{"level":0.025,"value":\(median * 0.5)},\
      {"level":0.25,"value":\(median * 0.8)},{"level":0.75,"value":\(median * 1.2)},\
      {"level":0.975,"value":\(median * 1.8)}]}
      """
    }
    return #"{"forecasts":["# + points.joined(separator: ",") + "]}"
  }

  /// `text` as a JSON string literal.
  static func quoted(_ text: String) -> String { JSONValue.string(text).text }

  static func openAIChat(content: String?, finish: String = "stop", refusal: String? = nil) -> String {
    let contentJSON = content.map(quoted) ?? "null"
    let refusalJSON = refusal.map(quoted) ?? "null"
    return """
      {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"m",\
      "choices":[{"index":0,"message":{"role":"assistant","content":\(contentJSON),"refusal":\(refusalJSON)},\
      "logprobs":null,"finish_reason":"\(finish)"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
      """
  }

  /// The user message the fixture request's prompt carries.
  static var promptText: String {
    let job = SeriesJob.jobs(for: request)[0]
    let prompt = ForecastPrompt(job: job)
    return prompt.system + "\n\n" + prompt.user
  }

  static func responses(text: String, reasoningFirst: Bool = false) -> String {
    let reasoning = reasoningFirst ? #"{"type":"reasoning","id":"rs_1","summary":[]},"# : ""
    return """
      {"id":"resp_1","object":"response","status":"completed","incomplete_details":null,"error":null,\
      "output":[\(reasoning){"type":"message","role":"assistant","content":[{"type":"output_text","text":\(quoted(text)),"annotations":[]}]}],\
      "usage":{"input_tokens":36,"output_tokens":87,"total_tokens":123}}
      """
  }

  static func textGeneration(_ text: String, finish: String = "eos_token") -> String {
    #"[{"generated_text":"# + quoted(text) + #","details":{"finish_reason":""# + finish
      + #"","generated_tokens":80,"seed":42}}]"#
  }

  static func gemini(text: String) -> String {
    """
    {"candidates":[{"content":{"role":"model","parts":[{"text":\(quoted(text))}]},"finishReason":"STOP","index":0}],\
    "usageMetadata":{"promptTokenCount":1,"candidatesTokenCount":1,"totalTokenCount":2},"modelVersion":"gemini-2.5-flash"}
    """
  }

  static let environment = [
    "OPENAI_API_KEY": "sk-test-secret-0001", "GEMINI_API_KEY": "AIzaTestSecret0002", "GROQ_API_KEY": "gsk_secret0003",
    "CLOUDFLARE_API_TOKEN": "cf-secret-0004", "CLOUDFLARE_ACCOUNT_ID": "acct123", "HF_TOKEN": "hf_secret0005",
    "LOCAL_KEY": "local-secret-0006",
  ]

  /// The key values (the Cloudflare account id is an identifier, not a secret).
  static var secrets: [String] { environment.filter { $0.key != "CLOUDFLARE_ACCOUNT_ID" }.map(\.value) }

  /// The environment provider tests run in: `variables` (default: every key), retry waits on
  /// `clock` (by default one that lets them pass at once, recorded), HTTP deadlines on
  /// `deadlines` (by default one nobody moves: no request times out unless a test says so).
  static func runEnvironment(
    variables: [String: String] = environment, clock: TestClock = TestClock(advancesOnSleep: true),
    deadlines: TestClock = TestClock()
  ) -> RunEnvironment {
    .test(
      clock: clock, deadlines: deadlines, directory: URL(fileURLWithPath: NSTemporaryDirectory()),
      variables: variables)
  }

  /// Settings of `kind` pointed at a fake server.
  static func settings(
    _ kind: ProviderKind, server: String, timeout: Double? = nil, api: WireAPI? = nil
  ) -> ProviderSettings {
    let path: String
    var settings: ProviderSettings
    switch kind {
    case .openaiCompatible:
      settings = ProviderSettings(kind: .openaiCompatible, baseURL: "", model: "llama3.2", apiKeyEnv: "LOCAL_KEY")
      path = "/v1"
    default:
      settings = ProviderSettings.builtIn(kind.rawValue) ?? ProviderSettings(kind: kind, baseURL: "", model: "")
      path = URL(string: settings.baseURL)?.path ?? ""
    }
    settings.baseURL = server + path
    if let timeout { settings.timeoutSeconds = timeout }
    if let api { settings.api = api }
    return settings
  }

  /// A ready provider named after `kind` talking to `server`.
  static func provider(
    _ kind: ProviderKind, server: String, timeout: Double? = nil, name: String? = nil, api: WireAPI? = nil,
    concurrency: Int = 2, deadlines: TestClock = TestClock()
  ) throws -> any ForecastProvider {
    let name = name ?? kind.rawValue
    let configuration = ProvidersConfiguration(
      order: [name], settings: [name: settings(kind, server: server, timeout: timeout, api: api)],
      concurrency: concurrency)
    let slots = ProviderFactory.make(
      configuration: configuration, environment: runEnvironment(deadlines: deadlines))
    return try #require(slots.first?.provider, "the \(name) provider should be configured")
  }
}
