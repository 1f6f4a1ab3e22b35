//! WordPress: its REST API, the post body as block markup, and WordPress as a [`Cms`].
//!
//! [`Cms`]: crate::publish::Cms

pub mod blocks;
mod client;
mod site;

pub use client::{Taxonomy, WordPress};
