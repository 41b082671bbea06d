/// Runs the effects `update` asks for (Bubble Tea's commands): the program hands it each
/// effect except `.quit` and feeds the messages it returns back to `update`.
///
/// Effects run one at a time on the program's thread, so the frame painted before a slow one
/// (a save) shows that it is under way.
public protocol EffectHandler {
    /// Performs `effect` and returns the messages it produced, in order (often one, or none).
    mutating func perform(_ effect: Effect) -> [Message]
}
