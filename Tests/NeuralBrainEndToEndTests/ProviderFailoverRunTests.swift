import Foundation
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

/// `neuralbrain run --config` against fake vendor servers on 127.0.0.1 that speak each vendor's
/// wire format (docs/providers.md): the right failure classes, failovers, audit events, and one
/// provider per release.
@Suite("provider failover through neuralbrain run")
struct ProviderFailoverRunTests {
  static let keys = [
    "OPENAI_API_KEY": "sk-e2e-openai-0123456789abcdef",
    "GEMINI_API_KEY": "AIzaE2EGeminiKey0123456789abcdef",
    "GROQ_API_KEY": "gsk_e2e_groq_0123456789abcdef",
  ]

  /// openai answers 401, gemini answers 429 quota, groq answers every forecast.
  static func vendorServer(log: RequestLog = RequestLog()) async throws -> LoopbackHTTPServer {
    try await LoopbackHTTPServer.start { request in
      await log.append(request)
      if request.path.hasPrefix("/v1/chat/completions") {
        return .json(
          401,
          #"{"error":{"message":"Incorrect API key provided: sk-e2e***. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        )
      }
      if request.path.hasPrefix("/v1beta/") {
        return .json(
          429,
          #"{"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}}"#
        )
      }
      if request.path.hasPrefix("/openai/v1/chat/completions") {
        return VendorForecaster.reply(to: request, format: .openAIChat)
      }
      return .json(404, #"{"error":{"message":"unknown path","type":"invalid_request_error","code":"unknown_url"}}"#)
    }
  }

  static func config(server: String) -> String {
    """
    [providers]
    order = ["openai", "gemini", "groq", "local"]
    failover_threshold = 3

    [providers.openai]
    base_url = "\(server)/v1"
    model = "gpt-4.1-mini"
    api_key_env = "OPENAI_API_KEY"

    [providers.gemini]
    base_url = "\(server)/v1beta"
    model = "gemini-2.5-flash"
    api_key_env = "GEMINI_API_KEY"

    [providers.groq]
    base_url = "\(server)/openai/v1"
    model = "llama-3.3-70b-versatile"
    api_key_env = "GROQ_API_KEY"
    """
  }

  @Test(
    "openai 401, gemini quota ×3, groq succeeds: every forecast file says groq; at most 7 gemini calls; audit shows both failovers"
  )
  func failover() async throws {
    let log = RequestLog()
    let server = try await Self.vendorServer(log: log)
    let directory = try TemporaryDirectory()
    let configFile = directory.url.appendingPathComponent("neuralbrain.toml")
    try Self.config(server: server.baseURL).write(to: configFile, atomically: true, encoding: .utf8)
    let state = directory.url.appendingPathComponent("state").path
    let output = directory.url.appendingPathComponent("output")
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--config", configFile.path, "--state-dir", state, "--output", output.path,
        "--regions", "12", "--steps", "7", "--now", "2026-11-29T06:00:00Z", "--log-format", "json",
      ],
      environment: Self.keys)
    try await server.shutdown()
    #expect(result.status == 0, "stderr: \(result.standardError)")
    #expect(result.standardOutput.contains("with groq"))
    // A strike is one failed request: three quota strikes, plus at most concurrency − 1 = 3
    // requests already in flight, go to gemini.
    let geminiCalls = await log.requests.filter { $0.path.hasPrefix("/v1beta/") }.count
    #expect(geminiCalls >= 3 && geminiCalls <= 7, "\(geminiCalls) gemini calls")

    let site = try SiteTree.files(in: output.appendingPathComponent("current"))
    let forecastFiles = site.filter { $0.key.hasPrefix("api/v1/forecasts/region/") && $0.key.hasSuffix(".json") }
    #expect(forecastFiles.count == 12)
    for (path, data) in forecastFiles {
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect(object["provider"] as? String == "groq", "\(path)")
    }
    let statusData = try #require(site["api/v1/status.json"])
    let status = try #require(try JSONSerialization.jsonObject(with: statusData) as? [String: Any])
    #expect(status["provider"] as? String == "groq")
    #expect(status["fallback_used"] as? Bool == true)
    let hubData = try #require(site["api/v1/forecasts/hub.csv"])
    let hubLines = String(decoding: hubData, as: UTF8.self).split(separator: "\n").count
    #expect(hubLines == 1 + 12 * 2 * 2 * 23, "7 daily steps: days 1 and 7 in hub.csv")

    let audit = try await NeuralBrainExecutable.run(["audit", "--state-dir", state, "--json", "--limit", "100"])
    #expect(audit.status == 0)
    let events = try #require(
      try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
    let failovers = events.filter { $0["type"] as? String == "failover" }.compactMap {
      $0["details"] as? [String: String]
    }
    #expect(failovers.contains { $0["from"] == "openai" && $0["to"] == "gemini" && $0["reason"] == "auth" })
    #expect(
      failovers.contains { $0["from"] == "gemini" && $0["to"] == "groq" && ($0["reason"] ?? "").hasPrefix("quota") })
    let failures = events.filter { $0["type"] as? String == "failure_recorded" }.compactMap {
      $0["details"] as? [String: String]
    }
    #expect(failures.filter { $0["class"] == "quota" }.count == 3)
    #expect(failures.contains { $0["class"] == "auth" && $0["http_status"] == "401" })

