import TextWidth

/// The cells a character or a string takes on screen (see `TextWidth.DisplayWidth`), named here so
/// screens measure text without importing the module that measures it.
public typealias DisplayWidth = TextWidth.DisplayWidth
