//! The real `pandu` binary as a child process, and what /proc says about it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
// std's process API, not tokio's: tokio is built without its "process" feature here, and
// turning it on for the bench would rebuild tokio and everything above it.
use std::io::Write;
use std::process::{Child, Command, Stdio};

/// The binary cargo built for this bench, or `PANDU_BIN` (another build to compare).
pub fn source_binary() -> String {
    std::env::var("PANDU_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_pandu").into())
}

fn private_dir() -> PathBuf {
    std::env::temp_dir().join(format!("pandu-load-{}", std::process::id()))
}

/// The copy every start uses, made on first use (returns its sha256, to name the build).
///
/// The target directory may be shared with other checkouts, and a build there replaces
/// `target/release/pandu`; the copy keeps every start and restart of one invocation on the
/// same binary.
pub fn binary() -> &'static std::path::Path {
    static COPY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        let source = source_binary();
        std::fs::create_dir_all(private_dir()).unwrap();
        let path = private_dir().join("pandu");
        std::fs::copy(&source, &path).unwrap_or_else(|e| panic!("copying {source}: {e}"));
        path
    })
}

/// The first hex digits of the copy's sha256, to tell builds apart in the output.
pub fn binary_digest() -> String {
    use sha2::Digest;
    let bytes = std::fs::read(binary()).unwrap_or_default();
    hex::encode(sha2::Sha256::digest(&bytes))[..12].to_owned()
}

pub fn remove_copy() {
    let _ = std::fs::remove_dir_all(private_dir());
}

/// Everything one Pandu installation is started with. The environment is cleared first, so
/// neither the caller's shell nor a `.env` changes what is measured (the working directory is
/// a temporary one for the same reason: dotenvy looks for `.env` there and above).
#[derive(Clone)]
pub struct Install {
    pub dir: PathBuf,
    pub vars: Vec<(String, String)>,
}

impl Install {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary());
        command
            .args(args)
            .env_clear()
            .envs(self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .current_dir(&self.dir);
        command
    }

    /// Run a one-shot subcommand (`migrate`, `staff add`, `chat`) with `stdin`; panics with its
    /// stderr when it fails.
    pub async fn run(&self, args: &[&str], stdin: &str) -> String {
        let mut command = self.command(args);
        let (args, stdin): (Vec<String>, String) = (
            args.iter().map(|a| a.to_string()).collect(),
            stdin.to_owned(),
        );
        let out = tokio::task::spawn_blocking(move || {
            let mut child = command
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawning pandu");
            child
                .stdin
                .take()
                .unwrap()
                .write_all(stdin.as_bytes())
                .unwrap();
            child.wait_with_output().unwrap()
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "pandu {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Start `pandu serve` (stderr appended to `pandu.log` in the install's folder) and wait
    /// until /healthz answers.
    pub async fn serve(&self, http: &str) -> Serving {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .unwrap();
        let mut child = self
            .command(&["serve"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawning pandu serve");
        let pid = child.id();
        let started = Instant::now();
        let health = format!("http://{http}/healthz");
        let client = reqwest::Client::new();
        loop {
            let ok = client
                .get(&health)
                .timeout(Duration::from_secs(2))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if ok {
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!(
                    "pandu serve did not become healthy; see {}",
                    self.log_path().display()
                );
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let max_rss_kb = Arc::new(AtomicU64::new(0));
        let sampler = tokio::spawn(sample_rss(pid, max_rss_kb.clone()));
        Serving {
            child,
            pid,
            startup: started.elapsed(),
            max_rss_kb,
            sampler,
        }
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.join("pandu.log")
    }
}

/// A running `pandu serve`.
pub struct Serving {
    child: Child,
    pub pid: u32,
    /// From spawn to the first healthy answer.
    pub startup: Duration,
    max_rss_kb: Arc<AtomicU64>,
    sampler: tokio::task::JoinHandle<()>,
}

/// A bench that panics must not leave a service running.
impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one process used, read just before it stopped.
#[derive(Default, Clone, Copy)]
pub struct Usage {
    pub cpu_ticks: u64,
    pub max_rss_kb: u64,
    pub hwm_kb: u64,
}

impl Usage {
    /// Several processes one after the other (a run with kills): CPU adds up, memory peaks.
    pub fn add(&mut self, other: Usage) {
        self.cpu_ticks += other.cpu_ticks;
        self.max_rss_kb = self.max_rss_kb.max(other.max_rss_kb);
        self.hwm_kb = self.hwm_kb.max(other.hwm_kb);
    }
}

impl Serving {
    pub fn cpu_ticks(&self) -> u64 {
        cpu_ticks(&format!("/proc/{}/stat", self.pid)).unwrap_or(0)
    }

    pub fn usage(&self) -> Usage {
        Usage {
            cpu_ticks: self.cpu_ticks(),
            max_rss_kb: self.max_rss_kb.load(Ordering::Relaxed),
            hwm_kb: status_kb(self.pid, "VmHWM:").unwrap_or(0),
        }
    }

    /// SIGKILL (what `Child::kill` sends on Unix), as a crash or the OOM killer would.
    /// Returns what the process used up to that moment.
    pub async fn kill(mut self) -> Usage {
        let usage = self.usage();
        self.sampler.abort();
        let _ = self.child.kill();
        // Reaping a killed process takes no time; its port is free once this returns.
        let _ = self.child.wait();
        usage
    }
}

/// Every 100 ms: the resident set, keeping the largest seen.
async fn sample_rss(pid: u32, max_kb: Arc<AtomicU64>) {
    let mut every = tokio::time::interval(Duration::from_millis(100));
    loop {
        every.tick().await;
        match status_kb(pid, "VmRSS:") {
            Some(kb) => {
                max_kb.fetch_max(kb, Ordering::Relaxed);
            }
            None => return,
        }
    }
}

/// A "Name:   123 kB" line of /proc/<pid>/status.
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// utime + stime (fields 14 and 15) of a /proc/.../stat file, in clock ticks. The command
/// name (field 2) may hold spaces, so fields are counted after its closing parenthesis.
pub fn cpu_ticks(stat_path: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // `after` starts at field 3, so field n is at index n - 3.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Clock ticks per second. `getconf CLK_TCK` asks the C library without a `libc` dependency;
/// 100 is what Linux uses everywhere in practice.
pub fn ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// The whole machine from /proc/stat: (busy, total) jiffies over all cores.
pub fn machine_jiffies() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = stat.lines().next() else {
        return (0, 0);
    };
    let values: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    let total: u64 = values.iter().take(8).sum();
    // idle and iowait are not busy.
    let idle = values.get(3).copied().unwrap_or(0) + values.get(4).copied().unwrap_or(0);
    (total - idle, total)
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A free port on loopback: bind port 0 and let it go. The same port is used again after a
/// kill, so the chats' webhook URL stays the same.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
