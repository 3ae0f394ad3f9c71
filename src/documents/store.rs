//! Content-addressed files: `<dir>/<first two hex>/<sha256>`. The same file is kept once.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[error("document store at {path}: {source}")]
pub struct StoreError {
    path: PathBuf,
    source: io::Error,
}

#[derive(Debug, Clone)]
pub struct DocumentStore {
    dir: PathBuf,
}

impl DocumentStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("xx");
        self.dir.join(prefix).join(sha256)
    }

    /// Write the bytes under their hash. Written to a temporary name first and renamed, so a
    /// crash never leaves a half-written file under a real name.
    pub async fn put(&self, sha256: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.path_of(sha256);
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(path);
        }
        let parent = path.parent().unwrap_or(&self.dir).to_path_buf();
        let err = |source| StoreError {
            path: parent.clone(),
            source,
        };
        tokio::fs::create_dir_all(&parent).await.map_err(err)?;
        let tmp = parent.join(format!(".{sha256}.{}.tmp", uuid::Uuid::new_v4()));
        tokio::fs::write(&tmp, bytes).await.map_err(err)?;
        tokio::fs::rename(&tmp, &path).await.map_err(err)?;
        Ok(path)
    }

    pub async fn remove(&self, sha256: &str) -> Result<(), StoreError> {
        let path = self.path_of(sha256);
        match tokio::fs::remove_file(&path).await {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StoreError { path, source: e }),
            _ => Ok(()),
        }
    }
}
