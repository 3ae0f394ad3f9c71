//! Decide whether a file may be kept: size limit and real type from its magic bytes.

use crate::flow::{DocumentFile, FileCheck, FileKind, FileProblem};
use sha2::{Digest, Sha256};

/// Check bytes a user sent. The declared name or MIME type is not trusted.
pub fn inspect(bytes: &[u8], max_bytes: u64) -> FileCheck {
    if bytes.is_empty() {
        return FileCheck::Rejected(FileProblem::Empty);
    }
    if bytes.len() as u64 > max_bytes {
        return FileCheck::Rejected(too_large(max_bytes));
    }
    let Some(kind) = infer::get(bytes).and_then(|t| FileKind::from_mime(t.mime_type())) else {
        return FileCheck::Rejected(FileProblem::NotAllowed);
    };
    FileCheck::Accepted(DocumentFile {
        sha256: hex::encode(Sha256::digest(bytes)),
        kind,
        size: bytes.len() as u64,
    })
}

/// A declared size over the limit is refused before anything is downloaded.
pub fn too_large(max_bytes: u64) -> FileProblem {
    FileProblem::TooLarge {
        limit_mb: max_bytes / (1024 * 1024),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";
    const PDF: &[u8] = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";

    #[test]
    fn accepts_images_and_pdf_by_content() {
        for (bytes, kind) in [
            (PNG, FileKind::Png),
            (JPEG, FileKind::Jpeg),
            (PDF, FileKind::Pdf),
            (WEBP, FileKind::Webp),
        ] {
            match inspect(bytes, 1024) {
                FileCheck::Accepted(file) => {
                    assert_eq!(file.kind, kind);
                    assert_eq!(file.size, bytes.len() as u64);
                    assert_eq!(file.sha256.len(), 64);
                }
                other => panic!("{kind:?} refused: {other:?}"),
            }
        }
    }

    #[test]
    fn refuses_other_types_empty_and_oversize_files() {
        let zip = b"PK\x03\x04\x14\0\0\0";
        assert_eq!(
            inspect(zip, 1024),
            FileCheck::Rejected(FileProblem::NotAllowed)
        );
        assert_eq!(
            inspect(b"just text, named foto.jpg", 1024),
            FileCheck::Rejected(FileProblem::NotAllowed)
        );
        assert_eq!(inspect(b"", 1024), FileCheck::Rejected(FileProblem::Empty));
        let big = [PNG, &[0u8; 3 * 1024 * 1024]].concat();
        assert_eq!(
            inspect(&big, 2 * 1024 * 1024),
            FileCheck::Rejected(FileProblem::TooLarge { limit_mb: 2 })
        );
    }
}
