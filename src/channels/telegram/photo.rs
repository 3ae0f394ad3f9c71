//! A message with an image goes as a photo: with the text as its caption when it fits,
//! otherwise the photo first and the text (with the buttons) after it.

use crate::domain::OutboxId;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Telegram's limit for a photo caption.
pub const CAPTION_MAX: usize = 1024;

/// How long a sent photo is remembered for its row's retries.
const REMEMBER: Duration = Duration::from_secs(60 * 60);

/// Whether the text can be the photo's caption. Telegram counts UTF-16 code units, which is
/// never fewer than characters, so counting them errs on the safe side.
pub fn fits_caption(text: &str) -> bool {
    text.encode_utf16().count() <= CAPTION_MAX
}

/// Rows whose photo went out but whose text did not (yet). A row is sent whole or retried
/// whole, so without this a retry of the text would send the photo again. Kept in memory:
/// after a restart, or when another instance takes the retry, the photo is sent twice, the
/// same rare duplicate a crash between sending and recording costs any message.
#[derive(Default)]
pub struct PhotosSent(Mutex<HashMap<OutboxId, Instant>>);

impl PhotosSent {
    pub fn contains(&self, id: OutboxId) -> bool {
        self.lock().contains_key(&id)
    }

    pub fn remember(&self, id: OutboxId) {
        let mut sent = self.lock();
        // A row that gave up after its retries is never forgotten otherwise.
        sent.retain(|_, at| at.elapsed() < REMEMBER);
        sent.insert(id, Instant::now());
    }

    pub fn forget(&self, id: OutboxId) {
        self.lock().remove(&id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OutboxId, Instant>> {
        // The map holds no invariant a panic elsewhere could break.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_measured_as_telegram_does() {
        assert!(fits_caption(&"a".repeat(1024)));
        assert!(!fits_caption(&"a".repeat(1025)));
        // An emoji is two UTF-16 units.
        assert!(!fits_caption(&"😀".repeat(513)));
    }

    #[test]
    fn a_remembered_photo_is_forgotten_once_its_text_is_settled() {
        let sent = PhotosSent::default();
        sent.remember(OutboxId(7));
        assert!(sent.contains(OutboxId(7)));
        sent.forget(OutboxId(7));
        assert!(!sent.contains(OutboxId(7)));
    }
}
