import Foundation
import NeuralBrainEnvironment
import NeuralBrainForecasting

/// Builds the chain's slots from configuration and the environment: resolves each key (without
/// ever printing it) and marks providers without one as unconfigured.
public enum ProviderFactory {
  public static func make(
    configuration: ProvidersConfiguration, environment: RunEnvironment, forecaster: LocalForecaster = .init()
  ) -> [ProviderSlot] {
    configuration.order.map { name in
      guard let settings = configuration.settings[name] else {
        return ProviderSlot(name: name, state: .unconfigured(reason: "no [providers.\(name)] settings"))
      }
      do throws(CredentialsError) {
        return ProviderSlot(
          name: name,
          state: try state(
            name: name, settings: settings, environment: environment, forecaster: forecaster,
            concurrency: configuration.concurrency))
      } catch {
        return ProviderSlot(name: name, state: .unconfigured(reason: error.localizedDescription))
      }
    }
  }

  private static func state(
    name: String, settings: ProviderSettings, environment: RunEnvironment, forecaster: LocalForecaster,
    concurrency: Int
  ) throws(CredentialsError) -> ProviderSlot.State {
    if settings.kind == .local { return .ready(LocalProvider(forecaster: forecaster)) }
    var key: Credentials?
    if let variable = settings.apiKeyEnv {
      key = try Credentials.resolve(variable: variable, provider: name, environment: environment)
      if key == nil, settings.kind != .openaiCompatible {
        return .unconfigured(
          reason: "\(variable) is not set (nor \(variable)_FILE or $CREDENTIALS_DIRECTORY/\(variable))")
      }
    } else if settings.kind != .openaiCompatible {
      return .unconfigured(reason: "[providers.\(name)] names no api_key_env")
    }
    let api: any VendorAPI
    switch settings.kind {
    case .gemini:
      api = GeminiAPI(settings: settings, key: key)
    case .cloudflare:
      let variable = settings.accountIDEnv ?? "CLOUDFLARE_ACCOUNT_ID"
      guard
        let account = try Credentials.resolve(variable: variable, provider: name + "-account", environment: environment)
      else {
        return .unconfigured(reason: "\(variable) (the Cloudflare account id) is not set")
      }
      api = CloudflareAPI(settings: settings, key: key, accountID: account.secret)
    default:
      switch settings.api {
      case .responses: api = OpenAIResponsesAPI(settings: settings, key: key)
      case .textGeneration: api = HuggingFaceTextGenerationAPI(settings: settings, key: key)
      case .chatCompletions, .native: api = OpenAIChatAPI(settings: settings, key: key)
      }
    }
    return .ready(
      HostedProvider(
        name: name, settings: settings, api: api, key: key, http: environment.http, clock: environment.clock,
        forecaster: forecaster, concurrency: concurrency))
  }
}
