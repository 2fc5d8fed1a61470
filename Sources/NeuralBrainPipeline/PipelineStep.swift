/// One named step of a run, in the style of Publish's `PublishingStep`.
public struct PipelineStep: Sendable {
  public var name: String
  public var body: @Sendable (inout RunContext) async throws -> Void

  public init(name: String, body: @escaping @Sendable (inout RunContext) async throws -> Void) {
    self.name = name
    self.body = body
  }
}
