//! Wiring: configuration in, a ready service out. Used by `main` and by the tests.

use crate::config::Config;
use crate::documents::DocumentStore;
use crate::i18n::Texts;
use crate::reference::{Reference, ReferenceError};
use crate::service::{Service, Settings};
use crate::store::{Store, StoreError};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("reference data: {0}")]
    Reference(#[from] ReferenceError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub async fn build(config: &Config) -> Result<Service, StartError> {
    let reference = Reference::load(&config.reference)?;
    let store = Store::connect(&config.database_url).await?;
    Ok(Service {
        store,
        reference: Arc::new(reference),
        texts: Arc::new(Texts::embedded(config.help_contact.clone())),
        documents: DocumentStore::new(&config.documents_dir),
        settings: Settings {
            default_locale: config.default_locale,
            retention_months: config.retention_months,
            document_max_bytes: config.document_max_bytes,
        },
    })
}
