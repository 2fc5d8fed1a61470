/// Which of a vendor's HTTP APIs a provider speaks (`api` in `[providers.<name>]`).
///
/// Each kind has a default; OpenAI also offers the Responses API, Hugging Face the legacy
/// text-generation route (`hf-inference`), Workers AI its OpenAI-compatible endpoint.
public enum WireAPI: String, Sendable, Hashable, Codable, CaseIterable {
  /// `POST {base}/chat/completions` (OpenAI, Groq, HF router, Ollama, vLLM, llama.cpp, Workers AI `/ai/v1`).
  case chatCompletions = "chat-completions"
  /// OpenAI `POST {base}/responses`.
  case responses
  /// Hugging Face text generation: `POST {base}/models/{model}` answering `[{"generated_text"}]`.
  case textGeneration = "text-generation"
  /// The vendor's own API: Gemini `generateContent`, Workers AI `ai/run/{model}`.
  case native

  /// The APIs `kind` can speak, its default first.
  static func supported(by kind: ProviderKind) -> [WireAPI] {
    switch kind {
    case .openai: [.chatCompletions, .responses]
    case .huggingface: [.chatCompletions, .textGeneration]
    case .cloudflare: [.native, .chatCompletions]
    case .gemini: [.native]
    case .groq, .openaiCompatible: [.chatCompletions]
    case .local: [.native]
    }
  }
}
