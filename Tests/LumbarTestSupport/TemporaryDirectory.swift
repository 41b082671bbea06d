import Foundation

/// A private directory (0700) made for one test and removed with everything in it when the
/// value is released, so tests never share files or leave health-like data behind.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Makes a new directory named `lumbar-PREFIX-XXXXXX` in the system's temporary folder.
    ///
    /// A test cannot go on without one, so failing to make it stops the run with the reason.
    public init(_ prefix: String = "test") {
        var template = Array((NSTemporaryDirectory() + "lumbar-\(prefix)-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            preconditionFailure("mkdtemp failed in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
