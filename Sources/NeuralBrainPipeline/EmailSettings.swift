import NeuralBrainConfig
import NeuralBrainRender

/// `[email]`: who the daily summary is addressed to and which sendmail delivers it.
///
/// Every run writes its summary e-mail, configured or not, so it can be read and replayed;
/// only `neuralbrain email --send` needs real recipients.
public struct EmailSettings: Sendable, Hashable {
  public var from = "NeuralBrain <neuralbrain@localhost>"
  /// Recipients; empty = none configured (the written message goes to the local sender).
  public var to: [String] = []
  public var subjectPrefix = "[NeuralBrain]"
  /// A mailto: or https: address for the List-Unsubscribe header.
  public var listUnsubscribe: String?
  /// The sendmail-compatible program `email --send` pipes the message to.
  public var sendmail = "/usr/sbin/sendmail"

  public init() {}

  init(reader: ConfigReader) throws(ConfigError) {
    if let from = try reader.string("from") { self.from = from }
    if let to = try reader.strings("to") { self.to = to }
    if let prefix = try reader.string("subject_prefix") { subjectPrefix = prefix }
    listUnsubscribe = try reader.string("list_unsubscribe")
    if let sendmail = try reader.string("sendmail") { self.sendmail = sendmail }
    try reader.finish()
  }

  /// The envelope of the written message; without recipients it goes back to the sender.
  public var envelope: EmailEnvelope {
    var envelope = EmailEnvelope(from: from, to: to, subjectPrefix: subjectPrefix, listUnsubscribe: listUnsubscribe)
    if to.isEmpty { envelope.to = [envelope.senderAddress] }
    return envelope
  }
}
