#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The TUI's runtime (Bubble Tea's program over ratatui's terminal): reads the terminal, feeds
/// `AppState.update`, hands the effects it returns to an effect handler, runs the state's
/// subscriptions on their timers, and draws `AppView.render` when the state changed.
///
/// `run` is the whole loop; `step`, `send` and `drawIfNeeded` are its parts, for drivers that
/// feed it one input at a time (the tests).
public struct Program<Terminal: TerminalDevice, Effects: EffectHandler> {
    /// The state as of the last message (tests with `@testable` may set it: the next step draws it).
    public internal(set) var state: AppState {
        didSet { needsDraw = true }
    }
    /// Where the program reads input and draws.
    public let terminal: Terminal
    /// What runs the effects.
    public private(set) var effects: Effects
    private let clock: ProgramClock
    private var needsDraw = true
    /// When each subscription is next due, on the monotonic clock.
    private var due: [Subscription: Duration] = [:]

    /// A program starting from `state`, which should already have the terminal's size.
    public init(state: AppState, terminal: Terminal, effects: Effects, clock: ProgramClock) {
        self.state = state
        self.terminal = terminal
        self.effects = effects
        self.clock = clock
        schedule()
    }

    /// Runs until `update` asks to quit, a signal ends it, or the terminal goes away, and
    /// returns the exit status (128 + the signal for a signal or a hang-up).
    public mutating func run() -> Int32 {
        while true {
            if let code = step() { return code }
        }
    }

    /// One turn of the loop: a pending signal ends it; otherwise draw if needed, wait for
    /// input until the next subscription is due, handle the input, run what is due.
    /// - Returns: the exit status when the program ends.
    public mutating func step() -> Int32? {
        let signal = terminal.takeSignal()
        if signal != 0 { return 128 + signal }
        drawIfNeeded()
        let event = terminal.read(timeout: timeUntilDue())
        if let event, let code = handle(event) { return code }
        return runDueSubscriptions()
    }

    /// Updates the state with `message` and runs the effects that follow, to the end.
    /// - Returns: the exit status when one of them quits.
    public mutating func send(_ message: Message) -> Int32? {
        var pending = state.update(message)
        needsDraw = true
        schedule()
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .quit(let code) = effect { return code }
            // Effects run on this thread: the frame drawn first shows the state that asked for
            // them (a save shows "Saving…"), not the one before the key.
            drawIfNeeded()
            for result in effects.perform(effect) {
                pending += state.update(result)
                needsDraw = true
            }
        }
        schedule()
        return nil
    }

    /// Draws the state if it changed since the last frame.
    public mutating func drawIfNeeded() {
        guard needsDraw else { return }
        terminal.draw(AppView.render(state))
        needsDraw = false
    }

    private mutating func handle(_ event: TerminalEvent) -> Int32? {
        switch event {
        case .resize:
            let size = terminal.size
            terminal.invalidate()
            return send(.resize(width: size.width, height: size.height))
        case .key(let key):
            if state.subscriptions.contains(where: \.keepsClock), let code = send(.tick(clock.now())) { return code }
            return send(.key(key))
        case .paste(let text):
            return send(.paste(text))
        case .hangUp:
            // Nobody can answer a "discard?" question now; leave as a hang-up would (SIGHUP is 1).
            return 128 + 1
        }
    }

    /// Keeps a due time for each subscription the state lists now: new ones are first due one
    /// interval from now, ones no longer listed are dropped.
    private mutating func schedule() {
        let wanted = state.subscriptions
        guard Set(wanted) != Set(due.keys) else { return }
        let now = clock.elapsed()
        var next: [Subscription: Duration] = [:]
        for subscription in wanted { next[subscription] = due[subscription] ?? now + subscription.interval }
        due = next
    }

    /// How long input may be waited for before a subscription is due (a second with none).
    private func timeUntilDue() -> Duration {
        guard let first = due.values.min() else { return .seconds(1) }
        return max(.zero, first - clock.elapsed())
    }

    private mutating func runDueSubscriptions() -> Int32? {
        let now = clock.elapsed()
        // In a fixed order, so a clock tick and a poll due together always run alike.
        for subscription in state.subscriptions {
            guard let time = due[subscription], time <= now else { continue }
            // The next time counts from now: a machine that slept does not run a backlog.
            due[subscription] = now + subscription.interval
            switch subscription {
            case .clock:
                let time = clock.now()
                if AppState.minuteChanged(from: state.now, to: time), let code = send(.tick(time)) { return code }
            case .every(_, let effect):
                if let code = run(effect) { return code }
            }
        }
        return nil
    }

    /// Runs an effect no message asked for (a subscription's); draws only if it changed something.
    private mutating func run(_ effect: Effect) -> Int32? {
        if case .quit(let code) = effect { return code }
        for result in effects.perform(effect) {
            if let code = send(result) { return code }
        }
        return nil
    }
}
