#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import TOMLKit

/// One top-level key of a TOML document, its value, and the line it is on.
///
/// TOMLKit (toml++) reads the document; it does not say where a value was, so the line of
/// each key is found by a scan of the text for the line that sets it.
struct TOMLEntry: Equatable {
    var key: String
    var value: ConfigValue
    /// 1-based; 0 when the scan could not place it.
    var line: Int

    /// A document TOML itself refuses, with where toml++ found the fault.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// The document's top-level keys in the order of their lines.
    static func entries(in text: String) throws(SyntaxError) -> [TOMLEntry] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let reason = error.description.trimmingWhitespace()
            throw SyntaxError(line: error.source.begin.line,
                              message: "not valid TOML: \(reason) (column \(error.source.begin.column)); settings are written key = value, strings in double quotes")
        } catch {
            throw SyntaxError(line: 0, message: "not valid TOML; settings are written key = value, strings in double quotes")
        }
        let lines = keyLines(in: text)
        return table.keys.compactMap { key in
            table[key].map { TOMLEntry(key: key, value: value(of: $0.tomlValue), line: lines[key] ?? 0) }
        }
        .sorted { ($0.line, $0.key) < ($1.line, $1.key) }
    }

    /// A TOMLKit value as a `ConfigValue`.
    static func value(of value: TOMLValue) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .time:
            guard let time = value.time else { return .other("time") }
            return .time(hour: time.hour, minute: time.minute, second: time.second)
        case .array: return .list((value.array ?? TOMLArray()).map { self.value(of: $0.tomlValue) })
        case .table: return .other("table")
        case .double: return .other("decimal number")
        case .date: return .other("date")
        case .dateTime: return .other("date and time")
        }
    }

    /// The first line that sets each top-level key or opens a table of that name.
    ///
    /// A key is the text before `=` (or before the first `.` of a dotted key), quoted or bare;
    /// keys after the first table header belong to that table and are skipped.
    static func keyLines(in text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var inTable = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            var name: Substring
            if line.hasPrefix("[") {
                inTable = true
                name = line.drop { $0 == "[" }
                name = name.prefix { $0 != "]" && $0 != "." }
            } else {
                guard !inTable, !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
                name = line[..<equals]
                if !(name.hasPrefix("\"") || name.hasPrefix("'")) { name = name.prefix { $0 != "." } }
            }
            var key = name.trimmingSpaces()
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
                key = String(key.dropFirst().dropLast())
            }
            if !key.isEmpty, result[key] == nil { result[key] = index + 1 }
        }
        return result
    }
}
