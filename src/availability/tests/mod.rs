//! Tests of the whole engine: scenarios per rule, DST zones, teams, and property tests
//! against a brute-force oracle.

mod dst;
mod oracle;
mod properties;
mod purity;
mod semantics;
mod support;
mod teams;
