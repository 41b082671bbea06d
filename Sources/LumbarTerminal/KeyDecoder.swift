import CNCursesW
import LumbarUI

/// Turns what `wget_wch` returned into a key.
enum KeyDecoder {
    /// How long a pause inside a paste ends it. A paste arrives in bursts that a loaded machine
    /// can space out, and a paste cut short would run its remaining letters as commands; keys
    /// typed after a lost end marker only become text in the field, and Escape always gets through.
    static let pastePauseMilliseconds = 1_000

    /// The most a paste may hold; the rest is left unread.
    static let pasteLimit = 1_048_576

    /// Reads a bracketed paste after its start marker from `next` (a code, or `nil` when input
    /// paused for `pastePauseMilliseconds`).
    ///
    /// The paste ends at the end marker `ESC [201~`, at a pause, at `pasteLimit` codes, or at any
    /// other ESC: a real paste has no escape sequences in it, so an ESC that does not start the end
    /// marker is a key typed after a lost marker, and it and what followed it are `leftover`, to be
    /// read again as keys. So an unterminated marker among hostile bytes swallows no Escape.
    static func readPaste(next: () -> UInt32?) -> (text: String, leftover: [UInt32]) {
        let endMarker: [UInt32] = [91, 50, 48, 49, 126]  // [201~
        var codes: [UInt32] = []
        var leftover: [UInt32] = []
        reading: while codes.count < pasteLimit {
            guard let code = next() else { break }
            guard code == 27 else { codes.append(code); continue }
            var tail: [UInt32] = []
            for expected in endMarker {
                guard let following = next() else { leftover = [27] + tail; break reading }
                tail.append(following)
                if following != expected { leftover = [27] + tail; break reading }
            }
            break
        }
        let scalars = codes.compactMap(Unicode.Scalar.init)
        return (String(String.UnicodeScalarView(scalars)), leftover)
    }

    /// The input for a `wget_wch` status (`OK`, `KEY_CODE_YES`, `ERR`) and code; `nil` for
    /// nothing (a timeout, an interrupted read, a code lumbar has no use for).
    static func decode(status: Int32, code: UInt32) -> TerminalEvent? {
        if status == lumbar_key_code_yes() { return functionKey(Int32(bitPattern: code)) }
        guard status == lumbar_ok() else { return nil }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case lumbar_key_resize(): return .resize
        case lumbar_key_up(): return .key(.up)
        case lumbar_key_down(): return .key(.down)
        case lumbar_key_left(): return .key(.left)
        case lumbar_key_right(): return .key(.right)
        case lumbar_key_home(): return .key(.home)
        case lumbar_key_end(): return .key(.end)
        case lumbar_key_ppage(): return .key(.pageUp)
        case lumbar_key_npage(): return .key(.pageDown)
        case lumbar_key_backspace(): return .key(.backspace)
        case lumbar_key_dc(): return .key(.delete)
        case lumbar_key_enter(): return .key(.enter)
        case lumbar_key_btab(): return .key(.backTab)
        case (lumbar_key_f0() + 1)...(lumbar_key_f0() + 12): return .key(.function(Int(code - lumbar_key_f0())))
        default: return nil
        }
    }
}
