/// The parts of the manual pages that the command tree does not hold: examples, the
/// environment, the files and the exit statuses.
enum ManualText {
    /// One example: what it does, and the command.
    struct Example {
        /// What the command does, in a sentence.
        var what: String
        /// The command line.
        var command: String
    }

    /// Examples by command name; "" is `lumbar` itself.
    static let examples: [String: [Example]] = [
        "": [
            Example(what: "Open the full-screen check-in and history:", command: "lumbar"),
            Example(
                what: "Log a check-in, then see what the log means:",
                command: "lumbar checkin --pain 4 --symptom stiffness --care heat --no-other-signs\nlumbar status"),
            Example(
                what: "A marker in the shell prompt while a see-doctor flag is raised:",
                command: "lumbar status --fail-at see-doctor >/dev/null 2>&1; [ $? -eq 3 ] && echo 'back: see a doctor'"),
        ],
        "checkin": [
            Example(
                what: "Pain 4 now (worst 6 since the last check-in), stiff, used heat and kept active, no warning signs:",
                command: "lumbar checkin --pain 4 --worst 6 --symptom stiffness --care heat,active --no-other-signs"),
            Example(what: "Answer two warning-sign questions no:", command: "lumbar checkin --pain 2 --no numbness,tingling"),
            Example(
                what: "Backfill yesterday (logged at 12:00), or log a time earlier today:",
                command: "lumbar checkin --date yesterday --pain 2\nlumbar checkin --at -2h --pain 3"),
            Example(what: "Keep the note off the command line:", command: "lumbar checkin --pain 3 --note -\nlumbar checkin --pain 3 --edit-note"),
        ],
        "session": [
            Example(what: "A deadlift session now, 50 minutes at effort 8:", command: "lumbar session --kind deadlift --minutes 50 --rpe 8"),
            Example(
                what: "A run yesterday evening that ended in sharp pain:", command: "lumbar session --kind run --at 'yesterday 18:00' --sudden-pain"),
        ],
        "status": [
            Example(what: "What the log means now:", command: "lumbar status"),
            Example(what: "For a script, as of last Monday at 20:00:", command: "lumbar status --json --now 'mon 20:00'"),
            Example(what: "Exit 3 from cron when a flag at see-doctor or above is raised:", command: "lumbar status --fail-at see-doctor"),
        ],
        "history": [
            Example(what: "The last seven days, with entry ids:", command: "lumbar history --from -7d"),
            Example(what: "One month as JSON:", command: "lumbar history --from 2026-03-01 --to 2026-03-31 --json"),
        ],
        "edit": [
            Example(what: "Change an entry's pain, by the first 8 characters of its id:", command: "lumbar edit 3f2a9c1b --pain 3"),
            Example(what: "Clear a check-in's symptoms and move it to yesterday:", command: "lumbar edit 3f2a9c1b --symptom none --date yesterday"),
        ],
        "delete": [Example(what: "Delete an entry (the journal before is kept as a backup):", command: "lumbar delete 3f2a9c1b")],
        "profile": [
            Example(what: "Set the birth year and medical history the rules read:", command: "lumbar profile --birth-year 1984 --history steroids"),
            Example(what: "Clear the history; show the profile as JSON:", command: "lumbar profile --history none\nlumbar profile --json"),
        ],
        "guide": [Example(what: "Read the guide in a pager, or as JSON:", command: "lumbar guide | less\nlumbar guide --json")],
        "training": [Example(what: "Whether to train today, as text or JSON:", command: "lumbar training\nlumbar training --json")],
        "export": [
            Example(what: "A backup of the whole journal:", command: "lumbar export --format json --output backup.json"),
            Example(
                what: "Last month's check-ins for a spreadsheet:", command: "lumbar export --format csv --from 2026-03-01 --to 2026-03-31 > march.csv"
            ),
        ],
        "import": [
            Example(
                what: "Bring in an export or a CSV (importing it twice changes nothing):",
                command: "lumbar import backup.json\nlumbar import checkins.csv --skip-bad")
        ],
        "merge": [
            Example(
                what: "Fold in the copy from another machine, deletions included:",
                command: "lumbar merge other-machine/journal.json\nlumbar merge --yes 'journal.sync-conflict-20261201-101500-ABCDEFG.json'")
        ],
        "recover": [Example(what: "List the backups, then restore the newest:", command: "lumbar recover\nlumbar recover --restore 1")],
        "remind": [Example(what: "A nudge from cron at 20:00 when today has no check-in:", command: "0 20 * * * ~/.local/bin/lumbar remind")],
        "show": [Example(what: "The status screen as text, 100 columns wide:", command: "lumbar show status --width 100")],
        "report": [
            Example(what: "A page for a doctor, as HTML:", command: "lumbar report --format html --output back-pain.html"),
            Example(what: "The last four weeks in Markdown:", command: "lumbar report --from -28d --format md"),
        ],
        "undelete": [Example(what: "List deleted entries, then bring one back:", command: "lumbar undelete\nlumbar undelete 3f2a9c1b")],
        "assessed": [
            Example(what: "A GP assessed the see-doctor flags raised now:", command: "lumbar assessed --note-file gp-visit.txt"),
            Example(
                what: "An urgent flag, assessed yesterday morning, named by its rule id:",
                command: "lumbar assessed --at 'yesterday 10:00' --rule leg-weakness"),
        ],
    ]

