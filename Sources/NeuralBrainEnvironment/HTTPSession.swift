/// Sends HTTP requests: the one place bytes cross the network, for data downloads and vendor
/// APIs alike. Nothing behind it logs or stores a header (keys travel in headers).
public protocol HTTPSession: Sendable {
  func send(_ request: WebRequest) async throws(WebError) -> WebResponse
}
