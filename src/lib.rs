//! Kairos: a self-hosted scheduling appliance in one binary.
//!
//! The map of the crate follows the domain: [`config`] and [`instance`] open an
//! installation, [`db`] is the store, [`auth`] and [`setup`] decide who is asking, [`access`] what they may do,
//! [`web`] serves pages, and [`app`] wires them into a server.

pub mod access;
pub mod accounts;
pub mod app;
pub mod audit;
pub mod auth;
pub mod availability;
pub mod backup;
pub mod booking;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod data_lock;
pub mod db;
pub mod doctor;
pub mod i18n;
pub mod instance;
pub mod integrations;
pub mod invitations;
pub mod jobs;
pub mod model;
pub mod outbound;
pub mod present;
pub mod scheduling;
pub mod setup;
pub mod systemd_notify;
pub mod transport;
pub mod update;
pub mod web;
