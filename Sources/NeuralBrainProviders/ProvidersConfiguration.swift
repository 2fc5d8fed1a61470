import NeuralBrainConfig
import NeuralBrainCore

/// The `[providers]` table: the failover order, each provider's settings and the lock policy knobs.
public struct ProvidersConfiguration: Sendable {
  /// Failover order, highest priority first.
  public var order: [String]
  public var settings: [String: ProviderSettings]
  /// Consecutive counted failures (quota, rate limit, blocked, truncated, invalid output) that fail over.
  public var failoverThreshold: Int
  /// Consecutive healthy checks before promotion back up; 0 disables promotion.
  public var promotionChecks: Int
  /// Consecutive failed health-monitor probes of the locked provider that fail it over before
  /// the next run; 0 disables.
  public var healthFailoverChecks: Int
  /// Requests in flight at once against the locked provider.
  public var concurrency: Int
  /// Audit events kept.
  public var auditKeep: Int

  public init(
    order: [String], settings: [String: ProviderSettings], failoverThreshold: Int = 3, promotionChecks: Int = 3,
    healthFailoverChecks: Int = 3, concurrency: Int = 4, auditKeep: Int = 1000
  ) {
    self.order = order
    self.settings = settings
    self.failoverThreshold = failoverThreshold
    self.promotionChecks = promotionChecks
    self.healthFailoverChecks = healthFailoverChecks
    self.concurrency = concurrency
    self.auditKeep = auditKeep
  }

  static let builtInOrder = ["openai", "gemini", "groq", "cloudflare", "huggingface", "local"]

  /// Every built-in vendor with its public base URL and default model, then `local`.
  public static let `default` = ProvidersConfiguration(
    order: builtInOrder,
    settings: Dictionary(
      uniqueKeysWithValues: builtInOrder.compactMap { name in
        ProviderSettings.builtIn(name).map { (name, $0) }
      })
  )

  /// Decodes the `[providers]` table (see docs/configuration.md); unknown keys are errors.
  public init(reader: ConfigReader) throws(ConfigError) {
    self = .default
    if let order = try reader.strings("order") {
      guard !order.isEmpty else { throw reader.invalid("order", "must name at least one provider") }
      guard Set(order).count == order.count else { throw reader.invalid("order", "names a provider twice") }
      self.order = order
    }
    failoverThreshold = try Self.positive(reader, "failover_threshold", default: failoverThreshold, minimum: 1)
    promotionChecks = try Self.positive(reader, "promotion_checks", default: promotionChecks, minimum: 0)
    healthFailoverChecks = try Self.positive(
      reader, "health_failover_checks", default: healthFailoverChecks, minimum: 0)
    concurrency = try Self.positive(reader, "concurrency", default: concurrency, minimum: 1)
    auditKeep = try Self.positive(reader, "audit_keep", default: auditKeep, minimum: 1)
    for (name, table) in reader.subtables() {
      settings[name] = try ProviderSettings(name: name, reader: table)
    }
    try reader.finish()
    for name in order where settings[name] == nil {
      throw reader.invalid(
        "order",
        "`\(name)` has no [providers.\(name)] table; add one with `kind = \"openai-compatible\"`, base_url and model")
    }
  }

  private static func positive(
    _ reader: ConfigReader, _ key: String, default value: Int, minimum: Int
  ) throws(ConfigError) -> Int {
    guard let found = try reader.int(key) else { return value }
    guard found >= minimum else { throw reader.invalid(key, "must be at least \(minimum)") }
    return found
  }
}
