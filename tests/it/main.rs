//! Integration tests: the real server on 127.0.0.1:0 with a temporary data directory,
//! driven over HTTP like a browser or an API client would.

mod access;
mod api;
mod audit;
mod backup;
mod caldav;
mod calendar_pages;
mod calendar_sync;
mod cli;
mod config;
mod docs;
mod doctor;
mod email;
mod encryption;
mod extremes;
mod first_week;
mod jobs;
mod jobs_delivery;
mod layers;
mod lifecycle;
mod metrics;
mod mfa;
mod pages;
mod rate_limits;
mod service;
mod setup;
mod sign_in;
mod sms;
mod sso;
mod support;
mod tls;
mod update;
mod web;
mod webhooks;
mod workflows;
