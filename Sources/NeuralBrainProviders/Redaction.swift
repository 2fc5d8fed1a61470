import Foundation

/// Removes secrets from vendor text before it reaches a failure, a log or the audit trail.
///
/// Vendors echo key fragments (`Incorrect API key provided: sk-abc***`, `SECRET***ken`); the
/// configured key itself, any part of it of 6 characters or more at its start or end, anything
/// shaped like a vendor key and any masked fragment (a word around `***`) are replaced.
enum Redaction {
  static let placeholder = "[redacted]"

  static func scrub(_ text: String, secret: String?) -> String {
    var out = text
    if let secret, secret.count >= 4 {
      out = out.replacingOccurrences(of: secret, with: placeholder)
      for length in stride(from: secret.count - 1, through: 6, by: -1) {
        out = out.replacingOccurrences(of: String(secret.prefix(length)), with: placeholder)
        out = out.replacingOccurrences(of: String(secret.suffix(length)), with: placeholder)
      }
    }
    out = out.replacingOccurrences(
      of: #"[A-Za-z0-9_\-]+\*{3,}[A-Za-z0-9_\-]*|\*{3,}[A-Za-z0-9_\-]+"#, with: placeholder,
      options: .regularExpression)
    return out.replacingOccurrences(
      of: #"(sk-|gsk_|hf_|AIza|Bearer\s+)[A-Za-z0-9_\-\*\.…]+"#, with: placeholder, options: .regularExpression)
  }
}
