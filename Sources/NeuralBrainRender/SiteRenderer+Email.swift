import NeuralBrainCore
import NeuralBrainTemplates

extension SiteRenderer {
  /// The e-mail's templates (file names without `.mustache`). They are not in
  /// `requiredTemplates`, so template folders from before the e-mail still render the site.
  static let emailTemplates = (text: "email.txt", html: "email.html")

  /// The daily summary as an RFC 5322 message with CRLF line endings, ready for `sendmail -t -oi`.
  ///
  /// The same content and envelope always give the same bytes.
  ///
  /// - Throws: `RenderError.invalidEmailHeader` for an envelope value that could add headers or
  ///   that no mail system accepts, `RenderError.missingTemplate` naming `email.txt` or
  ///   `email.html` when the templates folder lacks it, `RenderError.duplicateRegionID` as
  ///   `render(_:)` does.
  public func email(_ content: SiteContent, envelope: EmailEnvelope) throws -> [UInt8] {
    try emailMessage(content, envelope: envelope).bytes
  }

  /// The message with its parts rendered but not yet encoded.
  func emailMessage(_ content: SiteContent, envelope: EmailEnvelope) throws -> EmailMessage {
    try envelope.validate()
    let names = Self.emailTemplates
    for name in [names.text, names.html] where !library.names.contains(name) {
      throw RenderError.missingTemplate(name: name, directory: templatesPath)
    }
    let view = PageBuilder(content: content, ids: try Self.regionIDs(content.forecasts)).email(envelope: envelope)
    let model = TemplateValue.make(view)
    return EmailMessage(
      envelope: envelope, subject: view.subject, date: content.run.generatedAt, runID: content.run.runID,
      text: renderedText(model, template: names.text), html: renderedText(model, template: names.html))
  }
}
