//! A WhatsApp user talking to the bot: each message one signed webhook POST.
#![allow(dead_code)]

use super::fake_whatsapp::{Call, FakeWhatsapp, payloads};
use super::telegram_app::Running;
use super::whatsapp_app::post;
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);

/// A WhatsApp user: each message is one signed webhook POST.
pub struct WaUser<'a> {
    pub fake: &'a FakeWhatsapp,
    pub app: &'a Running,
    pub wa_id: String,
    pub seen: usize,
    pub next: u32,
}

impl<'a> WaUser<'a> {
    pub fn new(fake: &'a FakeWhatsapp, app: &'a Running, wa_id: &str) -> Self {
        Self {
            fake,
            app,
            wa_id: wa_id.into(),
            seen: 0,
            next: 0,
        }
    }

    pub fn wamid(&mut self) -> String {
        self.next += 1;
        format!("wamid.in.{}.{}", self.wa_id, self.next)
    }

    pub async fn send(&mut self, message: Value) -> Vec<Call> {
        let body = payloads::envelope(vec![payloads::value(vec![message], vec![])]);
        assert_eq!(post(self.app, &body, None).await, 200);
        self.replies().await
    }

    /// The bot's new messages: at least one, then until it has been quiet for a moment.
    pub async fn replies(&mut self) -> Vec<Call> {
        let (wa, seen) = (self.wa_id.clone(), self.seen);
        self.fake
            .wait_for("a reply", WAIT, |f| f.sent_count(&wa) > seen)
            .await;
        let mut count = 0;
        while count != self.fake.sent_count(&wa) {
            count = self.fake.sent_count(&wa);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let all = self.fake.sent_to(&wa);
        self.seen = all.len();
        all[seen..].to_vec()
    }

    pub async fn say(&mut self, text: &str) -> Vec<Call> {
        let (id, from) = (self.wamid(), self.wa_id.clone());
        self.send(payloads::text(&id, &from, text)).await
    }

    /// Press a reply button or pick a list row, whichever the last question offered.
    pub async fn choose(&mut self, option: &str) -> Vec<Call> {
        let (id, from) = (self.wamid(), self.wa_id.clone());
        let last = self
            .fake
            .sent_to(&from)
            .last()
            .cloned()
            .expect("a question");
        let message = if last.body["interactive"]["type"] == "list" {
            payloads::list_reply(&id, &from, option, option)
        } else {
            payloads::button_reply(&id, &from, option, option)
        };
        self.send(message).await
    }
}

pub fn texts(calls: &[Call]) -> String {
    calls
        .iter()
        .map(|c| {
            c.body["text"]["body"]
                .as_str()
                .or(c.body["interactive"]["body"]["text"].as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// Ids offered by a message: reply buttons or list rows.
pub fn options(call: &Call) -> Vec<String> {
    let i = &call.body["interactive"];
    let ids = if i["type"] == "button" {
        i["action"]["buttons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["reply"]["id"].clone())
            .collect::<Vec<_>>()
    } else {
        i["action"]["sections"][0]["rows"]
            .as_array()
            .map_or(Vec::new(), |r| r.iter().map(|r| r["id"].clone()).collect())
    };
    ids.iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}
