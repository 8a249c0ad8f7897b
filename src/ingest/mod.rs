//! Ingest: turn the bytes a person dropped in into text, or say clearly why not.

mod codecs;
mod decode;

pub use decode::decode;
