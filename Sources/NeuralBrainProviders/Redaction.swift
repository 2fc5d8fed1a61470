import Foundation

/// Removes secrets from vendor text before it reaches a failure, a log or the audit trail.
///
/// Vendors echo key fragments (`Incorrect API key provided: sk-abc***`); the configured key itself
/// and anything shaped like a vendor key are replaced.
enum Redaction {
  static let placeholder = "[redacted]"

  static func scrub(_ text: String, secret: String?) -> String {
    var out = text
    if let secret, secret.count >= 4 { out = out.replacingOccurrences(of: secret, with: placeholder) }
    return out.replacingOccurrences(
      of: #"(sk-|gsk_|hf_|AIza|Bearer\s+)[A-Za-z0-9_\-\*\.…]+"#, with: placeholder, options: .regularExpression)
  }
}
