//! Work outside a conversation step: housekeeping acks, retention, orphaned files.

use super::{Service, ServiceError};
use crate::store;
use time::OffsetDateTime;

impl Service {
    /// Tell the senders there are messages to deliver.
    pub fn wake_senders(&self) {
        self.wake.outbox();
    }

    /// Delete what is older than the retention period promised in the consent notice.
    pub async fn purge_expired(&self, now: OffsetDateTime) -> Result<u64, ServiceError> {
        let months = i64::from(self.settings.retention_months);
        let cutoff = now - time::Duration::days(months * 30);
        let purged = store::retention::purge_before(&self.store, cutoff, now).await?;
        self.remove_unreferenced(purged.document_hashes).await;
        tracing::info!(
            conversations = purged.conversations,
            "retention: expired data deleted"
        );
        Ok(purged.conversations)
    }

    /// Remove document files no row refers to any more (after `/hapus`, retention, or a
    /// failed transaction). Failures are logged: the rows are already gone.
    pub(super) async fn remove_unreferenced(&self, hashes: Vec<String>) {
        for sha in hashes {
            match store::documents::is_referenced(&self.store, &sha).await {
                Ok(false) => {
                    if let Err(e) = self.documents.remove(&sha).await {
                        tracing::error!(error = %e, "could not remove a document file");
                    }
                }
                Ok(true) => {}
                Err(e) => tracing::error!(error = %e, "could not check a document's references"),
            }
        }
    }
}
