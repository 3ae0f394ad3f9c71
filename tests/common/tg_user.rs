//! A Telegram user talking to the bot through the fake Bot API.
#![allow(dead_code)]

use super::fake_telegram::{Call, FakeTelegram, updates};
use super::telegram_app::{WEBHOOK_SECRET, post_update};
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);

/// A Telegram user talking to the bot, by polling (the fake queues updates) or by webhook.
pub struct TgUser<'a> {
    pub fake: &'a FakeTelegram,
    pub chat: i64,
    pub webhook: Option<String>,
    pub seen: usize,
}

impl<'a> TgUser<'a> {
    pub fn new(fake: &'a FakeTelegram, chat: i64, webhook: Option<String>) -> Self {
        Self {
            fake,
            chat,
            webhook,
            seen: 0,
        }
    }

    pub async fn send(&mut self, update: Value) -> Vec<Call> {
        match &self.webhook {
            Some(url) => assert_eq!(post_update(url, Some(WEBHOOK_SECRET), &update).await, 200),
            None => {
                self.fake.push(update);
            }
        }
        self.replies().await
    }

    /// The bot's new messages: at least one, then until it has been quiet for a moment.
    pub async fn replies(&mut self) -> Vec<Call> {
        let chat = self.chat;
        let seen = self.seen;
        self.fake
            .wait_for("a reply", WAIT, |f| f.sent_count(chat) > seen)
            .await;
        let mut count = 0;
        while count != self.fake.sent_count(chat) {
            count = self.fake.sent_count(chat);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let all = self.fake.sent_to(chat);
        self.seen = all.len();
        all[seen..].to_vec()
    }

    pub async fn say(&mut self, text: &str) -> Vec<Call> {
        let id = self.fake.next_update_id();
        self.send(updates::text(id, self.chat, text)).await
    }

    /// Press a button of the latest message that has buttons.
    pub async fn press(&mut self, data: &str) -> Vec<Call> {
        let question = self.last_question();
        let id = self.fake.next_update_id();
        self.send(updates::press(id, self.chat, &question, data))
            .await
    }

    pub fn last_question(&self) -> Value {
        let sent = self.fake.sent_to(self.chat);
        let call = sent
            .iter()
            .rev()
            .find(|c| c.body["reply_markup"]["inline_keyboard"].is_array())
            .expect("a question with buttons");
        call.result.clone()
    }
}

/// The texts sent, a photo's caption standing for its text.
pub fn texts(calls: &[Call]) -> String {
    calls
        .iter()
        .map(|c| {
            c.body["text"]
                .as_str()
                .or(c.body["caption"].as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// The callback data of a message's inline buttons.
pub fn buttons(call: &Call) -> Vec<String> {
    inline_field(call, "callback_data")
}

/// The links of a message's URL buttons.
pub fn url_buttons(call: &Call) -> Vec<String> {
    inline_field(call, "url")
}

fn inline_field(call: &Call, field: &str) -> Vec<String> {
    call.body["reply_markup"]["inline_keyboard"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .flat_map(|r| r.as_array().unwrap().iter())
                .filter_map(|b| b[field].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The whole check, then "later" for every document: the owner is at the end (the menu).
pub async fn finished_owner(owner: &mut TgUser<'_>) {
    for text in super::HAPPY_PATH {
        owner.say(text).await;
    }
    for _ in 0..10 {
        let last = owner.fake.sent_to(owner.chat).last().cloned().unwrap();
        if !buttons(&last).iter().any(|b| b == "doc:later") {
            return;
        }
        owner.press("doc:later").await;
    }
    panic!("the documents never ended");
}
