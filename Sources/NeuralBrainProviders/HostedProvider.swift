import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainForecasting

/// A hosted (or local-server) language model as a forecast provider: one prompt per series, at
/// most `concurrency` in flight, replies parsed against the prompt contract and missing quantile
/// levels calibrated from the embedded model. Daily series are asked for 7-day totals, which are
/// spread over the days as `local` spreads its own.
///
/// Every failed request is reported to the chain as one strike; the chain answers whether to
/// send that series again or to give the provider up, which cancels the requests in flight.
public struct HostedProvider: ForecastProvider {
  public let name: String
  let settings: ProviderSettings
  let api: any VendorAPI
  let transport: HTTPTransport
  let secret: String?
  let forecaster: LocalForecaster
  let concurrency: Int
  /// Waits between a series' retries, and health-probe latency.
  let clock: any RunClock

  init(
    name: String, settings: ProviderSettings, api: any VendorAPI, key: Credentials?, http: any HTTPSession,
    clock: any RunClock, forecaster: LocalForecaster, concurrency: Int
  ) {
    self.name = name
    self.settings = settings
    self.api = api
    self.secret = key?.secret
    self.transport = HTTPTransport(session: http, provider: name, timeout: .seconds(rounding: settings.timeoutSeconds))
    self.forecaster = forecaster
    self.concurrency = max(concurrency, 1)
    self.clock = clock
  }

  public var model: String { settings.model }

  /// One series' request: which job, and what came of it.
  struct SeriesAttempt: Sendable {
    var index: Int
    var outcome: Result<SeriesForecast, ProviderFailure>
    var usage: TokenUsage
  }

  /// How the batch of requests ended.
  enum BatchOutcome: Sendable {
    case finished([SeriesForecast?], TokenUsage)
    case gaveUp(ProviderFailure)
  }

  public func forecast(
    _ request: ForecastRequest, outcomes: any RequestOutcomeHandler
  ) async throws(ProviderFailure) -> ProviderOutput {
    let jobs = SeriesJob.jobs(for: request)
    let reference = localReference(jobs, request: request)
    let seed = Int(request.seed % (1 << 31))
    let batch = await withTaskGroup(of: SeriesAttempt.self, returning: BatchOutcome.self) { group in
      var forecasts = [SeriesForecast?](repeating: nil, count: jobs.count)
      var usage = TokenUsage()
      var waiting = Array(jobs.indices.reversed())
      func start(_ index: Int, after delay: Double) {
        group.addTask {
          await attempt(jobs[index], index: index, reference: reference[index], seed: seed, delay: delay)
        }
      }
      for _ in 0..<min(concurrency, jobs.count) { start(waiting.removeLast(), after: 0) }
      while let finished = await group.next() {
        usage += finished.usage
        switch finished.outcome {
        case .success(let forecast):
          forecasts[finished.index] = forecast
          await outcomes.requestSucceeded()
          if let next = waiting.popLast() { start(next, after: 0) }
        case .failure(let failure):
          switch await outcomes.requestFailed(failure) {
          case .giveUp:
            group.cancelAll()
            return .gaveUp(failure)
          case .retry(let wait):
            start(finished.index, after: wait)
          }
        }
      }
      return .finished(forecasts, usage)
    }
    switch batch {
    case .gaveUp(let failure):
      throw failure
    case .finished(let forecasts, let usage):
      return ProviderOutput(
        provider: name, model: model,
        method: "\(ForecastPrompt.version) via \(model); missing quantile levels calibrated from \(forecaster.modelID)",
        forecasts: forecasts.compactMap { $0 }, usage: usage)
    }
  }

  /// The embedded model's quantiles for the periods each job asks the hosted model for
  /// (`[job][period][23]`): weekly counts, or 7-day totals of daily series.
  func localReference(_ jobs: [SeriesJob], request: ForecastRequest) -> [[[Double]]] {
    let values = jobs.map(\.values)
    guard request.targets.frequency == .daily else {
      return forecaster.forecast(values, frequency: .weekly, steps: request.targets.steps, seed: request.seed)
    }
    return forecaster.forecastWeeklyTotals(
      values, weeks: LocalForecaster.weeks(coveringDays: request.targets.steps), seed: request.seed)
  }

