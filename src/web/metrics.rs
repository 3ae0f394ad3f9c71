//! `GET /metrics` in Prometheus text format: counts from the database (cheap ones, see
//! `store::metrics`), request latencies from this process.

use super::AppState;
use crate::store;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

/// Request count and total seconds per route.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<String, (u64, f64)>>,
}

pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    if let Ok(mut requests) = state.metrics.requests.lock() {
        let entry = requests.entry(route).or_default();
        entry.0 += 1;
        entry.1 += seconds;
    }
    response
}

/// `/metrics` on the public listener: only with `Authorization: Bearer <PANDU_METRICS_TOKEN>`,
/// and not at all without a token (queue depths and lead counts are not for everyone).
pub async fn render_with_token(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Response {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match (&state.metrics_token, given) {
        (Some(token), Some(given)) if super::auth::same(token, given) => render(State(state)).await,
        (Some(_), _) => axum::http::StatusCode::UNAUTHORIZED.into_response(),
        (None, _) => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

pub async fn render(State(state): State<AppState>) -> Response {
    let mut out = String::new();
    if let Err(e) = database_metrics(&state, &mut out).await {
        tracing::error!(error = %e, "metrics: database unavailable");
    }
    out.push_str("# HELP pandu_http_requests_total HTTP requests handled, by route.\n# TYPE pandu_http_requests_total counter\n");
    out.push_str("# HELP pandu_http_request_duration_seconds_sum Time spent on HTTP requests, by route.\n# TYPE pandu_http_request_duration_seconds_sum counter\n");
    if let Ok(requests) = state.metrics.requests.lock() {
        for (route, (count, seconds)) in requests.iter() {
            out.push_str(&format!(
                "pandu_http_requests_total{{route=\"{route}\"}} {count}\n"
            ));
            out.push_str(&format!(
                "pandu_http_request_duration_seconds_sum{{route=\"{route}\"}} {seconds:.6}\n"
            ));
        }
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}

async fn database_metrics(state: &AppState, out: &mut String) -> Result<(), store::StoreError> {
    let m = store::metrics::read(&state.service.store).await?;
    out.push_str("# HELP pandu_inbound_events_total Inbound events handled.\n# TYPE pandu_inbound_events_total counter\n");
    out.push_str(&format!(
        "pandu_inbound_events_total {}\n",
        m.inbound_events
    ));
    let gauges = [
        (
            "pandu_outbox_messages",
            "Outbox messages waiting or being sent, by status.",
            "status",
            &m.outbox_live,
        ),
        (
            "pandu_inbox_updates",
            "Inbox updates waiting or being processed, by status.",
            "status",
            &m.inbox_live,
        ),
        (
            "pandu_leads",
            "Leads by outcome.",
            "outcome",
            &m.leads_by_outcome,
        ),
    ];
    for (metric, help, label, values) in gauges {
        out.push_str(&format!("# HELP {metric} {help}\n# TYPE {metric} gauge\n"));
        for (k, n) in values {
            out.push_str(&format!("{metric}{{{label}=\"{k}\"}} {n}\n"));
        }
    }
    Ok(())
}
