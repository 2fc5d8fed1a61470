extension Result {
  /// The outcome of async `body` as a value, for a test that starts work with `async let`,
  /// moves a clock, and only then looks at how the work ended.
  public static func catching(_ body: () async throws(Failure) -> Success) async -> Result {
    do {
      return .success(try await body())
    } catch {
      return .failure(error)
    }
  }
}