  /// One request for one series, after `delay` seconds. A method rather than a closure body on
  /// purpose: Swift 6.3.1 at -O miscompiled a task-group closure that returned a tuple holding a
  /// captured index from inside `do throws(ProviderFailure) { … }` — every child task returned
  /// index 0 (or garbage), so `results[index] = result` trapped (SIGILL) in release builds only.
  /// Here the outcome is assigned first and the value built after the `do`/`catch`.
  func attempt(
    _ job: SeriesJob, index: Int, reference: [[Double]], seed: Int, delay: Double
  ) async -> SeriesAttempt {
    if delay > 0 { try? await clock.sleep(for: .seconds(rounding: delay)) }
    var usage = TokenUsage()
    let outcome: Result<SeriesForecast, ProviderFailure>
    do throws(ProviderFailure) {
      if Task.isCancelled { throw ProviderFailure(provider: name, failureClass: .unavailable, message: "cancelled") }
      let prompt = ForecastPrompt(job: job)
      let completion = try await complete(prompt, seed: seed, usage: &usage)
      outcome = .success(try forecast(job, prompt: prompt, completion: completion, reference: reference))
    } catch {
      outcome = .failure(error)
    }
    return SeriesAttempt(index: index, outcome: outcome, usage: usage)
  }

  /// Parses a completion for `job` and calibrates it into 23 quantiles per day or week.
  func forecast(
    _ job: SeriesJob, prompt: ForecastPrompt, completion: CompletionText, reference: [[Double]]
  ) throws(ProviderFailure) -> SeriesForecast {
    let parser = ForecastReplyParser(provider: name, prompt: prompt)
    let provided: [[Int: Double]]
    do {
      provided = try parser.parse(completion.text)
    } catch  where completion.hitTokenLimit {
      throw ProviderFailure(
        provider: name, failureClass: .truncated, message: "the answer hit max tokens and does not parse")
    }
    let periods = provided.enumerated().map { period, values in
      QuantileCalibration.fill(provided: values, local: reference[period])
    }
    let rows =
      job.asksWeeklyTotals
      ? LocalForecaster.spreadOverDays(weekly: periods, history: job.values, days: job.targets.steps) : periods
    // A count never exceeds the population; the parser already refused values far above history.
    let population = job.series.region.population ?? .infinity
    return job.forecast(
      quantiles: ForecastBound.clamp(rows, to: [population]),
      nextWeek: job.asksWeeklyTotals ? periods.first.map { ForecastBound.clamp([$0], to: [population])[0] } : nil)
  }

  /// Sends one completion request and returns its text, or the classified failure. Retrying is
  /// the chain's decision (one failed request is one strike), never done here.
  func complete(
    _ prompt: ForecastPrompt, seed: Int, usage: inout TokenUsage
  ) async throws(ProviderFailure) -> CompletionText {
    let reply = try await send(api.completion(prompt, seed: seed))
    guard reply.isSuccess else {
      let failure = FailureClassifier.classify(reply, provider: name, secret: secret, now: clock.now())
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
    usage += api.usage(from: body)
    return try api.text(from: body, provider: name)
  }

  private func send(_ call: VendorCall) async throws(ProviderFailure) -> WebResponse {
    try await transport.send(call)
  }

  public func checkHealth() async -> HealthStatus {
    let start = clock.uptime()
    var failure: ProviderFailure?
    for probe in api.healthProbes() {
      do throws(ProviderFailure) {
        let reply = try await send(probe.call)
        guard reply.isSuccess else {
          throw FailureClassifier.classify(reply, provider: name, secret: secret, now: clock.now())
        }
        if let (failureClass, message) = probe.judge(JSONValue(parsing: reply.body)) {
          throw ProviderFailure(provider: name, failureClass: failureClass, httpStatus: reply.status, message: message)
        }
      } catch {
        failure = error
        break
      }
    }
    let milliseconds = Int(((clock.uptime() - start).seconds * 1000).rounded())
    return HealthStatus(provider: name, healthy: failure == nil, failure: failure, latencyMilliseconds: milliseconds)
  }
}
