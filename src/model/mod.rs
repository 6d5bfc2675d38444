//! Plain types and their validation, without I/O: what every layer above agrees on.

pub mod time;