    /// Environment variables lumbar reads, and what for.
    static let environment: [(String, String)] = [
        ("LUMBAR_STORE", "The journal file, when --store is not given."),
        (
            "XDG_DATA_HOME",
            "The journal is $XDG_DATA_HOME/lumbar/journal.json when this is an absolute path, else ~/.local/share/lumbar/journal.json."
        ),
        ("LUMBAR_CONFIG", "The configuration file, instead of $XDG_CONFIG_HOME/lumbar/config.toml."),
        (
            "XDG_CONFIG_HOME",
            "The configuration file is $XDG_CONFIG_HOME/lumbar/config.toml when this is an absolute path, else ~/.config/lumbar/config.toml."
        ),
        ("LUMBAR_NOW", "Fixes now, in any form --at takes, for scripts and tests."),
        ("TZ", "The time zone entries are logged and shown in."),
        ("NO_COLOR", "When set and not empty, no colour is used."),
        ("TERM", "The terminal the full-screen view draws on; unset, dumb or unknown means no full-screen view (exit 69)."),
        ("VISUAL", "The editor --edit-note opens, else EDITOR."),
        ("EDITOR", "The editor --edit-note opens when VISUAL is unset."),
        ("LANG", "With LC_ALL and LC_CTYPE: a locale that is not UTF-8 gets plain ASCII glyphs."),
    ]

    /// Files lumbar reads and writes.
    static let files: [(String, String)] = [
        ("~/.local/share/lumbar/journal.json", "The journal (directory 0700, file 0600); the format is in docs/store-format.md."),
        ("journal.json.1 ... journal.json.5", "Backups beside the journal, newest first, one kept before each change ('lumbar recover')."),
        ("journal.json.lock", "The writers' lock beside the journal."),
        ("~/.config/lumbar/config.toml", "Settings: week start, clock, backfill time, usual symptoms and self-care, colour, reminder hour."),
    ]

    /// Exit statuses and their meaning, in the order the README lists them.
    static let exitStatus: [(Int32, String)] = [
        (ExitStatus.ok, "Done."),
        (ExitStatus.reminder, "remind: today has no check-in yet."),
        (ExitStatus.levelReached, "status --fail-at LEVEL: the level is at or above LEVEL."),
        (ExitStatus.usage, "Bad usage: an argument is missing, out of range or unknown; one line on standard error says which."),
        (ExitStatus.data, "A file lumbar cannot read as a journal or export; it was left untouched."),
        (ExitStatus.unavailable, "No usable terminal for the full-screen view; use a subcommand."),
        (ExitStatus.io, "An I/O error (disk full, permission denied); nothing was changed."),
        (ExitStatus.busy, "The journal is locked by another lumbar for longer than 5 s."),
    ]
}
