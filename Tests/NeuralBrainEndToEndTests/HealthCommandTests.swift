import Foundation
import NeuralBrainTestSupport
import Testing

/// `neuralbrain health` against fake vendor servers: the cheap endpoints only, each answer
/// classified, unconfigured providers named, and no key in what it prints.
@Suite("neuralbrain health")
struct HealthCommandTests {
  @Test("openai's model list is healthy, gemini's 403 is an auth failure, groq without a key is unconfigured")
  func probes() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      if request.path == "/v1/models" {
        return .json(
          200, #"{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1,"owned_by":"system"}]}"#)
      }
      if request.path.hasPrefix("/v1beta/models/") {
        return .json(
          403,
          #"{"error":{"code":403,"message":"Method doesn't allow unregistered callers. Please use API Key.","status":"PERMISSION_DENIED"}}"#
        )
      }
      return .json(404, #"{"error":{"message":"unknown path"}}"#)
    }
    let directory = try TemporaryDirectory()
    let config = directory.url.appendingPathComponent("neuralbrain.toml")
    try ProviderFailoverRunTests.config(server: server.baseURL).write(to: config, atomically: true, encoding: .utf8)
    let keys = ProviderFailoverRunTests.keys.filter { $0.key != "GROQ_API_KEY" }
    let result = try await NeuralBrainExecutable.run(
      ["health", "--json", "--config", config.path, "--state-dir", directory.url.appendingPathComponent("state").path],
      environment: keys)
    try await server.shutdown()
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let reports = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    let byName = Dictionary(
      uniqueKeysWithValues: reports.compactMap { report in (report["name"] as? String).map { ($0, report) } })
    let openai = try #require(byName["openai"]?["status"] as? [String: Any])
    #expect(openai["healthy"] as? Bool == true)
    let gemini = try #require(byName["gemini"]?["status"] as? [String: Any])
    #expect(gemini["healthy"] as? Bool == false)
    #expect((gemini["failure"] as? [String: Any])?["failure_class"] as? String == "auth")
    #expect(byName["groq"]?["status"] == nil && byName["groq"]?["unconfigured_reason"] != nil)
    let paths = await log.requests.map(\.path)
    #expect(paths.allSatisfy { !$0.contains("completions") && !$0.contains("generateContent") }, "\(paths)")
    for key in ProviderFailoverRunTests.keys.values {
      #expect(!result.standardOutput.contains(key) && !result.standardError.contains(key))
    }
  }

  @Test(
    "health run from cron acts: three failed probes of the locked provider fail it over; steady health is audited once")
  func monitorActs() async throws {
    let server = try await LoopbackHTTPServer.start { request in
      if request.path == "/v1/models" {
        return .json(
          503,
          #"{"error":{"message":"The engine is currently overloaded, please try again later","type":"service_unavailable_error","param":null,"code":"server_is_overloaded"}}"#
        )
      }
      if request.path.hasPrefix("/v1beta/models/") {
        return .json(200, #"{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent"]}"#)
      }
      return .json(200, #"{"object":"list","data":[{"id":"llama-3.3-70b-versatile","object":"model"}]}"#)
    }
    let directory = try TemporaryDirectory()
    let config = directory.url.appendingPathComponent("neuralbrain.toml")
    try ProviderFailoverRunTests.config(server: server.baseURL).write(to: config, atomically: true, encoding: .utf8)
    let common = ["--config", config.path, "--state-dir", directory.url.appendingPathComponent("state").path]
    let acquire = try await NeuralBrainExecutable.run(["lock", "acquire", "openai"] + common)
    try #require(acquire.status == 0, "stderr: \(acquire.standardError)")
    var locked: [String] = []
    for _ in 0..<5 {
      let health = try await NeuralBrainExecutable.run(["health"] + common, environment: ProviderFailoverRunTests.keys)
      try #require(health.status == 0, "stderr: \(health.standardError)")
      let lock = try await NeuralBrainExecutable.run(["lock", "show", "--json"] + common)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(lock.standardOutput.utf8)) as? [String: Any])
      locked.append(object["provider"] as? String ?? "?")
    }
    try await server.shutdown()
    #expect(locked == ["openai", "openai", "gemini", "gemini", "gemini"])

    let audit = try await NeuralBrainExecutable.run(["audit", "--json", "--limit", "100"] + common)
    let events = try #require(
      try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
    let checks = events.filter { $0["type"] as? String == "health_check" }.compactMap { $0["provider"] as? String }
    #expect(
      checks.sorted() == ["gemini", "groq", "local", "openai"], "one audited check per provider, not one per probe")
    let failover = try #require(events.first { $0["type"] as? String == "failover" }?["details"] as? [String: String])
    #expect(failover["from"] == "openai" && failover["to"] == "gemini")
    #expect(failover["reason"]?.contains("health check failed 3 consecutive times") == true)
  }
}
