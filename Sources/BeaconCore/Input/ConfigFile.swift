import Foundation

/// The largest file of each kind Beacon reads: far beyond any genuine one, so a wrong or
/// runaway file is named instead of filling memory.
enum FileSizeLimit: Int {
    /// Register tables and subscriber lists: 100,000 subscribers take about 18 MB.
    case register = 134_217_728
    /// Settings, audiences and digest definitions: a few kilobytes each.
    case definitions = 1_048_576

    var megabytes: Int { rawValue >> 20 }
}

enum ConfigFile {
    /// The file's bytes, or nil (reported) when it cannot be read or is larger than `limit`.
    /// Read a piece at a time, so even a device or a pipe named by mistake stops at the limit.
    static func contents(of url: URL, displayName: String, limit: FileSizeLimit, diagnostics: Diagnostics) -> Data? {
        let location = SourceLocation(file: displayName)
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // Sized for the whole file, so a large register is not copied as it grows.
            let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            var data = Data(capacity: min(size, limit.rawValue) + 1)
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
                data.append(piece)
                if data.count > limit.rawValue {
                    diagnostics.report(.fileTooLarge(megabytes: limit.megabytes), at: location)
                    return nil
                }
            }
            return data
        } catch {
            diagnostics.report(.unreadableFile(reason: reason(for: error)), at: location)
            return nil
        }
    }

    static func reason(for error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, [NSFileReadNoSuchFileError, NSFileNoSuchFileError].contains(nsError.code) { return "no such file" }
        return nsError.localizedDescription
    }
}
