//! WordPress: its REST API and the post body as block markup.

pub mod blocks;
mod client;

pub use client::{Account, RemoteMedia, RemotePost, Taxonomy, WordPress};
