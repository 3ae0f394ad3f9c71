//! What the app logs, captured for tests that check what the logs must never hold. One
//! subscriber for the whole test binary (tests run on many threads and the app spawns
//! tasks), so a test looks for its own distinctive strings only.
#![allow(dead_code)]

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

static CAPTURED: OnceLock<Buffer> = OnceLock::new();

/// Start capturing (once per binary): everything at debug and above, Pandu's at trace.
/// sqlx's statement log is left out: it shows the tests' own queries, values inlined.
pub fn capture() {
    CAPTURED.get_or_init(|| {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "debug,sqlx=info,pandu=trace",
            ))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other global subscriber in the tests");
        buffer
    });
}

/// Everything logged since `capture`.
pub fn captured() -> String {
    let buffer = CAPTURED.get().expect("capture() first");
    String::from_utf8_lossy(&buffer.0.lock().unwrap()).into_owned()
}

/// Fail with the offending lines when any of `needles` was logged.
pub fn assert_never_logged(needles: &[&str]) {
    let logs = captured();
    for needle in needles {
        let lines: Vec<&str> = logs.lines().filter(|l| l.contains(needle)).collect();
        assert!(
            lines.is_empty(),
            "{needle:?} was logged:\n{}",
            lines.join("\n")
        );
    }
}
