use pandu::domain::Locale;
use pandu::flow::{
    self, Conversation, Ctx, DocumentFile, Event, FileCheck, FileKind, Input, Next, Step,
    Transition,
};
use pandu::reference::Reference;
use std::sync::LazyLock;
use time::OffsetDateTime;
use time::macros::datetime;

static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::embedded);

struct Chat {
    conv: Option<Conversation>,
    at: OffsetDateTime,
    log: Vec<Transition>,
}

impl Chat {
    fn new() -> Self {
        Self {
            conv: None,
            at: datetime!(2025-06-02 09:00 +07:00),
            log: Vec::new(),
        }
    }

    fn send(&mut self, input: Input) -> &Transition {
        let ctx = Ctx {
            reference: &REFERENCE,
            sender_phone: None,
            default_locale: Locale::Id,
            retention_months: 24,
        };
        let t = flow::step(self.conv.take(), &Event { input, at: self.at }, &ctx);
        self.conv = match &t.next {
            Next::Keep(c) => Some((**c).clone()),
            Next::Forget => None,
        };
        self.log.push(t);
        self.log.last().unwrap()
    }

    fn say(&mut self, text: &str) -> &Transition {
        self.send(Input::Text(text.into()))
    }

    fn press(&mut self, id: &str) -> &Transition {
        self.send(Input::Button(id.into()))
    }

    fn file(&mut self, sha: &str) -> &Transition {
        self.send(Input::File(FileCheck::Accepted(DocumentFile {
            sha256: sha.into(),
            kind: FileKind::Jpeg,
            size: 1000,
        })))
    }

    fn conv(&self) -> &Conversation {
        self.conv.as_ref().expect("conversation kept")
    }
}

fn dump(t: &Transition) -> String {
    t.replies
        .iter()
        .map(|r| {
            format!(
                "{:?} {:?}",
                r.ids(),
                r.buttons.iter().map(|b| &b.id).collect::<Vec<_>>()
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn run(script: &[&str]) {
    let mut c = Chat::new();
    for s in script {
        let t = if let Some(id) = s.strip_prefix("!") {
            c.press(id).clone()
        } else if let Some(sha) = s.strip_prefix("#") {
            c.file(sha).clone()
        } else {
            c.say(s).clone()
        };
        println!(
            "{s:?} -> {:?}\n    {}",
            c.conv.as_ref().map(|c| &c.step),
            dump(&t)
        );
    }
    println!(
        "decision {:?}",
        c.conv.as_ref().and_then(|c| c.decision.as_ref())
    );
    println!("effects {:?}", c.log.last().map(|t| &t.effects));
    println!("=========");
}

#[test]
fn explore() {
    let base = [
        "halo",
        "1",
        "serang",
        "/kembali",
        "kota serang",
        "Gula Aren Bu Siti",
        "Siti Aminah",
        "0812 3456 7890",
    ];
    for tail in [
        &[
            "air minum isi ulang",
            "gula",
            "halo",
            "mainan kayu",
            "gula aren cetak",
            "iya",
            "2jt sebulan",
            "sudah",
            "rendah",
            "di rumah",
            "blm",
            "belum",
            "belum",
            "iya lengkap",
            "iya",
            "pasar lokal",
        ][..],
        &[
            "makanan",
            "gula",
            "!product:none",
            "keripik singkong balado",
            "iya",
            "Rp 20.000.000.000",
            "gatau",
        ][..],
        &[
            "sepatu kulit",
            "lainnya",
            "sepatu kulit",
            "!continue",
            "150 juta",
            "iya",
        ][..],
    ] {
        let mut v: Vec<&str> = base.to_vec();
        v.extend_from_slice(tail);
        run(&v);
    }
    let _ = Step::Done;
}
