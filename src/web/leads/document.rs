//! Documents are served only through here, after the scope check, with an audit row.

use super::failure;
use crate::access::parse_lead_id;
use crate::store::{self, dashboard};
use crate::web::AppState;
use crate::web::auth::Signed;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Deserialize)]
pub struct DocQuery {
    download: Option<String>,
}

/// Documents are served only through here, after the scope check, and every view is logged.
pub async fn document(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, doc)): Path<(String, i64)>,
    Query(q): Query<DocQuery>,
) -> Response {
    let Some(id) = parse_lead_id(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let store = &state.service.store;
    let (mime, sha, item) = match dashboard::document(store, &signed.staff.scope(), id, doc).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(e),
    };
    let Ok(bytes) = tokio::fs::read(state.service.documents.path_of(&sha)).await else {
        tracing::error!(document = doc, "document file missing");
        return StatusCode::NOT_FOUND.into_response();
    };
    let download = q.download.is_some();
    let action = if download {
        "document_download"
    } else {
        "document_view"
    };
    // No view without its audit row.
    let at = OffsetDateTime::now_utc();
    if let Err(e) = store::audit::log(store, signed.staff.id, action, Some(id), &item, at).await {
        return failure(e);
    }
    let extension = crate::flow::FileKind::from_mime(&mime).map_or("bin", |k| match k {
        crate::flow::FileKind::Jpeg => "jpg",
        crate::flow::FileKind::Png => "png",
        crate::flow::FileKind::Webp => "webp",
        crate::flow::FileKind::Pdf => "pdf",
    });
    // PDFs always download: a browser shows them with a viewer that a sandboxed page may not
    // load, and a citizen's PDF must never run as our origin. Images may show inline.
    let inline = !download && extension != "pdf";
    let disposition = format!(
        "{}; filename=\"lead-{id}-{item}.{extension}\"",
        if inline { "inline" } else { "attachment" }
    );
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            // Whatever the file holds runs nowhere: no scripts, no origin, no requests.
            (header::CONTENT_SECURITY_POLICY, DOCUMENT_CSP.to_owned()),
        ],
        bytes,
    )
        .into_response()
}

const DOCUMENT_CSP: &str = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
