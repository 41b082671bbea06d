import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The ways to give a note: as an argument, from standard input, from a file, or in an editor.
///
/// Notes are health data; an argument shows in `ps` to every user and lands in shell history,
/// so the other three exist to keep the text off the command line.
struct NoteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A note, any text; '-' reads it from standard input (kept out of ps and shell history).", valueName: "text"))
    var note: String?

    @Option(name: .customLong("note-file"), help: ArgumentHelp("Read the note from this file.", valueName: "path"), completion: .file())
    var noteFile: String?

    @Flag(name: .customLong("edit-note"), help: "Write the note in $VISUAL or $EDITOR (a private temporary file, removed after).")
    var editNote = false

    /// The largest note read from standard input, a file or the editor: far beyond any real note,
    /// small enough that a mistaken `--note-file /dev/zero` cannot fill the journal.
    static let maximumBytes = 1 << 20

    /// The note the options give, or `nil` when none was given.
    ///
    /// Reads standard input, the file or the editor's result now, so that a command can do it
    /// before it takes the journal's lock.
    func resolve(environment: [String: String] = ProcessEnvironment.variables) throws -> String? {
        let given = [note.map { $0 == "-" ? "--note -" : "--note" }, noteFile.map { _ in "--note-file" }, editNote ? "--edit-note" : nil]
            .compactMap { $0 }
        guard given.count <= 1 else {
            throw CLIError.usage("\(given.joined(separator: " and ")) both give the note; use one of them")
        }
        if let note, note != "-" { return note }
        if note == "-" {
            return try Self.text(try Self.readAll(fd: STDIN_FILENO, name: "standard input"), from: "standard input")
        }
        if let noteFile { return try Self.text(try Self.readFile(noteFile), from: noteFile) }
        if editNote { return try Self.text(try Self.edit(environment: environment), from: "the editor's file") }
        return nil
    }

    /// UTF-8 text without the one trailing line break that editors and `echo` add.
    static func text(_ bytes: [UInt8], from source: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError.data("the note in \(source) is not UTF-8 text; save it as UTF-8")
        }
        if text.hasSuffix("\r\n") { return String(text.dropLast(2)) }
        if text.hasSuffix("\n") { return String(text.dropLast()) }
        return text
    }

    /// Every byte from `fd` up to end of file, refusing more than `maximumBytes`.
    static func readAll(fd: Int32, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError(message: "cannot read the note from \(name): \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
            }
            bytes += buffer[..<count]
            if bytes.count > maximumBytes {
                throw CLIError.usage("the note in \(name) is over 1 MiB; a note is a few lines")
            }
        }
    }

    /// The contents of the regular file at `path`.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw CLIError(message: "cannot read --note-file \(path): \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
        }
        defer { close(fd) }
        var info = stat()
        // A FIFO or a device would block or never end; a note lives in a plain file.
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CLIError.usage("--note-file \(path) is not a regular file")
        }
        return try readAll(fd: fd, name: path)
    }

    /// Opens `$VISUAL` (else `$EDITOR`) on a new private file and returns what was saved in it.
    static func edit(environment: [String: String]) throws -> [UInt8] {
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw CLIError.usage(
                "--edit-note needs an editor; set VISUAL or EDITOR (e.g. EDITOR=nano), or use --note - to read the note from standard input")
        }
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/lumbar-note-XXXXXX.txt").utf8CString)
        // mkstemps creates the file 0600 and never follows a planted name.
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemps($0, 4) } ?? -1
        }
        guard fd >= 0 else {
            throw CLIError(message: "cannot create a file for the note in \(directory): \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
        }
        close(fd)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        // Through the shell, as git does, so an editor given with arguments ("code --wait") works.
        let status = try runInForeground(["/bin/sh", "-c", editor + " \"$1\"", "sh", path], editor: editor)
        guard status == 0 else {
            throw CLIError.usage("the editor '\(editor)' exited with status \(status); nothing was logged")
        }
        return try readFile(path)
    }

    /// Runs `arguments` and waits for it; returns its exit status (128 + the signal if one ended it).
    ///
    /// Not Foundation's `Process`: that starts the child in a process group of its own, where a
    /// terminal editor is stopped (SIGTTIN) the moment it reads the keyboard. lumbar ignores
    /// Ctrl-C and Ctrl-\\ while the editor runs, as git does, so they reach only the editor and
    /// the private file is still removed.
    static func runInForeground(_ arguments: [String], editor: String) throws -> Int32 {
        var pid = pid_t()
        let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, cArguments, environ)
        guard spawned == 0 else {
            throw CLIError(message: "cannot start the editor '\(editor)': \(String(cString: strerror(spawned)))", exitCode: ExitStatus.io)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw CLIError(message: "lost track of the editor '\(editor)': \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
            }
        }
        // The wait status macros are not imported into Swift: the low 7 bits hold the signal.
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
    }
}
