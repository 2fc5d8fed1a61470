import Foundation
import NeuralBrainTestSupport
import Testing

/// `neuralbrain run` publishing from each hosted vendor against a loopback server that speaks its
/// wire format, on daily demo data and on weekly FluSight data. This is what crashed the release
/// binary (SIGILL at the first reply): the suite runs the binary `swift test -c release` builds.
@Suite("publishing from every hosted provider")
struct HostedProviderRunTests {
  /// One vendor as a user configures it, and the fake that answers it.
  struct Vendor: Sendable, CustomTestStringConvertible {
    var name: String
    var table: String
    var format: VendorForecaster.Format
    /// The path every completion request must be sent to.
    var completionPath: String
    var testDescription: String { name }
  }

  static let vendors: [Vendor] = [
    Vendor(
      name: "openai", table: #"base_url = "{server}/v1""#, format: .openAIChat, completionPath: "/v1/chat/completions"),
    Vendor(
      name: "openai-responses",
      table:
        "kind = \"openai\"\nbase_url = \"{server}/v1\"\nmodel = \"gpt-5-mini\"\napi = \"responses\"\napi_key_env = \"OPENAI_API_KEY\"",
      format: .responses, completionPath: "/v1/responses"),
    Vendor(
      name: "gemini", table: #"base_url = "{server}/v1beta""#, format: .gemini,
      completionPath: "/v1beta/models/gemini-2.5-flash:generateContent"),
    Vendor(
      name: "groq", table: #"base_url = "{server}/openai/v1""#, format: .openAIChat,
      completionPath: "/openai/v1/chat/completions"),
    Vendor(
      name: "cloudflare", table: #"base_url = "{server}/client/v4""#, format: .cloudflare,
      completionPath: "/client/v4/accounts/acct-e2e/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
    Vendor(
      name: "huggingface", table: #"base_url = "{server}/v1""#, format: .openAIChat,
      completionPath: "/v1/chat/completions"),
    Vendor(
      name: "hf-text-generation",
      table:
        "kind = \"huggingface\"\nbase_url = \"{server}/hf-inference\"\nmodel = \"Qwen/Qwen2.5-7B-Instruct\"\napi = \"text-generation\"\napi_key_env = \"HF_TOKEN\"",
      format: .textGeneration, completionPath: "/hf-inference/models/Qwen/Qwen2.5-7B-Instruct"),
    Vendor(
      name: "ollama", table: "kind = \"openai-compatible\"\nbase_url = \"{server}/v1\"\nmodel = \"llama3.2\"",
      format: .openAIChat, completionPath: "/v1/chat/completions"),
  ]

  static let keys = [
    "OPENAI_API_KEY": "sk-e2e-hosted-0123456789", "GEMINI_API_KEY": "AIzaE2EHosted0123456789",
    "GROQ_API_KEY": "gsk_e2e_hosted_0123456789", "CLOUDFLARE_API_TOKEN": "cf-e2e-hosted-0123456789",
    "CLOUDFLARE_ACCOUNT_ID": "acct-e2e", "HF_TOKEN": "hf_e2e_hosted_0123456789",
  ]

  enum Input: String, CaseIterable, Sendable {
    case dailyDemo = "daily demo", weeklyHub = "weekly FluSight"
  }

  static var cases: [(Vendor, Input)] {
    vendors.flatMap { vendor in Input.allCases.map { (vendor, $0) } }
  }

  @Test("a release published from the vendor", arguments: cases)
  func publishes(_ vendor: Vendor, _ data: Input) async throws {
    if data == .weeklyHub, !SharedData.isAvailable {
      print("skipping \(vendor.name) on FluSight: ../shared/data is absent")
      return
    }
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      guard request.method == "POST", request.path == vendor.completionPath else {
        return .json(404, #"{"error":{"message":"no such route","type":"invalid_request_error","code":null}}"#)
      }
      return VendorForecaster.reply(to: request, format: vendor.format)
    }
    let directory = try TemporaryDirectory()
    let config = directory.url.appendingPathComponent("neuralbrain.toml")
    let table = vendor.table.replacingOccurrences(of: "{server}", with: server.baseURL)
    try """
    [providers]
    order = ["\(vendor.name)", "local"]

    [providers.\(vendor.name)]
    \(table)
    """.write(to: config, atomically: true, encoding: .utf8)
    let output = directory.url.appendingPathComponent("output")
    let state = directory.url.appendingPathComponent("state").path
    let input: [String] =
      data == .dailyDemo
      ? ["--regions", "3"] : ["--source", "hub", "--input", SharedData.flusightTarget.path]
    let result = try await NeuralBrainExecutable.run(
      ["run", "--config", config.path, "--state-dir", state, "--output", output.path, "--now", "2026-11-29T06:00:00Z"]
        + input,
      environment: Self.keys)
    try await server.shutdown()
    #expect(result.status == 0, "exit \(result.status); stderr: \(result.standardError)")
    #expect(result.standardOutput.contains("with \(vendor.name)"), "\(result.standardOutput)")

    let site = try SiteTree.files(in: output.appendingPathComponent("current"))
    let regions = site.filter { $0.key.hasPrefix("api/v1/forecasts/region/") && $0.key.hasSuffix(".json") }
    #expect(regions.count == (data == .dailyDemo ? 3 : 53))
    for (path, bytes) in regions {
      let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
      #expect(object["provider"] as? String == vendor.name, "\(path)")
    }
    let requests = await log.requests
    let completions = requests.filter { $0.path == vendor.completionPath }
    #expect(!completions.isEmpty)
    #expect(requests.count == completions.count, "only completion requests: \(requests.map(\.path))")
    if data == .dailyDemo {
      // Daily data ask for four 7-day totals, never 28 daily rows.
      for request in completions {
        let prompt = VendorForecaster.prompt(in: request.bodyText)
        #expect(VendorForecaster.askedDates(in: prompt).count == 4)
        #expect(prompt.contains("total count of the 7 days"))
      }
    }
    let statusData = try #require(site["api/v1/status.json"])
    let status = try #require(try JSONSerialization.jsonObject(with: statusData) as? [String: Any])
    let usage = try #require(status["token_usage"] as? [String: Any], "status.json has no token_usage")
    #expect(usage["requests"] as? Int == completions.count)
    #expect((usage["completion_tokens"] as? Int ?? 0) > 0)

    let report = try await NeuralBrainExecutable.run(["status", "--state-dir", state, "--json"])
    let runs = try #require(
      try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
    let last = try #require(runs["lastRun"] as? [String: Any] ?? runs["last_run"] as? [String: Any])
    #expect(last["requests"] as? Int == completions.count)

    var haystacks = Array(site.values)
    haystacks.append(Data((result.standardError + result.standardOutput + report.standardOutput).utf8))
    for name in try FileManager.default.contentsOfDirectory(atPath: state) {
      haystacks.append(try Data(contentsOf: URL(fileURLWithPath: state).appendingPathComponent(name)))
    }
    for (variable, key) in Self.keys where variable != "CLOUDFLARE_ACCOUNT_ID" {
      #expect(!haystacks.contains { $0.range(of: Data(key.utf8)) != nil }, "\(variable) leaked")
    }
  }
}
