//! Percentiles and the way figures are printed.

use std::time::Duration;

/// p50 and p99 (nearest rank) of some latencies; None when there are none.
pub fn p50_p99(values: &[Duration]) -> Option<(Duration, Duration)> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let at =
        |p: f64| sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1];
    Some((at(0.50), at(0.99)))
}

/// "p50 3.1 ms, p99 25.0 ms (n=2000)"
pub fn percentiles(values: &[Duration]) -> String {
    match p50_p99(values) {
        Some((p50, p99)) => format!("p50 {}, p99 {} (n={})", ms(p50), ms(p99), values.len()),
        None => "no samples".into(),
    }
}

/// Milliseconds below 10 s, seconds above.
pub fn ms(d: Duration) -> String {
    if d < Duration::from_secs(10) {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

pub fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}
