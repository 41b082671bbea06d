/// Screens and state for the TUI, rendered into plain buffers.
public enum LumbarUI {}
