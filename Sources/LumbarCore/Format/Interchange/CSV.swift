/// RFC 4180 comma-separated values: quoting on write, and a tolerant reader for files that
/// people and spreadsheets make (BOM, CRLF or LF, `;` as the separator).
public enum CSV {
    /// One field, quoted when it holds the separator, a quote, or a line break.
    public static func field(_ text: String, separator: Character = ",") -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if text.contains(separator) || text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        {
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        return text
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` made safe to open in a spreadsheet: a cell that would start a formula gets one
    /// `'` in front (so does one that starts with quotes before such a character, so that
    /// `restored(_:)` gives back exactly the text that was exported).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.drop(while: { $0 == "'" }).first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// Undoes `neutralised(_:)`: one `'` is dropped from a cell that is quotes and then a formula start.
    public static func restored(_ text: String) -> String {
        guard text.hasPrefix("'"), let first = text.unicodeScalars.drop(while: { $0 == "'" }).first,
            formulaStarts.contains(first)
        else { return text }
        return String(text.dropFirst())
    }

    /// One record, ended by CRLF as RFC 4180 asks.
    public static func record(_ fields: [String]) -> String {
        fields.map { field($0) }.joined(separator: ",") + "\r\n"
    }

    /// A row as read, with the line it started on (for error messages).
    public struct Row: Equatable, Sendable {
        /// The fields.
        public var fields: [String]
        /// 1-based line number where the row starts.
        public var line: Int
    }

    /// Why a CSV file could not be split into rows.
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        /// 1-based line.
        public var line: Int
        /// What is wrong.
        public var reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// Splits `text` into rows; the separator is `;` when the first line has `;` but no `,`.
    public static func rows(_ text: String) throws(SyntaxError) -> [Row] {
        var scalars = Substring(text)
        if scalars.hasPrefix("\u{FEFF}") { scalars = scalars.dropFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        var rows: [Row] = []
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var rowLine = 1
        var sawAnything = false
        var iterator = scalars.makeIterator()
        var pending: Character? = nil

        func endRow() {
            fields.append(current)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
            current = ""
            sawAnything = false
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; afterQuote = true; pending = next }
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    current.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard current.isEmpty && !afterQuote else {
                    throw SyntaxError(line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                inQuotes = true
                sawAnything = true
            case separator:
                fields.append(current)
                current = ""
                afterQuote = false
                sawAnything = true
            case "\n", "\r\n", "\r":
                endRow()
                afterQuote = false
                line += 1
                rowLine = line
            default:
                guard !afterQuote else {
                    throw SyntaxError(line: line, reason: "text after a closing quote; a quoted field must end at a separator")
                }
                current.append(c)
                sawAnything = true
            }
        }
        if inQuotes { throw SyntaxError(line: rowLine, reason: "a quoted field is never closed") }
        if sawAnything || !current.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