    let lock = try await NeuralBrainExecutable.run(["lock", "show", "--state-dir", state, "--json"])
    #expect(lock.standardOutput.contains("\"provider\" : \"groq\""))

    // No key anywhere: published files, the database (and its WAL), logs and command output.
    var haystacks = Array(site.values)
    for name in try FileManager.default.contentsOfDirectory(atPath: state) {
      haystacks.append(try Data(contentsOf: URL(fileURLWithPath: state).appendingPathComponent(name)))
    }
    haystacks.append(Data((result.standardError + result.standardOutput + audit.standardOutput).utf8))
    for key in Self.keys.values {
      #expect(!haystacks.contains { $0.range(of: Data(key.utf8)) != nil }, "a key leaked")
    }
  }

  @Test("with no keys at all the run publishes with local and audits the skipped providers")
  func noKeys() async throws {
    let directory = try TemporaryDirectory()
    let state = directory.url.appendingPathComponent("state").path
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--state-dir", state, "--output", directory.url.appendingPathComponent("output").path,
        "--regions", "2", "--steps", "7", "--now", "2026-11-29T06:00:00Z",
      ])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    #expect(result.standardOutput.contains("with local"))
    let audit = try await NeuralBrainExecutable.run(["audit", "--state-dir", state, "--json", "--limit", "100"])
    let events = try #require(
      try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
    let skipped = Set(
      events.filter { $0["type"] as? String == "provider_skipped" }.compactMap { $0["provider"] as? String })
    #expect(skipped == ["openai", "gemini", "groq", "cloudflare", "huggingface"])
  }

  @Test("without local in the chain and every provider failing, the run exits 75 and the previous release stays live")
  func exhausted() async throws {
    let server = try await Self.vendorServer()
    let directory = try TemporaryDirectory()
    let state = directory.url.appendingPathComponent("state").path
    let output = directory.url.appendingPathComponent("output")
    let first = try await NeuralBrainExecutable.run(
      [
        "run", "--state-dir", state, "--output", output.path, "--regions", "2", "--steps", "7",
        "--now", "2026-11-28T06:00:00Z",
      ])
    try #require(first.status == 0)
    let configFile = directory.url.appendingPathComponent("chain.toml")
    let config =
      Self.config(server: server.baseURL)
      .replacingOccurrences(
        of: #"order = ["openai", "gemini", "groq", "local"]"#, with: #"order = ["openai", "gemini"]"#
      )
      .components(separatedBy: "[providers.groq]").first ?? ""
    try config.write(to: configFile, atomically: true, encoding: .utf8)
    let second = try await NeuralBrainExecutable.run(
      [
        "run", "--config", configFile.path, "--state-dir", state, "--output", output.path, "--regions", "2",
        "--steps", "7", "--now", "2026-11-29T06:00:00Z",
      ],
      environment: Self.keys)
    try await server.shutdown()
    #expect(second.status == 75, "stderr: \(second.standardError)")
    let live = try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("current").path)
    #expect(live.hasSuffix("20261128t060000z"))
  }
}
