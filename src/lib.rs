//! factlint: a fact-consistency linter for news writing.
//!
//! The pipeline runs one way: [`source`] loads files, [`text`] segments them,
//! [`extract`] finds mentions and claims, [`resolve`] links names across
//! documents, [`check`] compares claims and produces [`diagnostic::Finding`]s,
//! and [`report`] renders them. [`engine`] drives the stages.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod extract;
pub mod pack;
pub mod report;
pub mod resolve;
pub mod ruletest;
pub mod source;
pub mod text;
pub mod timing;

#[cfg(test)]
mod test_support;
