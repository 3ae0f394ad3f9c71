//! Staff members writing to the bot from their own chat: linking it with a one-time code,
//! answering referral notices, unlinking. Their messages never reach the owners' flow.

use super::{Answered, Inbound, RawInput, Service};
use crate::access::StaffId;
use crate::domain::{ChannelKind, UserKey};
use crate::flow::Msg;
use crate::message::Outgoing;
use crate::referrals::RefButton;
use crate::store::{self, StoreError, Tx, links::Link, outbox::NewMessage};
use rand::Rng;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

/// A link code works this long after it was made.
pub const LINK_CODE_LIFETIME: Duration = Duration::hours(24);
/// Letters and digits that cannot be mistaken for each other on a small screen.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 8;

/// A fresh one-time code and the hash that is stored.
pub fn new_link_code() -> (String, String) {
    let mut rng = rand::rng();
    let code: String = (0..CODE_LEN)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    let hash = code_hash(&code);
    (code, hash)
}

fn code_hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.trim().to_ascii_uppercase().as_bytes()))
}

/// What a staff member's message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StaffInput {
    /// `/start link-CODE` (a Telegram link), or `link CODE` typed.
    Link(String),
    Unlink,
    Button(RefButton),
    Accept,
    Decline,
    Other,
}

/// Read a message as a staff input. Only links and referral buttons are recognised from
/// someone who is not linked; everything else of theirs is an owner's message.
pub(super) fn read(raw: &RawInput) -> StaffInput {
    match raw {
        RawInput::Button(id) => RefButton::parse(id).map_or(StaffInput::Other, StaffInput::Button),
        RawInput::Text(text) => read_text(text),
        _ => StaffInput::Other,
    }
}

fn read_text(text: &str) -> StaffInput {
    let t = text.trim();
    let lower = t.to_lowercase();
    let code = lower
        .strip_prefix("/start link-")
        .or_else(|| lower.strip_prefix("/start link_"))
        .or_else(|| lower.strip_prefix("/link "))
        .or_else(|| lower.strip_prefix("link "))
        .or_else(|| lower.strip_prefix("sambung "))
        .map(str::trim)
        .filter(|c| c.len() == CODE_LEN && c.chars().all(|ch| ch.is_ascii_alphanumeric()));
    if let Some(code) = code {
        return StaffInput::Link(code.to_ascii_uppercase());
    }
    match lower.trim_end_matches(['.', '!']) {
        "/lepas" | "/unlink" | "lepas" | "unlink" | "putus" => StaffInput::Unlink,
        "terima" | "/terima" | "accept" => StaffInput::Accept,
        "tolak" | "/tolak" | "decline" => StaffInput::Decline,
        _ => StaffInput::Other,
    }
}

impl Service {
    /// One staff event, in the batch's transaction. `staff`: the account linked to this
    /// chat, if any.
    pub(super) async fn staff_event(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        staff: Option<StaffId>,
        input: StaffInput,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let (channel, user) = (inbound.channel, &inbound.user);
        let acks: Vec<NewMessage> = inbound
            .acks
            .iter()
            .map(|outgoing| NewMessage {
                conversation: None,
                recipient: user,
                outgoing,
                transient: true,
                at: now,
            })
            .collect();
        store::outbox::enqueue(tx, channel, &acks).await?;
        // Notices held while their window was closed go out first, now that it is open.
        if staff.is_some() {
            store::outbox::release_held(tx, channel, user, now).await?;
        }
        let reply = match (input, staff) {
            (StaffInput::Link(code), _) => self.link(tx, channel, user, &code, now).await?,
            (_, None) => Some(Msg::new("staff-not-linked")),
            (StaffInput::Unlink, Some(staff)) => {
                store::links::unlink(tx, staff).await?;
                self.release_consultant(tx, staff, "unlinked", now).await?;
                store::audit::record(tx, staff, "staff_unlinked", None, channel.as_str(), now)
                    .await?;
                Some(Msg::new("staff-unlinked"))
            }
            (StaffInput::Button(button), Some(staff)) => {
                answered(self.answer_referral(tx, staff, button, now).await?)
            }
            (typed @ (StaffInput::Accept | StaffInput::Decline), Some(staff)) => {
                self.typed_answer(tx, staff, typed == StaffInput::Accept, now)
                    .await?
            }
            (StaffInput::Other, Some(staff)) => Some(self.help(tx, staff).await?),
        };
        if let Some(msg) = reply {
            let out = Outgoing::Message(self.notices().say(msg));
            let message = NewMessage {
                conversation: None,
                recipient: user,
                outgoing: &out,
                transient: true,
                at: now,
            };
            store::outbox::enqueue(tx, channel, &[message]).await?;
        }
        Ok(())
    }

