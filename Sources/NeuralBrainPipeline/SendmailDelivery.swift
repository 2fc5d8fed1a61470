import Foundation

/// Hands a message to a sendmail-compatible program (`program -t -oi`: recipients from the To
/// header), the way cron jobs have always sent mail.
struct SendmailDelivery: Sendable {
  var program: String

  /// Pipes `message` to the program; fails with 69 when it cannot start and 75 when it refuses
  /// the message.
  func deliver(_ message: URL) async throws(WorkspaceError) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-t", "-oi"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      process.standardInput = try FileHandle(forReadingFrom: message)
    } catch {
      throw .unreadableMessage(path: message.path, reason: error.localizedDescription)
    }
    let status: Int32
    do {
      status = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
          try process.run()
        } catch {
          process.terminationHandler = nil
          continuation.resume(throwing: error)
        }
      }
    } catch {
      throw .sendmailUnavailable(program: program, reason: error.localizedDescription)
    }
    guard status == 0 else {
      let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw .sendmailRefused(
        program: program, status: status, detail: detail.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
}
