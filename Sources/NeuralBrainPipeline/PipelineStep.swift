/// One named step of a run, in the style of Publish's `PublishingStep`: it reads the run's
/// context and returns the next one.
public struct PipelineStep: Sendable {
  public var name: String
  public var body: @Sendable (RunContext) async throws -> RunContext

  public init(name: String, body: @escaping @Sendable (RunContext) async throws -> RunContext) {
    self.name = name
    self.body = body
  }
}
