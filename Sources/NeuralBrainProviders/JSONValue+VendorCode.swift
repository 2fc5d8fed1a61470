import NeuralBrainCore

extension JSONValue {
  /// A string, or an integer code rendered as text (`"invalid_api_key"`, `400`, `3036`).
  var codeText: String? {
    switch self {
    case .string(let text): return text
    case .number(let number) where number == number.rounded() && abs(number) < 1e15:
      return String(Int(number))
    default: return nil
    }
  }
}
