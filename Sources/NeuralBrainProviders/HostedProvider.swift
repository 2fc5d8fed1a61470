import AsyncHTTPClient
import Foundation
import NeuralBrainCore
import NeuralBrainForecasting

/// A hosted (or local-server) language model as a forecast provider: one prompt per series, at
/// most `concurrency` in flight, replies parsed against the prompt contract and missing quantile
/// levels calibrated from the embedded model.
public struct HostedProvider: ForecastProvider {
  public let name: String
  let settings: ProviderSettings
  let api: any VendorAPI
  let transport: HTTPTransport
  let secret: String?
  let forecaster: LocalForecaster
  let concurrency: Int
  let retry: RetryPolicy

  init(
    name: String, settings: ProviderSettings, api: any VendorAPI, key: Credentials?, httpClient: HTTPClient,
    forecaster: LocalForecaster, concurrency: Int, retry: RetryPolicy
  ) {
    self.name = name
    self.settings = settings
    self.api = api
    self.secret = key?.secret
    self.transport = HTTPTransport(client: httpClient, provider: name, timeoutSeconds: settings.timeoutSeconds)
    self.forecaster = forecaster
    self.concurrency = max(concurrency, 1)
    self.retry = retry
  }

  public var model: String { settings.model }

  public func forecast(_ request: ForecastRequest) async throws(ProviderFailure) -> ProviderOutput {
    let jobs = SeriesJob.jobs(for: request)
    let local = forecaster.forecast(
      jobs.map(\.values), frequency: request.targets.frequency, steps: request.targets.steps, seed: request.seed)
    let seed = Int(request.seed % (1 << 31))
    let results = await withTaskGroup(of: (Int, Result<SeriesForecast, ProviderFailure>).self) { group in
      var results = [Result<SeriesForecast, ProviderFailure>?](repeating: nil, count: jobs.count)
      var next = 0
      func enqueue() {
        guard next < jobs.count else { return }
        let index = next
        next += 1
        group.addTask {
          do throws(ProviderFailure) {
            return (index, .success(try await forecast(jobs[index], local: local[index], seed: seed)))
          } catch {
            return (index, .failure(error))
          }
        }
      }
      for _ in 0..<concurrency { enqueue() }
      while let (index, result) = await group.next() {
        results[index] = result
        if case .failure = result {
          group.cancelAll()
          break
        }
        enqueue()
      }
      return results
    }
    var forecasts: [SeriesForecast] = []
    for result in results {
      switch result {
      case .success(let forecast)?: forecasts.append(forecast)
      case .failure(let failure)?: throw failure
      case nil: continue
      }
    }
    return ProviderOutput(
      provider: name, model: model,
      method: "\(ForecastPrompt.version) via \(model); missing quantile levels calibrated from \(forecaster.modelID)",
      forecasts: forecasts)
  }

  /// One series: prompt, call (with bounded retries), parse, calibrate.
  func forecast(_ job: SeriesJob, local: [[Double]], seed: Int) async throws(ProviderFailure) -> SeriesForecast {
    let prompt = ForecastPrompt(job: job)
    let parser = ForecastReplyParser(provider: name, prompt: prompt)
    let completion = try await complete(prompt, seed: seed)
    let provided: [[Int: Double]]
    do {
      provided = try parser.parse(completion.text)
    } catch where completion.hitTokenLimit {
      throw ProviderFailure(
        provider: name, failureClass: .truncated, message: "the answer hit max tokens and does not parse")
    }
    return job.forecast(
      quantiles: provided.enumerated().map { step, values in
        QuantileCalibration.fill(provided: values, local: local[step])
      })
  }

  /// Sends the completion, retrying `unavailable` with backoff and a short rate-limit hint once.
  func complete(_ prompt: ForecastPrompt, seed: Int) async throws(ProviderFailure) -> CompletionText {
    let call = api.completion(prompt, seed: seed)
    var attempt = 0
    var waitedForRateLimit = false
    while true {
      do throws(ProviderFailure) {
        let reply = try await send(call)
        guard reply.isSuccess else {
          let failure = FailureClassifier.classify(reply, provider: name, secret: secret, now: Date())
          // Groq JSON mode hands back what it generated; the parser decides whether it is usable.
          if failure.failureClass == .invalidOutput, let generated = VendorError(body: reply.body).failedGeneration {
            return CompletionText(text: generated)
          }
          throw failure
        }
        guard let body = JSONValue(parsing: reply.body) else {
          throw ProviderFailure(
            provider: name, failureClass: .invalidOutput, httpStatus: reply.status,
            message: "the 2xx body is not JSON: " + VendorError.plainText(reply.body))
        }
        return try api.text(from: body, provider: name)
      } catch {
        if Task.isCancelled { throw error }
        switch error.failureClass {
        case .unavailable where attempt < settings.maxRetries && (error.retryAfter ?? 0) <= retry.maxRetryAfter:
          await retry.sleep(retry.backoff(attempt: attempt, hint: error.retryAfter))
          attempt += 1
        case .rateLimited where !waitedForRateLimit && (error.retryAfter ?? .infinity) <= retry.shortRateLimitWait:
          await retry.sleep(error.retryAfter ?? 0)
          waitedForRateLimit = true
        default:
          throw error
        }
      }
    }
  }

  private func send(_ call: VendorCall) async throws(ProviderFailure) -> HTTPReply {
    try await transport.send(call.method, call.url, headers: call.headers, json: call.body?.bytes)
  }

  public func checkHealth() async -> HealthStatus {
    let clock = ContinuousClock()
    let start = clock.now
    var failure: ProviderFailure?
    for probe in api.healthProbes() {
      do throws(ProviderFailure) {
        let reply = try await send(probe.call)
        guard reply.isSuccess else {
          throw FailureClassifier.classify(reply, provider: name, secret: secret, now: Date())
        }
        if let (failureClass, message) = probe.judge(JSONValue(parsing: reply.body)) {
          throw ProviderFailure(provider: name, failureClass: failureClass, httpStatus: reply.status, message: message)
        }
      } catch {
        failure = error
        break
      }
    }
    let elapsed = clock.now - start
    let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    return HealthStatus(provider: name, healthy: failure == nil, failure: failure, latencyMilliseconds: milliseconds)
  }
}
