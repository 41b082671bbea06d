/// The terminal front end: the only module that talks to curses.
public enum LumbarTerminal {}
