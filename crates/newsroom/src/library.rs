//! The façade front ends use: the store, the media folder and the renderer together.

/// An open library: a database and its media folder.
pub struct Library {}
