import CNCursesW
import LumbarUI

/// Turns what `wget_wch` returned into a key.
enum KeyDecoder {
    /// A decoded input.
    enum Input: Hashable {
        case key(Key)
        case resize
        /// Text between the terminal's bracketed-paste markers.
        case paste(String)
    }

    /// The input for a `wget_wch` status (`OK`, `KEY_CODE_YES`, `ERR`) and code; `nil` for
    /// nothing (a timeout, an interrupted read, a code lumbar has no use for).
    static func decode(status: Int32, code: UInt32) -> Input? {
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

    private static func functionKey(_ code: Int32) -> Input? {
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
