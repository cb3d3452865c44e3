import Foundation

/// `error.localizedDescription` (and SwiftUI/AppKit alerts) show Regrid's own message rather
/// than "The operation could not be completed".
extension RegridError: LocalizedError {
    public var errorDescription: String? { description }
}
