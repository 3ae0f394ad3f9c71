//! Exports of the filtered list. CSV streams from the first row; XLSX is built off the async
//! workers, then sent. At most [`EXPORTS_AT_ONCE`] run together: one more is told politely to
//! try again in a moment, instead of slowing every page of the dashboard.

use super::AppState;
use super::auth::Signed;
use super::error::WebError;
use super::layout::page;
use super::leads::ListQuery;
use crate::export;
use crate::store;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use maud::html;
use time::OffsetDateTime;
use tokio::sync::OwnedSemaphorePermit;

/// Exports running together (each reads a page at a time; XLSX also keeps a core busy).
pub const EXPORTS_AT_ONCE: usize = 2;

/// The current filtered list as CSV (UTF-8 with BOM for Excel), streamed as it is read.
pub async fn export_csv(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ListQuery>,
) -> Response {
    if let Err(e) = query.check() {
        return WebError::too_long(&state, &signed, e, "/leads").into_response();
    }
    let Some(permit) = admit(&state) else {
        return busy(&state, &signed);
    };
    // Logged when the export starts: a download cut short has still shown its rows.
    audit_export(&state, &signed, "export_csv", &query.query_string()).await;
    let store = state.service.store.clone();
    let rows = export::csv_stream(
        store,
        signed.staff.scope(),
        query.filter(super::show::office_zone(&signed.staff)),
        words(&state),
    )
    .map(move |chunk| {
        let _held = &permit; // released when the stream ends or the client goes away
        chunk.inspect_err(|e| tracing::error!(error = %e, "CSV export failed midway"))
    });
    attachment(
        Body::from_stream(rows),
        "text/csv; charset=utf-8",
        "leads.csv",
    )
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ListQuery>,
) -> Response {
    if let Err(e) = query.check() {
        return WebError::too_long(&state, &signed, e, "/leads").into_response();
    }
    let Some(permit) = admit(&state) else {
        return busy(&state, &signed);
    };
    let Ok(file) = tempfile::NamedTempFile::new() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let store = &state.service.store;
    let (scope, filter) = (
        signed.staff.scope(),
        query.filter(super::show::office_zone(&signed.staff)),
    );
    let count = match export::write_xlsx(store, &scope, &filter, words(&state), file.path()).await {
        Ok(n) => n,
        Err(e) => return failure(e),
    };
    drop(permit);
    let detail = format!("{count} leads; {}", query.query_string());
    audit_export(&state, &signed, "export_xlsx", &detail).await;
    // The open handle keeps the data readable after the name is removed.
    let Ok(handle) = file.reopen() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    drop(file);
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(
        tokio::fs::File::from_std(handle),
    ));
    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    attachment(body, mime, "leads.xlsx")
}

fn admit(state: &AppState) -> Option<OwnedSemaphorePermit> {
    state.exports.clone().try_acquire_owned().ok()
}

/// 503 with Retry-After: the server, not the user, is the limit.
fn busy(state: &AppState, signed: &Signed) -> Response {
    let body = html! {
        p { (state.t("dash-export-busy")) }
        p { a href="/leads" { (state.t("dash-nav-leads")) } }
    };
    let title = state.t("dash-export-busy-title");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "30")],
        page(state, &title, Some(signed), body),
    )
        .into_response()
}

fn failure(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "dashboard export failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

async fn audit_export(state: &AppState, signed: &Signed, action: &str, detail: &str) {
    let _ = store::audit::log(
        &state.service.store,
        signed.staff.id,
        action,
        None,
        detail,
        OffsetDateTime::now_utc(),
    )
    .await;
}

fn attachment(body: Body, mime: &'static str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// The label columns in the staff member's language.
fn words(state: &AppState) -> export::Words {
    export::Words::new(state.service.texts.clone(), state.locale())
}
