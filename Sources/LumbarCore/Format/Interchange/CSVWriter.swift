/// Writes CSV records straight into bytes: each cell is built in `cellText`, then quoted and
/// neutralised as `CSV.field(CSV.neutralised(_:))` would, without a `String` per cell.
struct CSVWriter {
    /// The records written so far.
    private(set) var bytes: [UInt8] = []
    /// The text of the cell being built; `endCell()` writes it.
    var cellText = JSONWriter(capacity: 256)
    private var atRecordStart = true

    /// An empty writer, reserving room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends text as it is (a header already made into a record).
    mutating func text(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes the cell in `cellText`, after a comma unless it starts the record, and empties it.
    mutating func endCell() {
        if !atRecordStart { bytes.append(UInt8(ascii: ",")) }
        atRecordStart = false
        let done: Bool = cellText.withUnsafeBytes { appendASCIICell($0) }
        if !done {
            // `CSV.field` looks at whole characters (a comma with a combining mark is not a
            // comma to it), so text beyond ASCII goes through it to stay byte for byte the same.
            let text = String(decoding: cellText.bytes, as: UTF8.self)
            bytes.append(contentsOf: CSV.field(CSV.neutralised(text)).utf8)
        }
        cellText.removeAll()
    }

    /// Ends the record with CRLF, as RFC 4180 asks.
    mutating func endRecord() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atRecordStart = true
    }

    /// Hands the records written so far to `sink` once there are at least `threshold` bytes.
    mutating func drain(ifAtLeast threshold: Int = 0, into sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty, bytes.count >= threshold else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends an all-ASCII cell neutralised and quoted; false, appending nothing, for other text.
    private mutating func appendASCIICell(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var needsQuotes = false
        for byte in cell {
            if byte >= 0x80 { return false }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D { needsQuotes = true }
        }
        let formula = cell.first { $0 != UInt8(ascii: "'") }.map(Self.startsFormula) ?? false
        // With the added quote in front the cell no longer starts with a space.
        if !formula && cell.first == UInt8(ascii: " ") { needsQuotes = true }
        if cell.last == UInt8(ascii: " ") { needsQuotes = true }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in cell {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: cell)
        }
        return true
    }

    /// `CSV.formulaStarts`, for one ASCII byte.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}
