//! `pandu chat --json` and `pandu leads export`, driven as a subprocess like a script would.

mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use tempfile::TempDir;

struct Run {
    lines: Vec<Value>,
    stderr: String,
}

fn pandu(dir: &TempDir, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pandu"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("pandu.db").display()),
        )
        .env("PANDU_DOCUMENTS_DIR", dir.path().join("docs"))
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the pandu binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "pandu {args:?} failed: {stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines = if args.first() == Some(&"chat") {
        stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    } else {
        vec![Value::String(stdout)]
    };
    Run { lines, stderr }
}

fn chat(dir: &TempDir, user: &str, input: &[&str]) -> Vec<Value> {
    let mut text = input.join("\n");
    text.push('\n');
    pandu(dir, &["chat", "--json", "--user", user], &text).lines
}

fn text_of(line: &Value) -> &str {
    line["text"].as_str().expect("every line has text")
}

#[test]
fn every_output_line_is_a_message_with_buttons() {
    let dir = tempfile::tempdir().unwrap();
    let lines = chat(&dir, "ani", &[r#"{"text": "halo"}"#]);
    assert_eq!(lines.len(), 2, "greeting, then the consent question");
    for line in &lines {
        assert!(line["buttons"].is_array(), "{line}");
    }
    let buttons: Vec<&str> = lines[1]["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(buttons, ["consent:yes", "consent:no"]);
    assert!(text_of(&lines[1]).contains("Apakah Anda setuju?"));
}

#[test]
fn buttons_text_and_bare_lines_drive_the_conversation_and_a_later_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let first = chat(
        &dir,
        "ani",
        &[
            r#"{"text": "mau cek SNI"}"#,
            r#"{"button": "consent:yes"}"#,
            "kota surabaya",
        ],
    );
    assert!(
        text_of(first.last().unwrap()).contains("nama usaha"),
        "{first:?}"
    );

    // Same user, new process: the conversation continues where it stopped.
    let second = chat(&dir, "ani", &["UD Ani Jaya"]);
    assert_eq!(second.len(), 1);
    assert!(
        text_of(&second[0]).contains("Siapa nama Anda"),
        "{second:?}"
    );

    // Another user starts fresh.
    let other = chat(&dir, "budi", &["halo"]);
    assert!(text_of(&other[0]).contains("Saya Pandu"));
}

#[test]
fn a_file_line_sends_a_document_and_the_lead_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("nib.png");
    std::fs::write(&photo, common::PNG).unwrap();
    let mut script: Vec<String> = common::HAPPY_PATH.iter().map(|s| s.to_string()).collect();
    script.push(serde_json::json!({"file": photo, "caption": "NIB saya"}).to_string());
    let script: Vec<&str> = script.iter().map(String::as_str).collect();
    let lines = chat(&dir, "siti", &script);
    let all: Vec<&str> = lines.iter().map(text_of).collect();
    assert!(
        all.iter().any(|t| t.contains("NIB sudah kami terima")),
        "{all:#?}"
    );
    assert!(text_of(lines.last().unwrap()).contains("kirim foto produk"));

    let export = pandu(&dir, &["leads", "export", "--format", "csv"], "");
    let csv = export.lines[0].as_str().unwrap();
    let mut rows = csv.lines();
    let header = rows.next().unwrap();
    assert!(header.starts_with(
        "\"lead_id\",\"created_at\",\"channel\",\"region_code\",\"region_name\",\"business_name\",\"owner_name\",\"phone\""
    ));
    let row = rows.next().expect("one lead");
    assert!(
        row.contains(
            ",\"console\",\"52.02\",\"Kabupaten Lombok Tengah\",\"Keripik Bu Siti\",\"Siti Aminah\","
        ),
        "{row}"
    );
    assert!(row.contains(",\"siap_bina_umk\","), "{row}");
    assert!(rows.next().is_none());
    assert!(export.stderr.contains("exported 1 leads"));
}

#[test]
fn an_unreadable_path_is_refused_politely_and_explained_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let mut script: Vec<String> = common::HAPPY_PATH.iter().map(|s| s.to_string()).collect();
    script.push(r#"{"file": "/no/such/file.jpg"}"#.into());
    let input = script.join("\n") + "\n";
    let run = pandu(&dir, &["chat", "--json", "--user", "x"], &input);
    let last = run.lines.last().unwrap();
    assert!(text_of(last).contains("berkasnya kosong"), "{last}");
    assert!(
        run.stderr.contains("cannot read /no/such/file.jpg"),
        "{}",
        run.stderr
    );
}