    async fn link(
        &self,
        tx: &mut Tx,
        channel: ChannelKind,
        user: &UserKey,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Msg>, StoreError> {
        let Some(staff) = store::links::use_code(tx, &code_hash(code), now).await? else {
            return Ok(Some(Msg::new("staff-link-invalid")));
        };
        let link = Link {
            staff,
            channel,
            user: user.clone(),
        };
        store::links::link(tx, &link, now).await?;
        // Whoever links can be written to, even if this chat once blocked the bot.
        store::contacts::mark_reachable(tx, channel, &[user]).await?;
        store::audit::record(tx, staff, "staff_linked", None, channel.as_str(), now).await?;
        tracing::info!(staff = %staff, channel = %channel, "staff chat linked");
        let name = store::staff::get_in(tx, staff)
            .await?
            .map(|s| s.name)
            .unwrap_or_default();
        Ok(Some(Msg::new("staff-linked").text("name", name)))
    }

    /// "terima" / "tolak" typed instead of pressed: fine when only one offer is open.
    async fn typed_answer(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        accept: bool,
        now: OffsetDateTime,
    ) -> Result<Option<Msg>, StoreError> {
        let open = store::referrals::open_offers_of(tx, staff).await?;
        match open.as_slice() {
            [only] => {
                let button = if accept {
                    RefButton::Accept(only.id)
                } else {
                    RefButton::Decline(only.id, None)
                };
                Ok(answered(
                    self.answer_referral(tx, staff, button, now).await?,
                ))
            }
            [] => Ok(Some(Msg::new("staff-no-open-referrals"))),
            many => Ok(Some(
                Msg::new("staff-several-open").num("count", many.len() as i64),
            )),
        }
    }

    async fn help(&self, tx: &mut Tx, staff: StaffId) -> Result<Msg, StoreError> {
        let open = store::referrals::open_offers_of(tx, staff).await?;
        Ok(Msg::new("staff-help")
            .num("count", open.len() as i64)
            .text("link", format!("{}/rujukan", self.notices().dashboard)))
    }
}

/// What to say after an answer; None when the answer already queued its own message.
fn answered(result: Answered) -> Option<Msg> {
    match result {
        Answered::Accepted | Answered::Declined | Answered::AskedReason => None,
        Answered::TooLate(_) => Some(Msg::new("referral-too-late")),
        Answered::NotFound => Some(Msg::new("referral-not-found")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_codes_are_read_however_they_arrive() {
        for text in [
            "/start link-ABCD2345",
            "link abcd2345",
            "/link ABCD2345 ",
            "sambung abcd2345",
        ] {
            assert_eq!(
                read_text(text),
                StaffInput::Link("ABCD2345".into()),
                "{text}"
            );
        }
        for text in [
            "/start",
            "/start link-",
            "link ABC",
            "link ABCD2345 tolong",
            "/start kampanye1",
        ] {
            assert_ne!(
                read_text(text),
                StaffInput::Link("ABCD2345".into()),
                "{text}"
            );
        }
    }

    #[test]
    fn new_codes_hash_the_same_in_any_case() {
        let (code, hash) = new_link_code();
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(code_hash(&code.to_lowercase()), hash);
        assert_eq!(
            read_text(&format!("link {}", code.to_lowercase())),
            StaffInput::Link(code)
        );
    }
}
