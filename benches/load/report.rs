//! The figures every run prints: throughput, latencies, Pandu's CPU and memory, and what
//! the tool and the machine were doing meanwhile.

use super::Outcome;
use super::process::{self, Install};
use super::stats::{self, mb, ms, percentiles};
use std::time::Duration;

/// The tool's own CPU and the whole machine's over the load, to see whether the tool or a
/// neighbour is what limits the figures.
pub struct Meter {
    tool_ticks: u64,
    machine: (u64, u64),
}

pub struct Metered {
    tool_ticks: u64,
    machine_busy: f64,
}

impl Meter {
    pub fn start() -> Self {
        Self {
            tool_ticks: process::cpu_ticks("/proc/self/stat").unwrap_or(0),
            machine: process::machine_jiffies(),
        }
    }

    pub fn stop(self) -> Metered {
        let (busy, total) = process::machine_jiffies();
        let (busy0, total0) = self.machine;
        Metered {
            tool_ticks: process::cpu_ticks("/proc/self/stat").unwrap_or(0) - self.tool_ticks,
            machine_busy: (busy - busy0) as f64 / (total - total0).max(1) as f64,
        }
    }
}

/// The common figures of a run; returns its summary line.
pub fn report(label: &str, outcome: &Outcome, metered: &Metered) -> String {
    let results = &outcome.results;
    let updates: usize = results.iter().map(|r| r.updates).sum();
    let failed: usize = results.iter().map(|r| r.failed_posts).sum();
    let lost = results.iter().filter(|r| r.lost).count();
    let acks: Vec<Duration> = results.iter().flat_map(|r| r.acks.clone()).collect();
    let replies: Vec<Duration> = results.iter().flat_map(|r| r.replies.clone()).collect();
    let seconds = outcome.elapsed.as_secs_f64();
    let rate = updates as f64 / seconds;
    let tick_ms = 1000.0 / process::ticks_per_second();
    let cpu_ms = outcome.usage.cpu_ticks as f64 * tick_ms;
    let per_update = |ms: f64| ms / updates.max(1) as f64;
    println!(
        "  {updates} updates acknowledged in {seconds:.2} s: {rate:.1} updates/s \
         (POSTs not answered 200: {failed}; chats that lost a reply: {lost})"
    );
    println!("  ack   (POST to 200)              {}", percentiles(&acks));
    println!(
        "  reply (POST to first reply)      {}",
        percentiles(&replies)
    );
    println!(
        "  Pandu CPU {:.2} ms/update ({cpu_ms:.0} ms); RSS max {} (sampled every 100 ms), VmHWM {}",
        per_update(cpu_ms),
        mb(outcome.usage.max_rss_kb),
        mb(outcome.usage.hwm_kb)
    );
    println!(
        "  load tool CPU {:.2} ms/update; machine {:.0}% busy of {} cores during the load",
        per_update(metered.tool_ticks as f64 * tick_ms),
        metered.machine_busy * 100.0 * process::cores() as f64,
        process::cores()
    );
    let (p50, p99) = stats::p50_p99(&replies).unwrap_or_default();
    format!(
        "{label:<30} {rate:>7.1} updates/s; reply {} / {}; CPU {:.2} ms/update{}",
        ms(p50),
        ms(p99),
        per_update(cpu_ms),
        if outcome.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", outcome.note)
        }
    )
}

/// Pandu's warnings and errors of the run, if any (PANDU_LOG=warn).
pub fn print_log(install: &Install) {
    let log = std::fs::read_to_string(install.log_path()).unwrap_or_default();
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return;
    }
    println!(
        "  Pandu logged {} lines at warn or above; the first:",
        lines.len()
    );
    for line in lines.iter().take(5) {
        println!("    {}", without_colours(line));
    }
}

/// Pandu's log colours its fields even into a file; the escapes would garble the report.
fn without_colours(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // An escape runs to its final letter ("\x1b[2m").
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
