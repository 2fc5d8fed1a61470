import Foundation

/// One readable sentence for an error from the system or a library, for messages that reach an
/// operator: a `LocalizedError`'s description, or Foundation's localized text for file-system
/// errors (never an `NSCocoaErrorDomain Code=… UserInfo=…` dump).
public enum ErrorText {
  public static func describe(_ error: any Error) -> String {
    if let localized = error as? any LocalizedError, let text = localized.errorDescription { return text }
    if error is CocoaError || (error as NSError).domain == NSCocoaErrorDomain
      || (error as NSError).domain == NSPOSIXErrorDomain
    {
      var text = (error as NSError).localizedDescription
      while text.hasSuffix(".") { text.removeLast() }
      if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
        underlying.domain == NSPOSIXErrorDomain, let code = Int32(exactly: underlying.code)
      {
        text += " (\(String(cString: strerror(code))))"
      }
      return text
    }
    return String(describing: error)
  }
}
