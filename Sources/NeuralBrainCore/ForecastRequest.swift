/// What a provider is asked to forecast in one run.
public struct ForecastRequest: Sendable {
  public var dataset: Dataset
  public var targets: ForecastTargets
  public var seed: UInt64
  public var runID: String

  public init(dataset: Dataset, targets: ForecastTargets, seed: UInt64, runID: String) {
    self.dataset = dataset
    self.targets = targets
    self.seed = seed
    self.runID = runID
  }
}
