/// Everything one provider returned for one run, before normalization.
public struct ProviderOutput: Sendable, Hashable {
  /// The provider's configured name (`local`, `openai`, …).
  public var provider: String
  /// The model id, e.g. `gpt-4.1-mini` or `local-ensemble-v3`.
  public var model: String
  /// Method text or prompt version, shown on pages.
  public var method: String
  public var forecasts: [SeriesForecast]
  /// Tokens the vendor reported for this output's requests; nil for `local`.
  public var usage: TokenUsage?

  public init(provider: String, model: String, method: String, forecasts: [SeriesForecast], usage: TokenUsage? = nil) {
    self.provider = provider
    self.model = model
    self.method = method
    self.forecasts = forecasts
    self.usage = usage
  }
}
